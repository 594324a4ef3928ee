// Turns the request examples (examples/) into OpenAPI: the bodies as a media type's `examples`,
// and each header that goes with them as its parameter's `examples`, under the same names.
import type { Json } from "./components.ts";
import type { RouteExample } from "./examples/types.ts";

type Examples = Record<string, RouteExample>;

/** A media type's `examples`: summary and value of each, headers left to `headerParameter`. */
export function bodyExamples(examples: Examples): Json {
  return Object.fromEntries(
    Object.entries(examples).map(([name, { summary, value }]) => [name, { summary, value }]),
  );
}

export interface HeaderSpec {
  description: string;
  required?: boolean;
  schema?: Json;
  /** A fixed example, for a header whose value does not depend on the body (a signature's form). */
  example?: string;
}

/** A header parameter; its examples are the values `examples` send it with, by example name. */
export function headerParameter(name: string, spec: HeaderSpec, examples: Examples = {}): Json {
  const paired = Object.entries(examples).flatMap(([key, example]) =>
    example.headers?.[name] === undefined ? [] : [[key, { value: example.headers[name] }] as const],
  );
  return {
    name,
    in: "header",
    required: spec.required ?? false,
    description: spec.description,
    schema: spec.schema ?? { type: "string" },
    ...(paired.length > 0 && { examples: Object.fromEntries(paired) }),
    ...(paired.length === 0 && spec.example !== undefined && { example: spec.example }),
  };
}
