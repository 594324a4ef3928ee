// Finds the part of a zod schema that describes one place in a document, following the document
// through arrays, records and discriminated unions. Used to list the fields an object allows when
// a file names one it does not.
import type { z } from "zod";

type AnySchema = z.core.$ZodType;

// The parts of zod's schema definitions read here (they differ by `type`).
interface Def {
  type: string;
  innerType?: AnySchema;
  shape?: Record<string, AnySchema>;
  element?: AnySchema;
  valueType?: AnySchema;
  options?: AnySchema[];
  discriminator?: string;
  values?: unknown[];
  format?: string;
}

function def(schema: AnySchema): Def {
  return schema._zod.def as unknown as Def;
}

function unwrapped(schema: AnySchema): AnySchema {
  let current = schema;
  for (;;) {
    const { type, innerType } = def(current);
    if ((type === "optional" || type === "default" || type === "nullable") && innerType !== undefined)
      current = innerType;
    else return current;
  }
}

function member(value: unknown, key: PropertyKey): unknown {
  return typeof value === "object" && value !== null
    ? (value as Record<PropertyKey, unknown>)[key]
    : undefined;
}

// A union resolved to the option a discriminated union's value chooses; otherwise unchanged.
function resolveUnion(schema: AnySchema | undefined, value: unknown): AnySchema | undefined {
  if (schema === undefined) return undefined;
  const { type, options, discriminator } = def(schema);
  if (type !== "union" || discriminator === undefined) return schema;
  const chosen = member(value, discriminator);
  const option = options?.find((o) => {
    const tag = def(unwrapped(o)).shape?.[discriminator];
    return tag !== undefined && (def(tag).values?.includes(chosen) ?? false);
  });
  return option === undefined ? schema : unwrapped(option);
}

/** The schema at `path` inside `schema` for this document, or undefined where it cannot be told. */
export function schemaAt(
  schema: AnySchema,
  path: readonly PropertyKey[],
  document: unknown,
): AnySchema | undefined {
  let current: AnySchema | undefined = unwrapped(schema);
  let value = document;
  for (const segment of path) {
    current = resolveUnion(current, value);
    if (current === undefined) return undefined;
    const d = def(current);
    const next = d.type === "object" ? d.shape?.[String(segment)] : (d.element ?? d.valueType);
    if (next === undefined) return undefined;
    current = unwrapped(next);
    value = member(value, segment);
  }
  return resolveUnion(current, value);
}

/** The fields an object schema allows, in its order; undefined when `schema` is no object. */
export function allowedFields(schema: AnySchema | undefined): string[] | undefined {
  if (schema === undefined) return undefined;
  const { type, shape } = def(schema);
  return type === "object" && shape !== undefined ? Object.keys(shape) : undefined;
}

/**
 * Every field name an object anywhere inside `schema` allows, through lists, records, unions and
 * optional/default wrappers (not through lazy schemas): what a value standing there may hold.
 */
export function fieldsWithin(schema: AnySchema | undefined): Set<string> {
  const fields = new Set<string>();
  const seen = new Set<AnySchema>();
  const visit = (node: AnySchema | undefined) => {
    if (node === undefined) return;
    const current = unwrapped(node);
    if (seen.has(current)) return;
    seen.add(current);
    const { shape, element, valueType, options } = def(current);
    for (const [name, field] of Object.entries(shape ?? {})) {
      fields.add(name);
      visit(field);
    }
    visit(element);
    visit(valueType);
    for (const option of options ?? []) visit(option);
  };
  visit(schema);
  return fields;
}

/** The options of a union schema, unwrapped. */
export function unionOptions(schema: AnySchema | undefined): AnySchema[] | undefined {
  if (schema === undefined) return undefined;
  const { type, options } = def(schema);
  return type === "union" ? options?.map(unwrapped) : undefined;
}

/** True for z.int() and its kin: zod reports them as "number" when given something else. */
export function isWholeNumber(schema: AnySchema | undefined): boolean {
  if (schema === undefined) return false;
  const { type, format } = def(schema);
  return type === "number" && (format?.includes("int") ?? false);
}
