/**
 * A request of the documentation, as an OpenAPI Example Object plus the headers that go with it
 * (the webhook's event name, a binary CloudEvent's attributes). The document puts each header
 * value under the parameter's `examples`, keyed like the body's, so a reader (and the test that
 * sends every example) pairs them by name. Signatures are left to the sender: they need a secret.
 */
export interface RouteExample {
  summary: string;
  value: unknown;
  headers?: Record<string, string>;
}
