import { getTableColumns, getTableName, sql } from "drizzle-orm";
import type { SQL } from "drizzle-orm";
import type { PgColumn, PgTable } from "drizzle-orm/pg-core";
import type { Database, Transaction } from "../client.ts";
import { rowsOf } from "./rows-of.ts";
import { pgArrayLiteral } from "./pg-array.ts";

type Queryable = Database | Transaction;

/** Rows per statement: bounds the text one statement carries (reports are ~20 KB each). */
const rowsPerStatement = 2_000;

/**
 * Inserts many rows as ONE text parameter that the server splits: a line per row, a tab between
 * fields, each field in JSON. JSON never holds a raw tab or newline, so nothing needs escaping
 * beyond what JSON.stringify does once, and a jsonb column's document is parsed by the server
 * exactly once. Far cheaper, for the ORM, the driver and the server alike, than thousands of bind
 * parameters or a nested JSON row set; unlike COPY it runs on both drivers and fails cleanly.
 */
export async function insertRows(db: Queryable, table: PgTable, rows: readonly object[]): Promise<void> {
  await writeRows(db, table, rows, sql``);
}

/**
 * Inserts many rows; where a row's key already exists, each non-key column becomes the
 * excluded (new) value, or the SQL given for it in `merge` (e.g. to add counts). With
 * `onlyIfChanged`, a row equal to the stored one is left as it is: no new row version, no index
 * or WAL writes (re-scores rewrite mostly unchanged rows).
 */
export async function upsertRows(
  db: Queryable,
  table: PgTable,
  rows: readonly object[],
  key: PgColumn[],
  merge: Record<string, string> = {},
  options: { onlyIfChanged?: boolean } = {},
): Promise<void> {
  if (rows.length === 0) return;
  // With merge expressions the stored row is not replaced by the new one, so "unchanged" would
  // compare the wrong values (an additive count equal to the last one would be skipped).
  if (options.onlyIfChanged && Object.keys(merge).length > 0)
    throw new Error("upsertRows: onlyIfChanged compares whole rows, so it cannot be combined with merge");
  const keyNames = new Set(key.map((column) => column.name));
  const changing = rowColumns(table, rows[0]!).filter(({ column }) => !keyNames.has(column.name));
  const updates = changing.map(({ field, name }) => `${name} = ${merge[field] ?? `excluded.${name}`}`);
  const target = key.map((column) => `"${snakeCase(column.name)}"`).join(", ");
  const tableName = getTableName(table);
  const unchanged = options.onlyIfChanged
    ? ` where (${changing.map(({ name }) => `"${tableName}".${name}`).join(", ")}) is distinct from (${changing
        .map(({ name }) => `excluded.${name}`)
        .join(", ")})`
    : "";
  await writeRows(
    db,
    table,
    rows,
    sql.raw(
      updates.length > 0
        ? ` on conflict (${target}) do update set ${updates.join(", ")}${unchanged}`
        : ` on conflict (${target}) do nothing`,
    ),
  );
}

/**
 * Makes the stored rows of a scope (e.g. the re-scored systems) exactly `rows`: rows that changed
 * or are new are written, equal ones are left alone (`onlyIfChanged`), and the scope's rows whose
 * key is not among `rows` are deleted.
 */
export async function replaceRowsOf(
  db: Queryable,
  table: PgTable,
  rows: readonly object[],
  key: PgColumn[],
  scope: { column: PgColumn; values: readonly string[] },
): Promise<void> {
  await upsertRows(db, table, rows, key, {}, { onlyIfChanged: true });
  // The new keys travel as one array literal per key column, however many rows there are.
  const keyLists = key.map((column) => {
    const field = fieldOf(table, column);
    const values = rows.map((row) => (row as Record<string, string | number>)[field]!);
    return sql`${pgArrayLiteral(values)}::${sql.raw(column.getSQLType())}[]`;
  });
  // NOT EXISTS, not NOT IN: a multi-column NOT IN over more keys than fit in work_mem is checked
  // row by row against the whole list (minutes for a batch of thousands of systems); this is a
  // hash anti-join at any size.
  const kept = key.map((_, index) => sql.raw(`k${index}`));
  const matches = key.map((column, index) => sql`${column} = kept.${kept[index]!}`);
  await db.execute(
    sql`delete from ${table} where ${scope.column} in (select unnest(${pgArrayLiteral(scope.values)}::text[]))
      and not exists (select 1 from unnest(${sql.join(keyLists, sql`, `)}) as kept(${sql.join(kept, sql`, `)})
        where ${sql.join(matches, sql` and `)})`,
  );
}

function fieldOf(table: PgTable, column: PgColumn): string {
  const entry = Object.entries(getTableColumns(table)).find(([, candidate]) => candidate === column);
  if (entry === undefined) throw new Error(`column ${column.name} is not in the table`);
  return entry[0];
}

/**
 * Inserts the rows whose unique keys are not taken yet and returns the `returning` columns of the
 * rows it took (snake_case names), so a caller learns which were new in the same statement.
 */
export async function insertNewRows<Row extends Record<string, unknown>>(
  db: Queryable,
  table: PgTable,
  rows: readonly object[],
  returning: readonly PgColumn[],
): Promise<Row[]> {
  const names = returning.map((column) => `"${snakeCase(column.name)}"`).join(", ");
  return writeRows<Row>(db, table, rows, sql.raw(` on conflict do nothing returning ${names}`));
}

async function writeRows<Row = never>(
  db: Queryable,
  table: PgTable,
  rows: readonly object[],
  tail: SQL,
): Promise<Row[]> {
  if (rows.length === 0) return [];
  const columns = rowColumns(table, rows[0]!);
  const names = columns.map(({ name }) => name).join(", ");
  const fields = columns.map(({ type }, index) => decodeField(type, `f[${index + 1}]`)).join(", ");
  const returned: Row[] = [];
  for (let start = 0; start < rows.length; start += rowsPerStatement) {
    let lines = "";
    const end = Math.min(rows.length, start + rowsPerStatement);
    for (let index = start; index < end; index++) {
      const row = rows[index] as Record<string, unknown>;
      if (index > start) lines += "\n";
      for (let column = 0; column < columns.length; column++) {
        const { field, encode } = columns[column]!;
        if (column > 0) lines += "\t";
        lines += encode(row[field]);
      }
    }
    const result = await db.execute(
      sql`insert into ${table} (${sql.raw(names)}) select ${sql.raw(fields)} from (select string_to_array(line, E'\\t') as f from string_to_table(${lines}::text, E'\\n') as line) as r${tail}`,
    );
    returned.push(...rowsOf<Row>(result));
  }
  return returned;
}

interface RowColumn {
  field: string;
  name: string;
  type: string;
  column: PgColumn;
  encode: (value: unknown) => string;
}

/** The table's columns that the row sets, with how each travels. */
function rowColumns(table: PgTable, sample: object): RowColumn[] {
  return Object.entries(getTableColumns(table))
    .filter(([field]) => field in sample)
    .map(([field, column]) => {
      const type = column.getSQLType();
      return {
        field,
        name: `"${snakeCase(field)}"`,
        type,
        column,
        encode: type.endsWith("[]") ? encodeArray : encodeJson,
      };
    });
}

/** SQL turning one field's JSON text into the column's type ('null' is SQL NULL). */
function decodeField(type: string, field: string): string {
  // JSON documents, numbers and booleans are valid input for their type as they are.
  if (castAsIs.has(type)) return `nullif(${field}, 'null')::${type}`;
  // Strings (text, times, array literals) arrive as JSON strings: decode, then cast.
  return `(${field}::jsonb #>> '{}')::${type}`;
}

const castAsIs = new Set([
  "jsonb",
  "json",
  "bigint",
  "integer",
  "smallint",
  "double precision",
  "real",
  "boolean",
]);

function encodeJson(value: unknown): string {
  return value === undefined ? "null" : JSON.stringify(value);
}

function encodeArray(value: unknown): string {
  return Array.isArray(value) ? JSON.stringify(pgArrayLiteral(value as (string | number)[])) : "null";
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
