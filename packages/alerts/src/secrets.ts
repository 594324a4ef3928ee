// Credentials in the alerts file: Standard Webhooks secrets and Slack webhook URLs may be written
// as `${ENV_NAME}` so the file can live in a repository without them.

/** Finds the value of an environment variable (or any secret store) by name. */
export type SecretLookup = (name: string) => string | undefined;

const referencePattern = /^\$\{([A-Za-z_][A-Za-z0-9_]*)\}$/;

/** The variable a `${ENV_NAME}` value names, or undefined when the value is written out. */
export function referencedName(value: string): string | undefined {
  return referencePattern.exec(value)?.[1];
}

export type Resolved = { ok: true; value: string } | { ok: false; message: string };

/** The value itself, or what a reference names; a reference to nothing is a problem, not "". */
export function resolveCredential(value: string, lookup: SecretLookup | undefined): Resolved {
  const variable = referencedName(value);
  if (variable === undefined) return { ok: true, value };
  const found = lookup?.(variable)?.trim();
  if (found === undefined || found === "")
    return { ok: false, message: `names the variable ${variable}, which is not set` };
  return { ok: true, value: found };
}

const secretPrefix = "whsec_";
const base64 = /^[A-Za-z0-9+/]+={0,2}$/;

/**
 * Why `secret` is no Standard Webhooks secret, or undefined when it is one: `whsec_` and the
 * base64 of 24 to 64 random bytes (the spec's bounds). The message never repeats the secret.
 */
export function webhookSecretProblem(secret: string): string | undefined {
  const expected = "expected a Standard Webhooks secret: whsec_ followed by the base64 of 24 to 64 bytes";
  if (!secret.startsWith(secretPrefix)) return expected;
  const encoded = secret.slice(secretPrefix.length);
  if (!base64.test(encoded) || encoded.length % 4 === 1) return expected;
  const bytes = Buffer.from(encoded, "base64").length;
  return bytes < 24 || bytes > 64 ? `${expected} (it holds ${bytes})` : undefined;
}

/** The HMAC key a `whsec_` secret stands for. */
export function webhookSecretKey(secret: string): Buffer {
  return Buffer.from(secret.startsWith(secretPrefix) ? secret.slice(secretPrefix.length) : secret, "base64");
}
