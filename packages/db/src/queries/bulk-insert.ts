import { getTableColumns, sql } from "drizzle-orm";
import type { SQL } from "drizzle-orm";
import type { PgColumn, PgTable } from "drizzle-orm/pg-core";
import type { Database, Transaction } from "../client.ts";

type Queryable = Database | Transaction;

/** Rows per statement: a few MB of JSON at most. */
const rowsPerStatement = 5_000;

/**
 * Inserts many rows as ONE JSON parameter that the server expands (jsonb_to_recordset): far
 * cheaper than thousands of bind parameters for the ORM and the driver to build, send and parse.
 */
export async function insertRows(db: Queryable, table: PgTable, rows: readonly object[]): Promise<void> {
  await writeRows(db, table, rows, undefined);
}

/**
 * Inserts many rows; where a row's key already exists, each non-key column becomes the
 * excluded (new) value, or the SQL given for it in `merge` (e.g. to add counts).
 */
export async function upsertRows(
  db: Queryable,
  table: PgTable,
  rows: readonly object[],
  key: PgColumn[],
  merge: Record<string, string> = {},
): Promise<void> {
  await writeRows(db, table, rows, { key, merge });
}

async function writeRows(
  db: Queryable,
  table: PgTable,
  rows: readonly object[],
  conflict: { key: PgColumn[]; merge: Record<string, string> } | undefined,
): Promise<void> {
  if (rows.length === 0) return;
  const columns = Object.entries(getTableColumns(table)).filter(([field]) => field in rows[0]!);
  const names = columns.map(([field]) => `"${snakeCase(field)}"`).join(", ");
  const definitions = columns
    .map(([field, column]) => `"${snakeCase(field)}" ${column.getSQLType()}`)
    .join(", ");
  let onConflict: SQL = sql``;
  if (conflict !== undefined) {
    const keyNames = new Set(conflict.key.map((column) => column.name));
    const updates = columns
      .filter(([, column]) => !keyNames.has(column.name))
      .map(
        ([field]) => `"${snakeCase(field)}" = ${conflict.merge[field] ?? `excluded."${snakeCase(field)}"`}`,
      );
    const target = conflict.key.map((column) => `"${snakeCase(column.name)}"`).join(", ");
    onConflict = sql.raw(
      updates.length > 0
        ? ` on conflict (${target}) do update set ${updates.join(", ")}`
        : ` on conflict (${target}) do nothing`,
    );
  }
  for (let start = 0; start < rows.length; start += rowsPerStatement) {
    const json = JSON.stringify(
      rows
        .slice(start, start + rowsPerStatement)
        .map((row) =>
          Object.fromEntries(
            columns.map(([field]) => [snakeCase(field), (row as Record<string, unknown>)[field]]),
          ),
        ),
    );
    await db.execute(
      sql`insert into ${table} (${sql.raw(names)}) select ${sql.raw(names)} from jsonb_to_recordset(${json}::jsonb) as r(${sql.raw(definitions)})${onConflict}`,
    );
  }
}

const snakeCases = new Map<string, string>();

/** The schema's `casing: "snake_case"` column name of a field. */
function snakeCase(field: string): string {
  let name = snakeCases.get(field);
  if (name === undefined) {
    name = field.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`);
    snakeCases.set(field, name);
  }
  return name;
}
