#!/usr/bin/env node
// Checks that PostgreSQL answers at the given URLs and creates their databases if missing.
// Usage: node infra/pg-ensure.mjs --write-env FILE DEV_URL [TEST_URL]
//   TEST_URL defaults to DEV_URL with the database name replaced by maturity_test.
//   Writes DATABASE_URL=… and TEST_DATABASE_URL=… to FILE when everything answers.
// Exit codes: 0 ok; 3 no server answers (connection refused / timeout); 1 any other problem.
import { writeFileSync } from "node:fs";
import postgres from "postgres";

const argv = process.argv.slice(2);
let envFile = null;
const urls = [];
for (let i = 0; i < argv.length; i++) {
  if (argv[i] === "--write-env") envFile = argv[++i];
  else urls.push(argv[i]);
}
if (urls.length < 1) {
  console.error("usage: pg-ensure.mjs --write-env FILE DEV_URL [TEST_URL]");
  process.exit(2);
}

const withDb = (url, db) => {
  const u = new URL(url);
  u.pathname = `/${db}`;
  return u.toString();
};
const dbOf = (url) => decodeURIComponent(new URL(url).pathname.replace(/^\//, "")) || "postgres";
const masked = (url) => {
  const u = new URL(url);
  if (u.password) u.password = "***";
  return u.toString();
};
const devUrl = urls[0];
const testUrl = urls[1] || withDb(devUrl, "maturity_test");

const UNREACHABLE = new Set([
  "ECONNREFUSED",
  "CONNECT_TIMEOUT",
  "ENOTFOUND",
  "EHOSTUNREACH",
  "ECONNRESET",
  "ETIMEDOUT",
  "EAI_AGAIN",
]);
const open = (url) => postgres(url, { max: 1, connect_timeout: 3, idle_timeout: 1, onnotice: () => {} });

async function query(url, fn) {
  const sql = open(url);
  try {
    return await fn(sql);
  } finally {
    await sql.end({ timeout: 1 }).catch(() => {});
  }
}

try {
  // 1. The server answers (via the maintenance database), and is new enough.
  let info;
  let canAdmin = true;
  try {
    info = await query(
      withDb(devUrl, "postgres"),
      (sql) =>
        sql`select current_setting('server_version_num')::int as num, split_part(current_setting('server_version'), ' ', 1) as ver`,
    );
  } catch (e) {
    if (UNREACHABLE.has(e.code)) throw e;
    canAdmin = false; // e.g. no access to the "postgres" database: check the URLs themselves below
  }
  if (info) {
    if (info[0].num < 150000) {
      console.error(
        `PostgreSQL ${info[0].ver} at ${masked(devUrl)} is too old: version 15 or newer is needed.`,
      );
      process.exit(1);
    }
    // 2. Create the databases that are missing.
    for (const db of [...new Set([dbOf(devUrl), dbOf(testUrl)])]) {
      await query(withDb(devUrl, "postgres"), async (sql) => {
        const found = await sql`select 1 from pg_database where datname = ${db}`;
        if (found.length === 0) {
          try {
            await sql`create database ${sql(db)}`;
            console.log(`postgres  created database ${db}`);
          } catch (e) {
            if (e.code !== "42P04") throw e; // created concurrently: fine
          }
        }
      });
    }
  }
  // 3. Both URLs answer.
  for (const url of [devUrl, testUrl]) {
    await query(url, (sql) => sql`select 1`);
  }
  if (envFile)
    writeFileSync(envFile, `DATABASE_URL=${devUrl}\nTEST_DATABASE_URL=${testUrl}\n`, { mode: 0o600 });
  const ver = info ? `PostgreSQL ${info[0].ver}` : "PostgreSQL";
  console.log(
    `ok ${ver}${canAdmin ? "" : " (no access to the postgres database; databases not checked for creation)"}`,
  );
  process.exit(0);
} catch (e) {
  if (UNREACHABLE.has(e.code)) {
    console.error(`no PostgreSQL answers at ${masked(devUrl)} (${e.code})`);
    process.exit(3);
  }
  console.error(`PostgreSQL at ${masked(devUrl)}: ${e.message}${e.code ? ` (${e.code})` : ""}`);
  process.exit(1);
}
