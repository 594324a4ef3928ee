// Validates values against the schemas of the OpenAPI document with ajv: its components become
// the `$defs` of one schema resource, since ajv reads JSON Schema, not OpenAPI documents.
import { contractValidator, type ContractValidator } from "@maturity/model/contracts/testing";

const resource = "/v1/openapi.json";

export function openApiValidator(document: Record<string, unknown>): ContractValidator {
  const components = (document.components as { schemas: Record<string, unknown> }).schemas;
  const rewrite = (value: unknown) =>
    JSON.parse(JSON.stringify(value).replaceAll('"#/components/schemas/', `"${resource}#/$defs/`)) as object;
  const validator = contractValidator([{ $id: resource, $defs: rewrite(components) }], {
    discriminator: true,
  });
  return {
    check: (ref, value) => validator.check(ref, value),
    checkWith: (schema, value) => validator.checkWith(rewrite(schema), value),
  };
}
