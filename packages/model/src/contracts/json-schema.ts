// What every published schema shares: zod's JSON Schema (draft 2020-12) as a fresh tree that is
// safe to annotate, field descriptions attached by the dotted paths the docs' tables use, and
// none of the keywords that only our docs read.
import { z } from "zod";
import type { JsonSchema } from "../docs/schema-fields.ts";

/** A JSON Schema node: the keywords zod emits plus the annotations we add. */
export type SchemaNode = JsonSchema & {
  $schema?: string;
  $id?: string;
  title?: string;
  examples?: unknown[];
  [keyword: string]: unknown;
};

/**
 * Set by `.meta()` in events/fields.ts for the generated Markdown (which range a number measures,
 * whether a time may lie far ahead). Not JSON Schema keywords: strict validators refuse them.
 */
const docsOnlyKeywords = ["measure", "deadline"] as const;

/**
 * zod's JSON Schema of `schema`, copied: zod may hand out one object for a schema used in several
 * places, and a description set on one field must not appear on the others.
 */
export function jsonSchemaTree(schema: z.ZodType, io: "input" | "output"): SchemaNode {
  return JSON.parse(JSON.stringify(z.toJSONSchema(schema, { target: "draft-2020-12", io }))) as SchemaNode;
}

/** Removes the docs-only keywords everywhere in the tree (call once every reader of them is done). */
export function withoutDocsKeywords(tree: SchemaNode): SchemaNode {
  eachNode(tree, (node) => {
    for (const keyword of docsOnlyKeywords) delete node[keyword];
  });
  return tree;
}

const subschemaLists = ["anyOf", "oneOf", "allOf", "prefixItems"] as const;
const subschemaMaps = ["properties", "$defs", "patternProperties"] as const;
const subschemas = ["items", "additionalProperties", "propertyNames", "not", "contains"] as const;

/** Calls `visit` on every schema in the tree, parents before children. */
export function eachNode(node: SchemaNode, visit: (node: SchemaNode) => void): void {
  visit(node);
  const children: unknown[] = [
    ...subschemas.map((keyword) => node[keyword]),
    ...subschemaLists.flatMap((keyword) => (node[keyword] as unknown[] | undefined) ?? []),
    ...subschemaMaps.flatMap((keyword) => Object.values((node[keyword] as object | undefined) ?? {})),
  ];
  for (const child of children) {
    if (typeof child === "object" && child !== null) eachNode(child as SchemaNode, visit);
  }
}

export interface Placeholder {
  keys: readonly string[];
  name: string;
}

/**
 * Sets each field's description from `notes`, keyed by dotted path as in the docs' field tables
 * (`sources.repos`, `tools[].name`, `axes.<axis>.score`: an object whose keys are exactly one of
 * the `placeholders` lists is one `<name>` level). Throws for a note that matches no field, so a
 * renamed field cannot silently lose its words.
 */
export function describeFields(
  tree: SchemaNode,
  notes: Record<string, string>,
  placeholders: readonly Placeholder[] = [],
): void {
  const used = new Set<string>();
  eachField(tree, "", placeholders, (path, field) => {
    const note = notes[path];
    if (note === undefined) return;
    field.description ??= note;
    used.add(path);
  });
  const unused = Object.keys(notes).filter((path) => !used.has(path));
  if (unused.length > 0) throw new Error(`notes for fields the schema does not have: ${unused.join(", ")}`);
}

function eachField(
  node: SchemaNode,
  prefix: string,
  placeholders: readonly Placeholder[],
  visit: (path: string, field: SchemaNode) => void,
): void {
  const properties = (node.properties ?? {}) as Record<string, SchemaNode>;
  const keys = Object.keys(properties);
  const placeholder = placeholders.find((candidate) => sameKeys(candidate.keys, keys));
  for (const [key, field] of Object.entries(properties)) {
    const path = prefix + (placeholder === undefined ? key : `<${placeholder.name}>`);
    visit(path, field);
    // A nullable object is anyOf [object, null]; its fields are the object's. A union of objects
    // (oneOf) has its fields in each variant.
    for (const part of ((field.anyOf ?? field.oneOf) as SchemaNode[] | undefined) ?? [field]) {
      if (part.properties !== undefined) eachField(part, `${path}.`, placeholders, visit);
      // A list of a union (e.g. alert rules of several kinds) has its fields in each variant.
      const items = part.items as SchemaNode | undefined;
      const variants = (items?.oneOf ?? items?.anyOf ?? (items === undefined ? [] : [items])) as SchemaNode[];
      for (const variant of variants)
        if (variant.properties !== undefined) eachField(variant, `${path}[].`, placeholders, visit);
      const values = part.additionalProperties;
      if (typeof values === "object" && values.properties !== undefined) {
        const keyNames = part.propertyNames?.enum?.map(String) ?? [];
        const name = placeholders.find((candidate) => sameKeys(candidate.keys, keyNames))?.name ?? "name";
        eachField(values as SchemaNode, `${path}.<${name}>.`, placeholders, visit);
      }
    }
  }
}

function sameKeys(expected: readonly string[], keys: readonly string[]): boolean {
  return expected.length === keys.length && expected.every((key, index) => keys[index] === key);
}
