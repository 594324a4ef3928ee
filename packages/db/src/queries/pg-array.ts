/**
 * A flat array as a Postgres array literal ('{1,2}', '{"a","b\"c"}'): sent as one text value and
 * cast on the server, which parses it far faster than a JSON array or thousands of parameters.
 */
export function pgArrayLiteral(values: readonly (string | number)[]): string {
  return `{${values.map((value) => (typeof value === "number" ? String(value) : quotedElement(value))).join(",")}}`;
}

function quotedElement(value: string): string {
  return `"${value.replace(/\\/g, "\\\\").replace(/"/g, '\\"')}"`;
}
