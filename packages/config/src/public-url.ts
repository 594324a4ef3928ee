// The address people and tools reach the platform at, declared once: links the platform hands out
// (each stored event's `dataschema`, and later links in alerts) are built from it, so they work
// from outside whatever host and port the process itself listens on.
import { z } from "zod";

const httpUrl = z
  .url({ protocol: /^https?$/, error: "expected an http(s) URL, e.g. https://maturity.example.com" })
  // A link is this URL plus a path; a query or fragment here would end up in the middle of it.
  .refine((value) => !/[?#]/.test(value), "expected no query (?) or fragment (#)");

export const publicUrlSettings = {
  MATURITY_PUBLIC_URL: z
    .string()
    .default("http://localhost:3000")
    .pipe(httpUrl)
    // Links append `/v1/...`: without the trailing slash they never get a double one.
    .transform((value) => value.replace(/\/+$/, ""))
    .describe(
      "The address people and tools reach the platform at (scheme, host, port and any path prefix of a reverse proxy); links the platform hands out, such as each stored event's `dataschema`, start with it",
    ),
};
