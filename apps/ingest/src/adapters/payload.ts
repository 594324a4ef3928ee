import type { z } from "zod";
import { badRequest } from "../errors.ts";

/**
 * Validates a native payload against the few fields an adapter maps (real senders' payloads vary
 * by version; everything else is ignored). Failures name the field and the expectation.
 */
export function parsePayload<S extends z.ZodType>(schema: S, input: unknown, what: string): z.infer<S> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  const issues = parsed.error.issues.map((issue) => ({
    path: issue.path.map(String).join("."),
    message: issue.message,
  }));
  throw badRequest(
    "invalid_payload",
    `not a ${what} this endpoint understands: ${issues.map((issue) => `${issue.path || "(root)"}: ${issue.message}`).join("; ")}`,
    issues,
  );
}
