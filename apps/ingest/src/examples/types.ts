/** A request body for the documentation, as an OpenAPI Example Object: a one-line summary and the value. */
export interface PayloadExample {
  summary: string;
  value: Record<string, unknown>;
}
