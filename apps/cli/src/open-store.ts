import path from "node:path";
import type { DatabaseHandle } from "@maturity/db";
import { openDatabase } from "@maturity/db";
import { readStoreConfig } from "./env.ts";

export interface StoreOptions {
  databaseUrl?: string;
  dataDir?: string;
}

/** Opens the event store named by the options, else by DATABASE_URL, else the embedded data folder. */
export async function openStore(options: StoreOptions): Promise<{ handle: DatabaseHandle; where: string }> {
  const config = readStoreConfig();
  const url = options.databaseUrl ?? config.databaseUrl;
  if (url !== undefined) {
    const shown = new URL(url);
    if (shown.password) shown.password = "***";
    return { handle: await openDatabase({ url }), where: shown.toString() };
  }
  const dataDir = path.join(options.dataDir ?? config.dataDir, "pglite");
  return { handle: await openDatabase({ dataDir }), where: dataDir };
}
