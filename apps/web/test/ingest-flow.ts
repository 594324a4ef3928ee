import type { MaturityEvent } from "@maturity/model";
import type { TRPCClientError } from "@trpc/client";
import { createTRPCClient, httpBatchLink } from "@trpc/client";
import { expect } from "vitest";
import type { AppRouter } from "../src/server/router.ts";

/** The portal's tRPC client at `baseUrl`; `headers` go with every request (a proxy's sign-on, say). */
export function trpcClientFor(baseUrl: string, headers: Record<string, string> = {}) {
  return createTRPCClient<AppRouter>({
    links: [httpBatchLink({ url: `${baseUrl}/trpc`, headers: () => headers })],
  });
}

export function ownerAssigned(systemId: string, id: string, owner = "alice"): MaturityEvent {
  return {
    specversion: "1.0",
    id,
    source: "test://ingest-flow",
    type: "gov.owner.assigned",
    time: "2026-11-20T09:30:00.000Z",
    subject: systemId,
    datacontenttype: "application/json",
    data: { owner },
  } as MaturityEvent;
}

export async function postEvent(baseUrl: string, body: unknown) {
  const response = await fetch(`${baseUrl}/v1/events`, {
    method: "POST",
    headers: { "content-type": "application/cloudevents+json" },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

/** Polls until `check` passes: the worker applies events asynchronously. */
export async function eventually<T>(
  read: () => Promise<T>,
  check: (value: T) => boolean,
  timeoutMs = 30_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last = await read();
  while (!check(last)) {
    if (Date.now() > deadline) {
      throw new Error(`condition not met within ${timeoutMs} ms; last value: ${JSON.stringify(last)}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
    last = await read();
  }
  return last;
}

/**
 * The walking skeleton's contract, run against each mode: an event posted to ingest shows up
 * through tRPC; posted twice it is stored once; invalid input is refused with the field named.
 */
export async function checkIngestFlow(baseUrl: string, systemId: string): Promise<void> {
  const client = trpcClientFor(baseUrl);
  const event = ownerAssigned(systemId, `${systemId}-owner-1`);

  const accepted = await postEvent(baseUrl, event);
  expect(accepted.status).toBe(202);
  expect(accepted.body.accepted).toEqual([
    { id: event.id, source: event.source, type: event.type, subject: systemId },
  ]);
  const stored = await eventually(
    () => client.systems.latestEvents.query({ systemId }),
    (events) => events.length === 1,
  );
  expect(stored[0]).toMatchObject({
    eventId: event.id,
    source: event.source,
    type: "gov.owner.assigned",
    systemId,
  });

  // The same event again, then a marker behind it on the same key (same partition, same order):
  // once the marker is visible the duplicate has been processed too.
  expect((await postEvent(baseUrl, event)).status).toBe(202);
  const marker = ownerAssigned(systemId, `${systemId}-marker`, "bob");
  expect((await postEvent(baseUrl, marker)).status).toBe(202);
  const afterDuplicate = await eventually(
    () => client.systems.latestEvents.query({ systemId }),
    (events) => events.some((stored) => stored.eventId === marker.id),
  );
  expect(afterDuplicate.filter((stored) => stored.eventId === event.id)).toHaveLength(1);
  expect(afterDuplicate).toHaveLength(2);
  const systems = await client.systems.list.query();
  expect(systems.find((system) => system.systemId === systemId)?.eventCount).toBe(2);

  const invalid = { ...ownerAssigned(systemId, `${systemId}-invalid`), data: { owner: 42 } };
  const refused = await postEvent(baseUrl, invalid);
  expect(refused.status).toBe(400);
  expect(refused.body.error).toBe("invalid_event");
  expect(refused.body.message).toContain("data.owner");
  expect(refused.body.issues).toEqual([expect.objectContaining({ path: "data.owner" })]);

  const unknownType = await postEvent(baseUrl, {
    ...ownerAssigned(systemId, `${systemId}-unknown`),
    type: "gov.owner.hired",
  });
  expect(unknownType.status).toBe(400);
  expect(unknownType.body.message).toContain('unknown event type "gov.owner.hired"');

  const notJson = await postEvent(baseUrl, "{not json");
  expect(notJson.status).toBe(400);

  // The portal's reads refuse text the store cannot hold as bad input too, naming the field, in a
  // query string as in a body: it must not reach the database (which would fail the request).
  for (const [read, field] of [
    [() => client.system.report.query({ systemId: `${systemId}\u0000` }), "input.systemId"],
    [() => client.teams.summaries.query({ search: "\ud800" }), "input.search"],
    [() => client.org.riskPage.query({ team: "a\u0000" }), "input.team"],
  ] as const) {
    const refusal = await read().then(
      () => undefined,
      (error: unknown) => error as TRPCClientError<AppRouter>,
    );
    expect(refusal?.data?.httpStatus, field).toBe(400);
    expect(refusal?.message, field).toContain(`${field}: the string contains`);
  }

  // Nothing of the refused input was stored: a valid marker posted after them is the last word.
  const finalMarker = ownerAssigned(systemId, `${systemId}-final`, "carol");
  expect((await postEvent(baseUrl, finalMarker)).status).toBe(202);
  const finalEvents = await eventually(
    () => client.systems.latestEvents.query({ systemId }),
    (events) => events.some((stored) => stored.eventId === finalMarker.id),
  );
  expect(finalEvents.map((stored) => stored.eventId).sort()).toEqual(
    [event.id, finalMarker.id, marker.id].sort(),
  );
}
