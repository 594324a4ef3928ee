import { z } from "zod";
import { badRequest } from "../errors.ts";
import type { SystemRef } from "../systems.ts";
import { compact, ignored, type AdapterResult } from "./draft.ts";
import { parsePayload } from "./payload.ts";
import { toRfc3339 } from "./time.ts";

const dataset = z.object({
  namespace: z.string().min(1),
  name: z.string().min(1),
  facets: z
    .object({ version: z.object({ datasetVersion: z.union([z.string(), z.number()]).nullish() }).nullish() })
    .nullish(),
});

const runEvent = z.object({
  eventType: z.string().min(1),
  eventTime: z.string().min(1),
  run: z.object({ runId: z.string().min(1) }),
  job: z.object({
    namespace: z.string().min(1),
    name: z.string().min(1),
    facets: z
      .object({
        sourceCodeLocation: z
          .object({
            url: z.string().nullish(),
            repoUrl: z.string().nullish(),
            version: z.string().nullish(),
            tag: z.string().nullish(),
            branch: z.string().nullish(),
          })
          .nullish(),
      })
      .nullish(),
  }),
  inputs: z.array(dataset).nullish(),
  outputs: z.array(dataset).nullish(),
});

type Dataset = z.infer<typeof dataset>;

/**
 * An OpenLineage RunEvent that ended (COMPLETE or FAIL) becomes exp.run.logged: a tracked run
 * with the code version from the job's sourceCodeLocation facet and the data version from its
 * inputs' version facets. START, RUNNING, ABORT and OTHER carry no outcome and are skipped.
 */
export function mapOpenLineageEvent(payload: unknown): AdapterResult {
  const event = parsePayload(runEvent, payload, "OpenLineage RunEvent");
  const outcome = { COMPLETE: "completed", FAIL: "failed" }[event.eventType] as
    "completed" | "failed" | undefined;
  if (outcome === undefined)
    return ignored(`OpenLineage ${event.eventType} event: only COMPLETE and FAIL end a run`);
  const time = toRfc3339(event.eventTime);
  if (time === undefined) {
    throw badRequest(
      "invalid_payload",
      "eventTime: expected an ISO 8601 time with offset, e.g. 2026-03-01T12:00:00Z",
      [{ path: "eventTime", message: "expected an ISO 8601 time with offset" }],
    );
  }
  const code = event.job.facets?.sourceCodeLocation;
  const inputs = (event.inputs ?? []).map(describe);
  const outputs = (event.outputs ?? []).map(describe);
  // Reproducible only when every input names its version; a partial list would overstate it.
  const dataVersion =
    inputs.length > 0 && inputs.every((input) => input.version !== undefined)
      ? inputs.map((input) => `${input.namespace}/${input.name}@${input.version}`).join(",")
      : undefined;
  const job = `${event.job.namespace}/${event.job.name}`;
  return {
    drafts: [
      {
        type: "exp.run.logged",
        // A run has one COMPLETE or FAIL; a resend gives the same id.
        id: `${event.run.runId}:${event.eventType}`,
        source: `openlineage://${job}`,
        time,
        ref: systemRefOf(code?.repoUrl ?? code?.url ?? undefined, event.job.namespace),
        data: compact({
          runId: event.run.runId,
          tracker: "openlineage",
          codeVersion: code?.version ?? code?.tag ?? undefined,
          dataVersion,
          status: outcome,
          job,
          inputs,
          outputs,
        }),
      },
    ],
  };
}

function describe(item: Dataset) {
  const version = item.facets?.version?.datasetVersion;
  return compact({
    namespace: item.namespace,
    name: item.name,
    version: version === null || version === undefined || version === "" ? undefined : String(version),
  }) as { namespace: string; name: string; version?: string };
}

/** The repository (owner/name) when the source code location names one, else the job namespace as a service. */
function systemRefOf(url: string | undefined, namespace: string): SystemRef {
  const repo = repositoryOf(url);
  return repo === undefined ? { kind: "service", id: namespace } : { kind: "repo", id: repo };
}

export function repositoryOf(url: string | undefined): string | undefined {
  if (url === undefined) return undefined;
  const scp = /^[\w.-]+@[\w.-]+:(.+?)(?:\.git)?\/?$/.exec(url);
  if (scp) return scp[1];
  try {
    const path = new URL(url).pathname
      .replace(/^\/+/, "")
      .replace(/\.git$/, "")
      .split("/")
      // GitHub and GitLab file links: owner/name/blob/... or group/name/-/blob/...
      .filter(Boolean);
    const stop = path.findIndex((part) => ["blob", "tree", "-"].includes(part));
    const parts = stop === -1 ? path : path.slice(0, stop);
    return parts.length >= 2 ? parts.join("/") : undefined;
  } catch {
    return undefined;
  }
}
