// For tests that hold data to the published schemas: ajv's draft 2020-12 validator with the
// standard formats, in strict mode (an unknown keyword in a schema is an error, not ignored).
// Test support only (@maturity/model/contracts/testing): nothing that ships imports it.

import { Ajv2020, type ValidateFunction } from "ajv/dist/2020.js";
import addFormatsModule from "ajv-formats";

type Ajv = InstanceType<typeof Ajv2020>;
// ajv-formats is CommonJS: its default export arrives wrapped once more under ESM.
const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ?? addFormatsModule) as (
  ajv: Ajv,
) => Ajv;

export interface SchemaCheck {
  valid: boolean;
  /** ajv's account of what failed, empty when valid. */
  errors: string;
}

export interface ContractValidator {
  /** Checks `value` against the schema `ref` names: an `$id`, optionally with a `#/…` pointer. */
  check(ref: string, value: unknown): SchemaCheck;
  /** Checks `value` against a schema of its own, which may refer to the validator's schemas. */
  checkWith(schema: object, value: unknown): SchemaCheck;
}

export interface ValidatorOptions {
  /** Reads OpenAPI's `discriminator` (a `oneOf` told apart by a property) instead of refusing it. */
  discriminator?: boolean;
}

/** Compiles every schema up front, so a schema ajv refuses fails here, naming it. */
export function contractValidator(
  schemas: readonly { $id?: string; [keyword: string]: unknown }[],
  options: ValidatorOptions = {},
): ContractValidator {
  // strictRequired is a style check, off: a record keyed by an enum (the report's `bands`) requires
  // its keys without listing them under `properties`, which is valid JSON Schema.
  const ajv = addFormats(
    new Ajv2020({
      strict: true,
      strictRequired: false,
      allErrors: true,
      discriminator: options.discriminator,
    }),
  );
  for (const schema of schemas) ajv.addSchema(schema);
  for (const schema of schemas) {
    if (schema.$id === undefined) throw new Error("every published schema needs an $id");
    ajv.getSchema(schema.$id);
  }
  const compiled = new Map<string, ValidateFunction>();
  const run = (validate: ValidateFunction, value: unknown): SchemaCheck => {
    const valid = validate(value);
    return { valid, errors: valid ? "" : ajv.errorsText(validate.errors) };
  };
  return {
    check(ref, value) {
      const validate = ajv.getSchema(ref);
      if (validate === undefined) throw new Error(`no schema ${ref}`);
      return run(validate, value);
    },
    checkWith(schema, value) {
      // ajv caches by object, and a test builds a fresh one per call: cache by content instead.
      const key = JSON.stringify(schema);
      let validate = compiled.get(key);
      if (validate === undefined) compiled.set(key, (validate = ajv.compile(schema)));
      return run(validate, value);
    },
  };
}
