/**
 * A page from a read of `limit + 1` rows in order: the first `limit`, and where to continue after
 * the last of them (null on the last page). Reading one more row than shown is how we know.
 */
export function keysetPage<Row, Position>(
  rows: readonly Row[],
  limit: number,
  positionOf: (row: Row) => Position,
): { items: Row[]; nextCursor: Position | null } {
  const items = rows.slice(0, limit);
  const last = items.at(-1);
  return { items, nextCursor: rows.length > limit && last !== undefined ? positionOf(last) : null };
}
