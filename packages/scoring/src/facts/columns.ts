// Columnar record lists (see `Columns` in types.ts): insertion in (t, id) order and time ranges
// found by binary search on the time column, so scoring never copies or scans whole lists.
import type { Columns, Rec } from "./kinds/define.ts";

/** Index of the first time > `key` in an ascending list of times (upper bound). */
export function timeUpperBound(times: readonly number[], key: number): number {
  let lo = 0;
  let hi = times.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((times[mid] as number) <= key) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Index of the first time ≥ `key` (lower bound). */
function timeLowerBound(times: readonly number[], key: number): number {
  let lo = 0;
  let hi = times.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((times[mid] as number) < key) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Where (t, id) belongs. Appending in time order, the common case, costs O(1). */
function insertionPoint(cols: Columns<Rec>, t: number, id: string): number {
  const n = cols.t.length;
  if (n === 0) return 0;
  const lastT = cols.t[n - 1] as number;
  if (lastT < t || (lastT === t && (cols.id[n - 1] as string) <= id)) return n;
  let at = timeLowerBound(cols.t, t);
  while (at < n && cols.t[at] === t && (cols.id[at] as string) < id) at++;
  return at;
}

/** Inserts a row (an event's id and time, and its other fields) into its columns, in (t, id) order. */
export function insertRow<F extends object>(cols: Columns<Rec & F>, id: string, t: number, fields: F): void {
  const columns = cols as unknown as Columns<Rec> & Record<string, unknown[]>;
  const values = fields as Record<string, unknown>;
  const at = insertionPoint(columns, t, id);
  if (at === columns.t.length) {
    columns.id.push(id);
    columns.t.push(t);
    for (const field in values) (columns[field] as unknown[]).push(values[field]);
  } else {
    columns.id.splice(at, 0, id);
    columns.t.splice(at, 0, t);
    for (const field in values) (columns[field] as unknown[]).splice(at, 0, values[field]);
  }
}

/** Number of rows. */
export const rowCount = (cols: Columns<Rec>): number => cols.t.length;

/** Row range [start, end) of the records with from < t ≤ to. */
export function rowsBetween(cols: Columns<Rec>, from: number, to: number): [number, number] {
  const start = from === -Infinity ? 0 : timeUpperBound(cols.t, from);
  return [start, Math.max(start, timeUpperBound(cols.t, to))];
}
