// `maturity emit` through the real bin: against the running platform (the web server's entry
// point, as `npm start` runs it, on an embedded data folder with INGEST_TOKENS set), and against a
// tiny local server for the retries.
import { randomBytes } from "node:crypto";
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { createScratchDatabase, testDatabaseUrl } from "@maturity/db/testing";
import { testKafkaBrokers } from "@maturity/log/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  eventually,
  runBin,
  startPlatformProcess,
  storedEvents,
  type BinRun,
  type PlatformProcess,
} from "../../test/platform-process.ts";

const token = "emit-e2e-token";

/** `maturity emit`, asynchronously: the local servers below answer from this process meanwhile. */
function emit(args: string[], env: Record<string, string> = {}): Promise<BinRun> {
  return runBin(["emit", ...args], { env, unset: ["MATURITY_INGEST_URL", "MATURITY_INGEST_TOKEN"] });
}

const acceptedLine =
  /^accepted gov\.owner\.assigned for ([\w-]+): id (emit-[0-9a-f]{32}), source urn:maturity:cli/;

/** The platform's two ways of running: its settings, and what to drop after. */
const platformPaths = [
  {
    path: "embedded (PGlite and the file log)",
    mode: "embedded",
    prepare: async () => ({ env: {}, drop: async () => {} }),
  },
  {
    path: "distributed (the Postgres server and the Kafka broker)",
    mode: "distributed",
    prepare: async () => {
      const scratch = await createScratchDatabase(testDatabaseUrl);
      const name = `emit-${randomBytes(4).toString("hex")}`;
      return {
        env: {
          DATABASE_URL: scratch.url,
          KAFKA_BROKERS: testKafkaBrokers.join(","),
          KAFKA_TOPIC: `maturity.events.${name}`,
          WORKER_GROUP_ID: `maturity-worker-${name}`,
        },
        drop: () => scratch.drop(),
      };
    },
  },
];

describe.each(platformPaths)("maturity emit against the running platform, $path", ({ mode, prepare }) => {
  let platform: PlatformProcess;
  let drop: (() => Promise<void>) | undefined;
  beforeAll(async () => {
    const prepared = await prepare();
    drop = prepared.drop;
    platform = await startPlatformProcess({ INGEST_TOKENS: token, ...prepared.env });
  });
  afterAll(async () => {
    await platform?.stop();
    await drop?.();
  });

  it(`runs the platform in its ${mode} mode`, () => {
    expect(platform.output()).toContain(`Maturity portal (${mode} mode)`);
  });

  it("sends to MATURITY_INGEST_URL with MATURITY_INGEST_TOKEN, and the event is stored", async () => {
    const run = await emit(
      ["gov.owner.assigned", "--subject", "emit-stored", "--data", '{"owner":"jane.doe"}'],
      {
        MATURITY_INGEST_URL: platform.url,
        MATURITY_INGEST_TOKEN: token,
      },
    );
    expect(run.status, run.stderr).toBe(0);
    const id = acceptedLine.exec(run.stdout)?.[2];
    expect(id, run.stdout).toBeDefined();
    const stored = await eventually(
      () => storedEvents(platform.url, "emit-stored"),
      (events) => events.length === 1,
    );
    expect(stored[0]).toMatchObject({
      eventId: id,
      source: "urn:maturity:cli",
      type: "gov.owner.assigned",
      systemId: "emit-stored",
    });
  });

  it("sends the same id for the same inputs, and the store keeps the event once", async () => {
    const args = ["gov.owner.assigned", "--subject", "emit-twice", "--to", platform.url, "--token", token];
    const first = await emit([...args, "--data", '{"owner":"jane.doe","onCallRotation":"risk-ml"}']);
    // The retry of a CI job: later, and with the keys in another order.
    const retry = await emit([
      ...args,
      "--data",
      '{ "onCallRotation": "risk-ml", "owner": "jane.doe" }',
      "--json",
    ]);
    expect(first.status, first.stderr).toBe(0);
    expect(retry.status, retry.stderr).toBe(0);
    const id = acceptedLine.exec(first.stdout)![2]!;
    expect(JSON.parse(retry.stdout)).toEqual({
      accepted: [{ id, source: "urn:maturity:cli", type: "gov.owner.assigned", subject: "emit-twice" }],
    });
    // A marker behind them on the same system: once it is stored, the duplicate was handled too.
    const marker = await emit([...args, "--data", '{"owner":"sam.lee"}']);
    expect(marker.status, marker.stderr).toBe(0);
    const markerId = acceptedLine.exec(marker.stdout)![2]!;
    const stored = await eventually(
      () => storedEvents(platform.url, "emit-twice"),
      (events) => events.some((event) => event.eventId === markerId),
    );
    expect(stored.map((event) => event.eventId).sort()).toEqual([id, markerId].sort());
  });

  it("prints ingest's reason and exits 1 when the token is wrong", async () => {
    const run = await emit([
      "gov.owner.assigned",
      "--subject",
      "emit-refused",
      "--data",
      '{"owner":"jane.doe"}',
      "--to",
      platform.url,
      "--token",
      "not-the-token",
    ]);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(
      "answered 401 unauthorized (check --token / MATURITY_INGEST_TOKEN): the bearer token is not valid",
    );
  });

  it("prints the policy's refusal of a waiver, with the field, and exits 1", async () => {
    const waiver = {
      criterionId: "evaluation.l3.no-such-criterion",
      reason: "migrating the eval suite",
      approver: "cto",
      expiresAt: "2027-01-31T00:00:00Z",
    };
    const run = await emit([
      "gov.waiver.granted",
      "--subject",
      "emit-refused",
      "--data",
      JSON.stringify(waiver),
      "--to",
      platform.url,
      "--token",
      token,
    ]);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(
      /the event was refused: ingest at .*\/v1\/events answered 422 waiver_refused: /,
    );
    expect(run.stderr).toMatch(/\n {2}data\.criterionId: .*evaluation\.l3\.no-such-criterion/);
  });
});

describe("maturity emit against a local server", () => {
  let server: Server;
  let url: string;
  const requests: { headers: IncomingMessage["headers"]; body: string }[] = [];
  let answer: (count: number) => { status: number; headers?: Record<string, string>; body: string };

  beforeAll(async () => {
    server = createServer((request, response) => {
      let body = "";
      request.on("data", (chunk: Buffer) => (body += chunk.toString()));
      request.on("end", () => {
        requests.push({ headers: request.headers, body });
        const { status, headers, body: text } = answer(requests.length);
        response.writeHead(status, { "content-type": "application/json", ...headers }).end(text);
      });
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it("retries a 503 after its Retry-After and exits 0 once accepted", async () => {
    requests.length = 0;
    answer = (count) =>
      count === 1
        ? {
            status: 503,
            headers: { "retry-after": "1" },
            body: '{"error":"log_unavailable","message":"the event log is not accepting writes"}',
          }
        : { status: 202, body: '{"accepted":[]}' };
    const started = Date.now();
    const run = await emit(["gov.owner.assigned", "--subject", "s", "--data", '{"owner":"a"}', "--to", url]);
    expect(run.status, run.stderr).toBe(0);
    expect(requests).toHaveLength(2);
    expect(Date.now() - started).toBeGreaterThanOrEqual(1000);
    expect(requests[1]!.body).toBe(requests[0]!.body);
    expect(requests[0]!.headers["content-type"]).toBe("application/cloudevents+json");
    expect(run.stderr).toContain(
      "maturity emit: 503 from ingest (the event log is not accepting writes); retrying in 1000 ms (attempt 1 of 10 failed)",
    );
  });

  it("sends nothing for bad input and exits 2", async () => {
    requests.length = 0;
    answer = () => ({ status: 202, body: '{"accepted":[]}' });
    const cases = [
      ["deploy.complete", "--subject", "s"],
      ["deploy.completed", "--subject", "s", "--data", '{"status":"ok"}'],
      ["gov.owner.assigned", "--subject", "s", "--data", "{owner}"],
      ["gov.owner.assigned", "--subject", "s", "--data", "{}", "--data-file", "x.json"],
      ["gov.owner.assigned", "--data", '{"owner":"a"}'],
    ];
    for (const args of cases) {
      const run = await emit([...args, "--to", url]);
      expect(run.status, `${JSON.stringify(args)}: ${run.stderr}`).toBe(2);
    }
    expect(requests).toHaveLength(0);
  });

  it("gives up on an ingest that is not there after --max-attempts, exit 1", async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const run = await emit([
      "gov.owner.assigned",
      "--subject",
      "s",
      "--data",
      '{"owner":"a"}',
      "--to",
      `http://127.0.0.1:${port}`,
      "--max-attempts",
      "2",
    ]);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(
      /network error \(ECONNREFUSED\); retrying in 500 ms \(attempt 1 of 2 failed\)/,
    );
    expect(run.stderr).toMatch(
      /cannot reach http:\/\/127\.0\.0\.1:\d+\/v1\/events \(ECONNREFUSED\), after 2 attempts/,
    );
  });
});
