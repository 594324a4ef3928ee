import { exampleEvents } from "@maturity/model";
import { afterEach, describe, expect, it } from "vitest";
import { bearer, startHarness, testTokens, type Harness } from "../../test/harness.ts";

let harness: Harness;
afterEach(async () => {
  await harness?.close();
});

describe("GET /metrics", () => {
  it("counts accepted events, rejections by route and reason, and append latency", async () => {
    harness = await startHarness({ config: { bearerAuth: true, tokens: testTokens } });
    const post = (payload: unknown, headers: Record<string, string>) =>
      harness.app.inject({
        method: "POST",
        url: "/v1/events",
        headers: { "content-type": "application/json", ...headers },
        payload: JSON.stringify(payload),
      });
    await post(exampleEvents[0], bearer);
    await post(exampleEvents[1], bearer);
    await post(exampleEvents[0], {});
    await post({ ...exampleEvents[0], type: "nope" }, bearer);
    const response = await harness.app.inject({ method: "GET", url: "/metrics" });
    expect(response.statusCode).toBe(200);
    expect(response.headers["content-type"]).toContain("text/plain");
    const text = response.body;
    const count = (pattern: RegExp) => Number(pattern.exec(text)?.[1] ?? "NaN");
    expect(
      count(
        new RegExp(
          `ingest_events_accepted_total\\{route="/v1/events",type="${exampleEvents[0]!.type}"\\} (\\d+)`,
        ),
      ),
    ).toBe(1);
    expect(count(/ingest_requests_rejected_total\{route="\/v1\/events",reason="unauthorized"\} (\d+)/)).toBe(
      1,
    );
    expect(count(/ingest_requests_rejected_total\{route="\/v1\/events",reason="invalid_event"\} (\d+)/)).toBe(
      1,
    );
    expect(count(/ingest_append_duration_seconds_count\{outcome="acknowledged"\} (\d+)/)).toBe(2);
  });
});
