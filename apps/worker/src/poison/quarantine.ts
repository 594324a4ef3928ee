import { readFile, rename, rm, writeFile } from "node:fs/promises";

/** The records whose application broke the embedded database, and what it said. */
export interface Suspects {
  positions: string[];
  reason: string;
}

/**
 * Where the worker notes which records broke the embedded database before the process exits, so
 * the next start parks them instead of applying them again. It lives outside the database, which
 * cannot be trusted at that moment.
 */
export interface Quarantine {
  read(): Promise<Suspects | undefined>;
  write(suspects: Suspects): Promise<void>;
  clear(): Promise<void>;
}

/** A quarantine kept in one small JSON file (beside the embedded log), replaced atomically. */
export function fileQuarantine(filePath: string): Quarantine {
  return {
    async read() {
      let text: string;
      try {
        text = await readFile(filePath, "utf8");
      } catch {
        return undefined;
      }
      const parsed = JSON.parse(text) as Partial<Suspects>;
      if (!Array.isArray(parsed.positions) || typeof parsed.reason !== "string") return undefined;
      return { positions: parsed.positions.map(String), reason: parsed.reason };
    },
    async write(suspects) {
      const temporary = `${filePath}.tmp`;
      await writeFile(temporary, JSON.stringify(suspects));
      await rename(temporary, filePath);
    },
    async clear() {
      await rm(filePath, { force: true });
    },
  };
}
