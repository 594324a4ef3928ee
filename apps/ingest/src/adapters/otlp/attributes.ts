export type AttributeValue =
  string | number | boolean | AttributeValue[] | { [key: string]: AttributeValue } | null;

/**
 * Decodes an OTLP/JSON AnyValue. int64 arrives as a string or a number depending on the exporter;
 * both are read as numbers (token counts are far below 2^53).
 */
export function decodeAnyValue(value: unknown): AttributeValue {
  if (typeof value !== "object" || value === null) return null;
  const any = value as Record<string, unknown>;
  if (typeof any.stringValue === "string") return any.stringValue;
  if (typeof any.boolValue === "boolean") return any.boolValue;
  if (any.intValue !== undefined) {
    const number = Number(any.intValue);
    return Number.isFinite(number) ? number : null;
  }
  if (any.doubleValue !== undefined) {
    const number = Number(any.doubleValue);
    return Number.isFinite(number) ? number : null;
  }
  if (typeof any.arrayValue === "object" && any.arrayValue !== null) {
    const values = (any.arrayValue as { values?: unknown }).values;
    return Array.isArray(values) ? values.map(decodeAnyValue) : [];
  }
  if (typeof any.kvlistValue === "object" && any.kvlistValue !== null) {
    return decodeAttributes((any.kvlistValue as { values?: unknown }).values);
  }
  return null;
}

/** OTLP's `[{key, value}]` list as a plain object; malformed entries are skipped. */
export function decodeAttributes(list: unknown): Record<string, AttributeValue> {
  const attributes: Record<string, AttributeValue> = Object.create(null);
  if (!Array.isArray(list)) return attributes;
  for (const entry of list) {
    if (typeof entry !== "object" || entry === null) continue;
    const { key, value } = entry as { key?: unknown; value?: unknown };
    if (typeof key === "string") attributes[key] = decodeAnyValue(value);
  }
  return attributes;
}

export function stringAttribute(
  attributes: Record<string, AttributeValue>,
  ...keys: string[]
): string | undefined {
  for (const key of keys) {
    const value = attributes[key];
    if (typeof value === "string" && value !== "") return value;
  }
  return undefined;
}

export function numberAttribute(
  attributes: Record<string, AttributeValue>,
  ...keys: string[]
): number | undefined {
  for (const key of keys) {
    const value = attributes[key];
    if (typeof value === "number" && Number.isFinite(value)) return value;
    if (typeof value === "string" && value.trim() !== "" && Number.isFinite(Number(value)))
      return Number(value);
  }
  return undefined;
}
