import { readFileSync, readdirSync } from "node:fs";

/**
 * CPU time (ms) used so far by the local Postgres server's processes, read from /proc (Linux).
 * Null where /proc is not there, or the server runs elsewhere. Backends that exit between two
 * readings are missed, so the figure is a lower bound.
 */
export function postgresCpuMs(): number | null {
  let ticks = 0;
  let found = false;
  let entries: string[];
  try {
    entries = readdirSync("/proc");
  } catch {
    return null;
  }
  for (const pid of entries) {
    if (!/^\d+$/.test(pid)) continue;
    try {
      if (readFileSync(`/proc/${pid}/comm`, "utf8").trim() !== "postgres") continue;
      // Fields after "(comm) ": state is field 0, utime 11 and stime 12 (clock ticks, 100 Hz).
      const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
      ticks += Number(fields[11]) + Number(fields[12]);
      found = true;
    } catch {
      // The process ended while we read it.
    }
  }
  return found ? ticks * 10 : null;
}
