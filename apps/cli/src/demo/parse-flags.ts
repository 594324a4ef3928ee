// Flag parsers for `maturity demo`: each error names what was expected and what was given;
// commander prefixes the flag's name.
import { InvalidArgumentError } from "commander";

export function wholeNumber(min: number, max: number) {
  return (value: string): number => {
    const n = Number(value);
    if (!/^-?\d+$/.test(value.trim()) || !Number.isSafeInteger(n) || n < min || n > max) {
      throw new InvalidArgumentError(
        `expected a whole number from ${min} to ${max}, got ${JSON.stringify(value)}`,
      );
    }
    return n;
  };
}

export function positiveRate(value: string): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0 || n > 1_000_000) {
    throw new InvalidArgumentError(
      `expected events per second, a number above 0, got ${JSON.stringify(value)}`,
    );
  }
  return n;
}

export function httpUrl(value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new InvalidArgumentError(
      `expected the ingest base URL, e.g. http://localhost:3000, got ${JSON.stringify(value)}`,
    );
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    throw new InvalidArgumentError(`expected an http(s) URL, got ${JSON.stringify(value)}`);
  }
  return value;
}
