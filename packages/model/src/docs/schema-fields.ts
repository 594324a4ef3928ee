// Turns a zod schema into rows of a field table (path, type with its limits, required), read off
// zod's own JSON Schema output so the tables say exactly what validation accepts.
import { z } from "zod";
import { code, number, prose } from "./markdown.ts";

/** The part of JSON Schema (draft 2020-12) that zod emits for our schemas. */
export interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  additionalProperties?: JsonSchema | boolean;
  propertyNames?: JsonSchema;
  enum?: unknown[];
  const?: unknown;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  format?: string;
  pattern?: string;
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  maxItems?: number;
  description?: string;
  /** Set by the `deadline` field type: a time that may lie far ahead. */
  deadline?: boolean;
}

export interface FieldRow {
  /** Dotted path: `sources.repos`, `tools[].name`, `axes.<axis>.score`. */
  path: string;
  type: string;
  required: boolean;
  /** The schema's own description, when it has one. */
  description?: string;
}

export interface FieldOptions {
  /**
   * Objects whose keys are exactly one of these lists, each key with the same schema, are shown
   * as one placeholder row (`axes.<axis>`) instead of one row per key.
   */
  placeholders?: readonly { keys: readonly string[]; name: string }[];
  /** How a date-time field is described. */
  dateTime?: string;
}

export function jsonSchemaOf(schema: z.ZodType): JsonSchema {
  return z.toJSONSchema(schema) as JsonSchema;
}

/**
 * Every field of an object schema, nested fields after their parent. An object or list of objects
 * met a second time (the org's risks are the systems' risks) is one row saying so, not a repeat.
 */
export function fieldRows(schema: JsonSchema, options: FieldOptions = {}): FieldRow[] {
  return objectRows(schema, options, "", new Map());
}

function objectRows(
  schema: JsonSchema,
  options: FieldOptions,
  prefix: string,
  seen: Map<string, string>,
): FieldRow[] {
  const properties = schema.properties ?? {};
  const required = new Set(schema.required ?? []);
  const placeholder = placeholderOf(properties, options);
  const entries: [string, JsonSchema, boolean][] =
    placeholder === undefined
      ? Object.entries(properties).map(([key, property]) => [key, property, required.has(key)])
      : [[`<${placeholder.name}>`, Object.values(properties)[0]!, true]];
  const rows: FieldRow[] = [];
  for (const [key, property, isRequired] of entries) {
    const path = prefix + key;
    const children = childRows(property, path, options, seen);
    const shape = JSON.stringify(property);
    // Only worth a cross-reference when it saves more than a row or two.
    const earlier = children.length > 1 ? seen.get(shape) : undefined;
    rows.push({
      path,
      type: earlier === undefined ? typeText(property, options) : `same as \`${earlier}\``,
      required: isRequired,
      ...(property.description !== undefined && { description: property.description }),
    });
    if (earlier !== undefined) continue;
    if (children.length > 1) seen.set(shape, path);
    rows.push(...children);
  }
  return rows;
}

function childRows(
  schema: JsonSchema,
  path: string,
  options: FieldOptions,
  seen: Map<string, string>,
): FieldRow[] {
  const inner = withoutNull(schema);
  if (hasProperties(inner)) return objectRows(inner, options, `${path}.`, seen);
  if (inner.type === "array" && inner.items !== undefined && hasProperties(inner.items)) {
    return objectRows(inner.items, options, `${path}[].`, seen);
  }
  // A union of objects (a campaign's target), or a list of one (alert rules of several kinds):
  // every variant's fields, each path once; a field some variants lack is not required.
  const objectVariants = inner.oneOf;
  if (objectVariants !== undefined && objectVariants.every(hasProperties))
    return unionRows(objectVariants, `${path}.`, options, seen);
  const variants = inner.type === "array" ? (inner.items?.oneOf ?? inner.items?.anyOf) : undefined;
  if (variants !== undefined && variants.every(hasProperties))
    return unionRows(variants, `${path}[].`, options, seen);
  const values = inner.additionalProperties;
  if (inner.type === "object" && typeof values === "object" && hasProperties(values)) {
    return objectRows(values, options, `${path}.<${keyName(inner, options)}>.`, seen);
  }
  return [];
}

function unionRows(
  variants: readonly JsonSchema[],
  prefix: string,
  options: FieldOptions,
  seen: Map<string, string>,
): FieldRow[] {
  const rows = new Map<string, FieldRow>();
  for (const variant of variants)
    for (const row of objectRows(variant, options, prefix, seen)) {
      const earlier = rows.get(row.path);
      // The discriminator differs in each variant: list every value it may take.
      if (earlier === undefined) rows.set(row.path, row);
      else if (!earlier.type.split(" or ").includes(row.type))
        rows.set(row.path, { ...earlier, type: `${earlier.type} or ${row.type}` });
    }
  const inEvery = (row: FieldRow) =>
    variants.every((variant) => variant.required?.includes(row.path.slice(prefix.length)) ?? false);
  return [...rows.values()].map((row) => ({ ...row, required: row.required && inEvery(row) }));
}

/** What a value may be, with its limits, in a few words. */
export function typeText(schema: JsonSchema, options: FieldOptions = {}): string {
  if (schema.oneOf !== undefined && schema.oneOf.every(hasProperties))
    return "object, one of the shapes below";
  if (schema.anyOf !== undefined) {
    return prose([...new Set(schema.anyOf.map((part) => typeText(part, options)))], "or");
  }
  if (Array.isArray(schema.type)) return prose(schema.type, "or");
  if ("const" in schema) return code(JSON.stringify(schema.const));
  if (schema.enum !== undefined)
    return `one of ${schema.enum.map((value) => code(String(value))).join(", ")}`;
  switch (schema.type) {
    case "string":
      return stringText(schema, options);
    case "integer":
    case "number":
      return numberText(schema);
    case "array": {
      const items = schema.items === undefined ? "any value" : typeText(schema.items, options);
      const most = schema.maxItems === undefined ? "" : ` (at most ${number(schema.maxItems)})`;
      return `list${most}, each ${items}`;
    }
    case "object":
      return objectText(schema, options);
    default:
      return schema.type ?? "any JSON value";
  }
}

function stringText(schema: JsonSchema, options: FieldOptions): string {
  if (schema.format === "date-time")
    return schema.deadline === true
      ? "RFC 3339 date-time with offset, at or after 1970 (any time ahead)"
      : (options.dateTime ?? "RFC 3339 date-time");
  if (schema.pattern !== undefined) return `text matching ${code(schema.pattern)}`;
  const { minLength: min, maxLength: max } = schema;
  if (max !== undefined) return `text of ${min ?? 0} to ${number(max)} characters`;
  if (min === 1) return "non-empty text";
  return "text";
}

function numberText(schema: JsonSchema): string {
  const kind = schema.type === "integer" ? "integer" : "number";
  // z.int() states the safe-integer range, which says nothing to a reader.
  const bound = (value: number | undefined) =>
    value === undefined || Math.abs(value) >= Number.MAX_SAFE_INTEGER ? undefined : value;
  const min = bound(schema.minimum);
  const max = bound(schema.maximum);
  let text = kind;
  if (min !== undefined && max !== undefined) text = `${kind} from ${number(min)} to ${number(max)}`;
  else if (min !== undefined) text = `${kind} ≥ ${number(min)}`;
  else if (max !== undefined) text = `${kind} ≤ ${number(max)}`;
  return text;
}

function objectText(schema: JsonSchema, options: FieldOptions): string {
  const properties = schema.properties ?? {};
  const placeholder = placeholderOf(properties, options);
  if (placeholder !== undefined) {
    return `object with a key per ${placeholder.name} (${placeholder.keys.map(code).join(", ")})`;
  }
  if (Object.keys(properties).length > 0) return "object";
  const values = schema.additionalProperties;
  if (typeof values === "object" && Object.keys(values).length > 0) {
    const keys = schema.propertyNames?.enum;
    const from =
      keys === undefined
        ? "any name"
        : `each ${keyName(schema, options)} (${keys.map(String).map(code).join(", ")})`;
    return `map from ${from} to ${hasProperties(values) ? "an object" : typeText(values, options)}`;
  }
  return "object (any keys)";
}

function placeholderOf(properties: Record<string, JsonSchema>, options: FieldOptions) {
  const keys = Object.keys(properties);
  const first = JSON.stringify(Object.values(properties)[0]);
  return options.placeholders?.find(
    (candidate) =>
      candidate.keys.length === keys.length &&
      candidate.keys.every((key, index) => keys[index] === key) &&
      Object.values(properties).every((property) => JSON.stringify(property) === first),
  );
}

/** The name of a map's keys: a placeholder name when the keys are one of the known lists. */
function keyName(schema: JsonSchema, options: FieldOptions): string {
  const keys = schema.propertyNames?.enum?.map(String);
  const known = options.placeholders?.find(
    (candidate) => keys !== undefined && candidate.keys.join() === keys.join(),
  );
  return known?.name ?? "name";
}

function withoutNull(schema: JsonSchema): JsonSchema {
  const parts = schema.anyOf?.filter((part) => part.type !== "null");
  return parts?.length === 1 ? parts[0]! : schema;
}

function hasProperties(schema: JsonSchema): boolean {
  return schema.type === "object" && Object.keys(schema.properties ?? {}).length > 0;
}
