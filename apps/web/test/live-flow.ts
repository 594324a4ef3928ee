import type { MaturityEvent } from "@maturity/model";
import { expect } from "vitest";
import { postEvent } from "./ingest-flow.ts";

function registered(systemId: string): MaturityEvent {
  return {
    specversion: "1.0",
    id: `${systemId}-registered`,
    source: "test://live-flow",
    type: "catalog.system.registered",
    time: "2026-11-20T09:00:00.000Z",
    subject: systemId,
    datacontenttype: "application/json",
    data: { name: systemId, team: "live", kind: "llm", riskTier: "high" },
  } as MaturityEvent;
}

/**
 * Opens the live.scoreChanges subscription as a browser would (server-sent events over plain
 * HTTP), and resolves with the first notice naming `systemId`.
 */
async function firstNoticeNaming(
  baseUrl: string,
  systemId: string,
  opened: () => void,
  signal: AbortSignal,
): Promise<{ systemIds: string[] | null }> {
  const response = await fetch(`${baseUrl}/trpc/live.scoreChanges`, {
    headers: { accept: "text/event-stream" },
    signal,
  });
  expect(response.status).toBe(200);
  expect(response.headers.get("content-type")).toContain("text/event-stream");
  opened();
  const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = "";
  for (;;) {
    const { value, done } = await reader.read();
    if (done) throw new Error("the stream ended before a notice arrived");
    buffer += value;
    let end: number;
    while ((end = buffer.indexOf("\n\n")) >= 0) {
      const message = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      const data = message
        .split("\n")
        .filter((line) => line.startsWith("data:"))
        .map((line) => line.slice(5).trim())
        .join("");
      if (data === "") continue;
      const parsed = JSON.parse(data) as { systemIds?: string[] | null };
      if (parsed.systemIds === null || parsed.systemIds?.includes(systemId))
        return { systemIds: parsed.systemIds ?? null };
    }
  }
}

/** An event that changes a system's scores reaches an open subscription without polling. */
export async function checkLiveScoreChanges(baseUrl: string, systemId: string): Promise<void> {
  const abort = new AbortController();
  const timeout = setTimeout(() => abort.abort(), 30_000);
  try {
    let markOpen!: () => void;
    const open = new Promise<void>((resolve) => (markOpen = resolve));
    const notice = firstNoticeNaming(baseUrl, systemId, markOpen, abort.signal);
    await open;
    expect((await postEvent(baseUrl, registered(systemId))).status).toBe(202);
    expect((await notice).systemIds).toContain(systemId);
  } finally {
    clearTimeout(timeout);
    abort.abort();
  }
}
