/**
 * What a failed batch tells the worker to do:
 * - `unavailable`: the database could not be reached or is restarting; nothing is wrong with the
 *   records: wait and try again, for as long as it takes.
 * - `data`: the database (or the scoring of it) refused something in the records: retry once,
 *   then find the records and park them.
 * - `fatal`: the embedded database itself broke (a WebAssembly fault); it cannot be trusted again
 *   in this process.
 */
export type FailureKind = "unavailable" | "data" | "fatal";

// SQLSTATE classes that say nothing about the data: 08 connection exception, 40 transaction
// rollback (serialization failure, deadlock), 53 insufficient resources, 57 operator intervention
// (shutdown, cannot connect now), 58 system error.
const transientSqlStateClasses = new Set(["08", "40", "53", "57", "58"]);

// Node's socket errors and postgres.js's own connection codes.
const connectionCodes = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "EPIPE",
  "ETIMEDOUT",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "ENOTFOUND",
  "EAI_AGAIN",
  "CONNECTION_CLOSED",
  "CONNECTION_ENDED",
  "CONNECTION_DESTROYED",
  "CONNECT_TIMEOUT",
]);

const sqlState = /^[0-9A-Z]{5}$/;

export function failureKind(error: unknown): FailureKind {
  // drizzle wraps the driver's error in `cause`; look through every layer.
  for (let layer: unknown = error, depth = 0; layer !== undefined && depth < 8; depth++) {
    // WebAssembly.RuntimeError (out-of-bounds access, unreachable): the WASM instance is ruined.
    if (layer instanceof Error && layer.name === "RuntimeError") return "fatal";
    if (typeof layer !== "object" || layer === null) break;
    const code = (layer as { code?: unknown }).code;
    if (typeof code === "string") {
      if (connectionCodes.has(code)) return "unavailable";
      if (sqlState.test(code)) return transientSqlStateClasses.has(code.slice(0, 2)) ? "unavailable" : "data";
    }
    layer = (layer as { cause?: unknown }).cause;
  }
  return "data";
}

/** The innermost message: the database's own words rather than the ORM's "Failed query: …". */
export function failureReason(error: unknown): string {
  let reason = error instanceof Error ? error.message : String(error);
  for (let layer: unknown = error, depth = 0; layer instanceof Error && depth < 8; depth++) {
    reason = layer.message;
    layer = layer.cause;
  }
  return reason.length > 2_000 ? `${reason.slice(0, 1_997)}...` : reason;
}
