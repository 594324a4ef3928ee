export { openDatabase } from "./client.ts";
export type { Database, DatabaseConfig, DatabaseHandle, Transaction } from "./client.ts";
export * from "./queries/event-store.ts";
export * from "./queries/systems.ts";
export { and, asc, desc, eq, sql } from "drizzle-orm";
