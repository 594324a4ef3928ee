// `maturity emit`, apart from its flags: read the data, build and validate the event, send it.
// Everything it touches outside (output, standard input, files, the clock, fetch) comes in as a
// dependency, so the tests run it in-process without a network.
import { readFile } from "node:fs/promises";
import {
  IngestRefusal,
  ingestEndpoint,
  postToIngest,
  type IngestAnswer,
  type RetryNotice,
} from "../ingest-client.ts";
import { buildEmitEvent } from "./event.ts";
import { defaultIngestUrl } from "../settings.ts";

export interface EmitFlags {
  subject: string;
  data?: string;
  dataFile?: string;
  source: string;
  id?: string;
  time?: string;
  /** Absent: MATURITY_INGEST_URL (deps.defaultUrl). */
  to?: string;
  token?: string;
  maxAttempts: number;
  json?: boolean;
  dryRun?: boolean;
}

export interface EmitDeps {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  readStdin: () => Promise<string>;
  readFile: (path: string) => Promise<string>;
  now: () => number;
  /** MATURITY_INGEST_TOKEN, for when --token is not given. */
  defaultToken: () => string | undefined;
  /** MATURITY_INGEST_URL (or its default), for when --to is not given. */
  defaultUrl: () => string;
  fetch?: typeof fetch;
  sleep?: (ms: number) => Promise<void>;
}

/** Exit status: 0 accepted (or valid, with --dry-run); 1 refused or unreachable; 2 bad input, nothing sent. */
export const emitExit = { ok: 0, failed: 1, badInput: 2 } as const;

const prefix = "maturity emit: ";

export const defaultEmitDeps: EmitDeps = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  readStdin: async () => {
    const chunks: Buffer[] = [];
    for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks).toString("utf8");
  },
  readFile: (path) => readFile(path, "utf8"),
  now: () => Date.now(),
  defaultToken: () => undefined,
  defaultUrl: () => defaultIngestUrl,
};

export type ReadData =
  { ok: true; data: unknown; flag?: "--data" | "--data-file" } | { ok: false; message: string };

/** The data of --data (JSON text) or --data-file (a file, or - for standard input), parsed. */
export async function readEmitData(
  flags: Pick<EmitFlags, "data" | "dataFile">,
  deps: Pick<EmitDeps, "readStdin" | "readFile">,
): Promise<ReadData> {
  if (flags.data !== undefined && flags.dataFile !== undefined) {
    return { ok: false, message: "option '--data <json>' cannot be used with option '--data-file <file>'" };
  }
  if (flags.data !== undefined) return parseJson(flags.data, "--data");
  if (flags.dataFile === undefined) return { ok: true, data: undefined };
  const where = flags.dataFile === "-" ? "--data-file - (standard input)" : `--data-file ${flags.dataFile}`;
  let text: string;
  try {
    text = flags.dataFile === "-" ? await deps.readStdin() : await deps.readFile(flags.dataFile);
  } catch (error) {
    return { ok: false, message: `${where}: cannot read it (${(error as Error).message})` };
  }
  if (text.trim() === "") return { ok: false, message: `${where}: it is empty; expected a JSON object` };
  return parseJson(text, "--data-file", where);
}

function parseJson(text: string, flag: "--data" | "--data-file", where: string = flag): ReadData {
  try {
    return { ok: true, data: JSON.parse(text) as unknown, flag };
  } catch (error) {
    return {
      ok: false,
      message: `${where}: not valid JSON (${(error as Error).message}); expected the event's data as a JSON object, e.g. '{"owner":"jane.doe"}'`,
    };
  }
}

/** Runs the command; resolves with its exit status. */
export async function runEmit(type: string, flags: EmitFlags, deps: EmitDeps): Promise<number> {
  const read = await readEmitData(flags, deps);
  if (!read.ok) {
    deps.stderr(`${prefix}${read.message}; nothing was sent\n`);
    return emitExit.badInput;
  }
  const built = buildEmitEvent(
    {
      type,
      subject: flags.subject,
      source: flags.source,
      data: read.data,
      ...(read.flag !== undefined && { dataFlag: read.flag }),
      ...(flags.id !== undefined && { id: flags.id }),
      ...(flags.time !== undefined && { time: flags.time }),
    },
    deps.now(),
  );
  if (!built.ok) {
    const [first, ...rest] = built.problems;
    if (rest.length === 0 && first !== undefined && first.startsWith("unknown event type")) {
      deps.stderr(`${prefix}${first}\nNothing was sent.\n`);
    } else {
      deps.stderr(
        `${prefix}the ${type} event is invalid; nothing was sent:\n${built.problems.map((problem) => `  ${problem}\n`).join("")}`,
      );
    }
    return emitExit.badInput;
  }
  const { event } = built;
  if (flags.dryRun) {
    deps.stdout(`${JSON.stringify(event, null, 2)}\n`);
    deps.stderr(`${prefix}valid; not sent (--dry-run)\n`);
    return emitExit.ok;
  }

  const to = flags.to ?? deps.defaultUrl();
  let answer: IngestAnswer;
  try {
    answer = await postToIngest({
      url: to,
      token: flags.token ?? deps.defaultToken(),
      contentType: "application/cloudevents+json",
      body: JSON.stringify(event),
      maxAttempts: flags.maxAttempts,
      ...(deps.fetch !== undefined && { fetch: deps.fetch }),
      ...(deps.sleep !== undefined && { sleep: deps.sleep }),
      onRetry: (notice) => deps.stderr(`${prefix}${retryLine(notice)}\n`),
    });
  } catch (error) {
    if (error instanceof IngestRefusal) {
      if (flags.json) deps.stdout(`${JSON.stringify(error.body)}\n`);
      const issues = error.issues.map(
        (issue) => `  ${issue.path === "" ? "(event)" : issue.path}: ${issue.message}\n`,
      );
      deps.stderr(`${prefix}the event was refused: ${error.message}\n${issues.join("")}`);
      return emitExit.failed;
    }
    deps.stderr(`${prefix}${(error as Error).message}\n`);
    return emitExit.failed;
  }
  if (flags.json) {
    deps.stdout(`${JSON.stringify(answer.body)}\n`);
    return emitExit.ok;
  }
  const accepted = acceptedOf(answer.body) ?? {
    id: event.id,
    source: event.source,
    type: event.type,
    subject: event.subject,
  };
  deps.stdout(
    `accepted ${accepted.type} for ${accepted.subject}: id ${accepted.id}, source ${accepted.source} (${ingestEndpoint(to)})\n`,
  );
  return emitExit.ok;
}

function retryLine(notice: RetryNotice): string {
  const detail = notice.detail === undefined ? "" : ` (${notice.detail})`;
  return `${notice.reason}${detail}; retrying in ${notice.waitMs} ms (attempt ${notice.attempt} of ${notice.maxAttempts} failed)`;
}

interface Accepted {
  id: string;
  source: string;
  type: string;
  subject: string;
}

/** The one event of ingest's `{accepted: [...]}` answer, when it has that shape. */
function acceptedOf(body: unknown): Accepted | undefined {
  if (typeof body !== "object" || body === null) return undefined;
  const accepted = (body as { accepted?: unknown }).accepted;
  if (!Array.isArray(accepted) || accepted.length !== 1) return undefined;
  const entry = accepted[0] as Record<string, unknown>;
  const fields = ["id", "source", "type", "subject"] as const;
  return fields.every((field) => typeof entry[field] === "string")
    ? (entry as unknown as Accepted)
    : undefined;
}
