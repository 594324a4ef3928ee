// `maturity import backstage` through the real bin: against the running platform (the web
// server's entry point on an embedded data folder, signed on with MATURITY_API_TOKENS), and
// without one (--offline, an unreachable portal, a URL that is not the portal's).
import { cp, mkdtemp, readFile, rm, stat, writeFile } from "node:fs/promises";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { embeddedLogDir } from "@maturity/log";
import { parseEvent, type MaturityEvent } from "@maturity/model";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  eventually,
  listedSystems,
  runBin,
  startPlatformProcess,
  storedEvents,
  type BinRun,
  type PlatformProcess,
} from "../../test/platform-process.ts";

const adminToken = "import-e2e-admin-token-0123456789";
const viewerToken = "import-e2e-viewer-token-0123456789";
const fixtures = fileURLToPath(
  new URL("../../../../packages/backstage/test/fixtures/catalog", import.meta.url),
);
const catalogInfo = path.join(fixtures, "catalog-info.yaml");
/** The ML systems of the fixtures, by id (the other entities are no ML systems, or invalid). */
const fixtureSystems = [
  "fraud-scoring",
  "resource:churn-model",
  "search-ranker",
  "support/support-assistant",
  "triage-agent",
];
const invalidRef = "component:default/broken scorer";

/** `maturity import backstage …`, with none of the developer's own portal settings. */
function importBackstage(args: string[], env: Record<string, string> = {}): Promise<BinRun> {
  return runBin(["import", "backstage", ...args], {
    env,
    unset: ["MATURITY_PORTAL_URL", "MATURITY_API_TOKEN"],
  });
}

interface Counts {
  registered: number;
  updated: number;
  retired: number;
  unchanged: number;
  skipped: number;
}

/** The counts line of the summary the command prints on stderr. */
function countsOf(run: BinRun): Counts {
  const match = /^(\d+) registered, (\d+) updated, (\d+) retired, (\d+) unchanged, (\d+) skipped, /m.exec(
    run.stderr,
  );
  if (match === null) throw new Error(`no summary in:\n${run.stderr}`);
  const [registered, updated, retired, unchanged, skipped] = match.slice(1).map(Number) as [
    number,
    number,
    number,
    number,
    number,
  ];
  return { registered, updated, retired, unchanged, skipped };
}

/** "emitted N events" / "would emit N events": N, and which it said. */
function emittedOf(run: BinRun): { verb: string; count: number } {
  const match = /^(emitted|would emit) (\d+) events$/m.exec(run.stderr);
  if (match === null) throw new Error(`no event count in:\n${run.stderr}`);
  return { verb: match[1]!, count: Number(match[2]) };
}

/** The line (1-based) the invalid entity's document starts on, as the command names it. */
async function invalidEntityLine(): Promise<number> {
  const lines = (await readFile(catalogInfo, "utf8")).split("\n");
  const nameLine = lines.findIndex((line) => line.trim() === "name: broken scorer");
  const start = lines.slice(0, nameLine).findLastIndex((line) => line.startsWith("apiVersion:"));
  expect(start, "the fixture's invalid entity").toBeGreaterThanOrEqual(0);
  return start + 1;
}

function parsedEvents(lines: string): MaturityEvent[] {
  return lines
    .split("\n")
    .filter((line) => line !== "")
    .map((line) => {
      const parsed = parseEvent(JSON.parse(line));
      if (!parsed.ok) throw new Error(`not a valid event: ${line}`);
      return parsed.event;
    });
}

describe("maturity import backstage against the running platform", () => {
  let platform: PlatformProcess;
  let logFile: string;
  /** The changed copy of the fixtures (one description edited, one entity deleted). */
  let changed: string;
  const location = "acme-catalog";
  /** The ids of the events the dry run printed: the real run stores the same. */
  let dryRunIds: string[] = [];
  const asViewer = () => ({ token: viewerToken });
  const logSize = async () => (await stat(logFile)).size;
  const allStored = () => storedEvents(platform.url, undefined, { ...asViewer(), limit: 500 });

  beforeAll(async () => {
    platform = await startPlatformProcess({
      MATURITY_API_TOKENS: `ops:${adminToken}:admin,ci:${viewerToken}`,
    });
    logFile = path.join(embeddedLogDir(platform.dataDir), "events.ndjson");
    changed = await mkdtemp(path.join(tmpdir(), "maturity-import-"));
    await cp(fixtures, changed, { recursive: true });
    const file = path.join(changed, "catalog-info.yaml");
    const documents = (await readFile(file, "utf8")).split("\n---\n");
    const kept = documents.filter((document) => !/^ {2}name: triage-agent$/m.test(document));
    expect(kept).toHaveLength(documents.length - 1);
    const text = kept.join("\n---\n");
    const edited = text.replace(
      "description: Predicts which subscribers cancel next month.",
      "description: Predicts which subscribers cancel within 30 days.",
    );
    expect(edited).not.toBe(text);
    await writeFile(file, edited);
  });
  afterAll(async () => {
    await platform?.stop();
    if (changed !== undefined) await rm(changed, { recursive: true, force: true });
  });

  it("registers the ML systems of the files, names the invalid entity with its place, and exits 1", async () => {
    const run = await importBackstage([
      fixtures,
      "--to",
      platform.url,
      "--token",
      adminToken,
      "--location",
      location,
    ]);
    // One invalid entity: the rest is imported, and the exit status says something was skipped.
    expect(run.status, run.stderr).toBe(1);
    expect(countsOf(run)).toEqual({ registered: 5, updated: 0, retired: 0, unchanged: 0, skipped: 1 });
    // Each system registered with the file and line of its entity.
    expect(run.stderr).toContain(
      `\nRegistered:\n  fraud-scoring (component:default/fraud-scorer) ${catalogInfo}:2\n`,
    );
    for (const systemId of fixtureSystems)
      expect(run.stderr).toMatch(new RegExp(`^ {2}${systemId} \\(`, "m"));
    expect(run.stderr).toContain(
      `\nSkipped:\n  ${catalogInfo}:${await invalidEntityLine()} ${invalidRef}: "metadata.name" is not valid`,
    );
    // A registration and an owner for each.
    expect(emittedOf(run)).toEqual({ verb: "emitted", count: 10 });
    expect(run.stdout).toBe("");

    const systems = await eventually(
      () => listedSystems(platform.url, asViewer()),
      (list) =>
        fixtureSystems.every((id) =>
          list.some((system) => system.systemId === id && system.eventCount === 2),
        ),
    );
    expect(systems.map((system) => system.systemId).sort()).toEqual(fixtureSystems);
    expect(systems.find((system) => system.systemId === "fraud-scoring")).toMatchObject({
      name: "Fraud scorer",
      team: "payments-risk",
      kind: "classical",
      riskTier: "high",
      retiredAt: null,
    });
    const fraud = await storedEvents(platform.url, "fraud-scoring", asViewer());
    expect(fraud.map((event) => event.type).sort()).toEqual([
      "catalog.system.registered",
      "gov.owner.assigned",
    ]);
    expect(fraud.every((event) => event.source === `backstage:${location}`)).toBe(true);
    // The admin whose token did it, on every event.
    expect(fraud.every((event) => event.payload.actor === "token:ops")).toBe(true);
  });

  it("changes nothing when the same files are imported again", async () => {
    const sizeBefore = await logSize();
    const run = await importBackstage([
      fixtures,
      "--to",
      platform.url,
      "--token",
      adminToken,
      "--location",
      location,
    ]);
    expect(run.status, run.stderr).toBe(1); // the invalid entity is still skipped
    expect(countsOf(run)).toEqual({ registered: 0, updated: 0, retired: 0, unchanged: 5, skipped: 1 });
    expect(emittedOf(run)).toEqual({ verb: "emitted", count: 0 });
    expect(run.stderr).not.toMatch(/^(Registered|Updated|Retired):$/m);
    expect(await logSize()).toBe(sizeBefore);
  });

  it("--dry-run prints the update and the retirement a change would make, and stores nothing", async () => {
    const storedBefore = await allStored();
    const sizeBefore = await logSize();
    const args = [changed, "--to", platform.url, "--token", adminToken, "--location", location, "--dry-run"];
    const run = await importBackstage(args);
    expect(run.status, run.stderr).toBe(1);
    expect(countsOf(run)).toEqual({ registered: 0, updated: 1, retired: 1, unchanged: 3, skipped: 1 });
    expect(run.stderr).toContain(`\nUpdated:\n  resource:churn-model (resource:default/churn-model) `);
    expect(run.stderr).toContain(`\nRetired:\n  triage-agent (component:default/triage-agent)\n`);
    expect(emittedOf(run)).toEqual({ verb: "would emit", count: 2 });
    const events = parsedEvents(run.stdout);
    expect(events.map((event) => [event.type, event.subject])).toEqual([
      ["catalog.system.updated", "resource:churn-model"],
      ["catalog.system.retired", "triage-agent"],
    ]);
    expect(events[0]!.data).toMatchObject({
      description: "Predicts which subscribers cancel within 30 days.",
    });
    expect(events.every((event) => event.source === `backstage:${location}`)).toBe(true);
    dryRunIds = events.map((event) => event.id);

    // Nothing reached the log (appends are synchronous with the answer), so nothing can reach the store.
    const storedNothing = async () => {
      expect(await logSize()).toBe(sizeBefore);
      expect(await allStored()).toEqual(storedBefore);
      const triage = (await listedSystems(platform.url, asViewer())).find(
        (system) => system.systemId === "triage-agent",
      );
      expect(triage?.retiredAt).toBeNull();
    };
    await storedNothing();

    // --no-retire keeps the system whose entity is gone.
    const kept = await importBackstage([...args, "--no-retire"]);
    expect(countsOf(kept)).toEqual({ registered: 0, updated: 1, retired: 0, unchanged: 3, skipped: 1 });
    expect(parsedEvents(kept.stdout).map((event) => event.type)).toEqual(["catalog.system.updated"]);
    await storedNothing();
  });

  it("stores the update and the retirement when run for real on the changed files", async () => {
    const run = await importBackstage([
      changed,
      "--to",
      platform.url,
      "--token",
      adminToken,
      "--location",
      location,
    ]);
    expect(run.status, run.stderr).toBe(1);
    expect(countsOf(run)).toEqual({ registered: 0, updated: 1, retired: 1, unchanged: 3, skipped: 1 });
    expect(emittedOf(run)).toEqual({ verb: "emitted", count: 2 });
    expect(run.stdout).toBe("");

    const systems = await eventually(
      () => listedSystems(platform.url, asViewer()),
      (list) => list.find((system) => system.systemId === "triage-agent")?.retiredAt !== null,
    );
    // Retired, not forgotten: the system and its history stay.
    expect(systems.map((system) => system.systemId).sort()).toEqual(fixtureSystems);
    expect(systems.filter((system) => system.retiredAt !== null).map((system) => system.systemId)).toEqual([
      "triage-agent",
    ]);
    const churn = await eventually(
      () => storedEvents(platform.url, "resource:churn-model", asViewer()),
      (events) => events.some((event) => event.type === "catalog.system.updated"),
    );
    const update = churn.find((event) => event.type === "catalog.system.updated")!;
    expect(update.payload.data).toMatchObject({
      description: "Predicts which subscribers cancel within 30 days.",
    });
    const retirement = (await storedEvents(platform.url, "triage-agent", asViewer())).find(
      (event) => event.type === "catalog.system.retired",
    );
    // What the dry run showed is what was stored: the same event ids.
    expect([update.eventId, retirement?.eventId]).toEqual(dryRunIds);

    // And the changed files are now what the catalogue holds.
    const again = await importBackstage([
      changed,
      "--to",
      platform.url,
      "--token",
      adminToken,
      "--location",
      location,
    ]);
    expect(countsOf(again)).toEqual({ registered: 0, updated: 0, retired: 0, unchanged: 4, skipped: 1 });
  });

  it("takes the portal and the token from MATURITY_PORTAL_URL and MATURITY_API_TOKEN", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "maturity-import-env-"));
    try {
      const file = path.join(dir, "catalog-info.yaml");
      await writeFile(
        file,
        [
          "apiVersion: backstage.io/v1alpha1",
          "kind: Component",
          "metadata:",
          "  name: env-configured-model",
          "  annotations:",
          "    maturity.dev/risk-tier: limited",
          "spec:",
          "  type: ml-model",
          "  lifecycle: production",
          "  owner: group:default/ml-platform",
          "",
        ].join("\n"),
      );
      const run = await importBackstage([file, "--location", "env-settings"], {
        MATURITY_PORTAL_URL: platform.url,
        MATURITY_API_TOKEN: adminToken,
      });
      expect(run.status, run.stderr).toBe(0);
      expect(countsOf(run)).toEqual({ registered: 1, updated: 0, retired: 0, unchanged: 0, skipped: 0 });
      expect(run.stderr).toContain(
        `\nRegistered:\n  env-configured-model (component:default/env-configured-model) ${file}:1\n`,
      );
      const systems = await eventually(
        () => listedSystems(platform.url, asViewer()),
        (list) => list.some((system) => system.systemId === "env-configured-model"),
      );
      expect(systems.find((system) => system.systemId === "env-configured-model")).toMatchObject({
        riskTier: "limited",
        team: "ml-platform",
      });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it("is refused without an admin token: 403 for a viewer's, 401 for none or an unknown one", async () => {
    const sizeBefore = await logSize();
    const base = [fixtures, "--to", platform.url, "--location", "refused"];
    const hint = "(pass an admin token of MATURITY_API_TOKENS with --token or MATURITY_API_TOKEN)";

    const viewer = await importBackstage([...base, "--token", viewerToken]);
    expect(viewer.status).toBe(1);
    expect(viewer.stderr).toContain(
      `maturity import backstage: the platform answered 403 ${hint}: importing a catalogue changes it: an admin must do it`,
    );
    // Refused before planning: no summary, no events.
    expect(viewer.stderr).not.toMatch(/registered, /);
    expect(viewer.stdout).toBe("");

    const none = await importBackstage(base);
    expect(none.status).toBe(1);
    expect(none.stderr).toContain(
      `maturity import backstage: the platform answered 401 ${hint}: send a bearer token (Authorization: Bearer <token>)`,
    );

    const unknown = await importBackstage([...base, "--token", "not-one-of-the-tokens-at-all"]);
    expect(unknown.status).toBe(1);
    expect(unknown.stderr).toContain(
      `the platform answered 401 ${hint}: the bearer token is not one of MATURITY_API_TOKENS`,
    );
    expect(await logSize()).toBe(sizeBefore);
  });
});

describe("maturity import backstage without the platform", () => {
  it("says it cannot reach an unreachable portal, suggests --offline, and exits 1", async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const run = await importBackstage([fixtures, "--to", `http://127.0.0.1:${port}`, "--token", adminToken]);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(
      `maturity import backstage: cannot reach the platform at http://127.0.0.1:${port}/api/imports/backstage (ECONNREFUSED); is it running? Pass --to, or --offline to check the files alone`,
    );
    expect(run.stdout).toBe("");
  });

  it("says so, and exits 1, when what answers at --to is not the portal", async () => {
    const server = createServer((_request, response) =>
      response.writeHead(200, { "content-type": "text/html" }).end("<html>Sign in</html>"),
    );
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    try {
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      const run = await importBackstage([fixtures, "--to", url, "--token", adminToken]);
      expect(run.status).toBe(1);
      expect(run.stderr).toContain(
        `maturity import backstage: ${url}/api/imports/backstage answered 200 with no import plan (is --to the portal's URL?): <html>Sign in</html>`,
      );
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });

  it("--offline --json plans the files alone: the systems, the skipped entity, and valid events", async () => {
    const run = await importBackstage([fixtures, "--offline", "--json"]);
    expect(run.status, run.stderr).toBe(1); // the invalid entity
    const plan = JSON.parse(run.stdout) as {
      summary: {
        registered: { systemId: string; file: string; line: number }[];
        updated: unknown[];
        retired: unknown[];
        skipped: { file: string; line: number; entityRef: string; reason: string }[];
        notMlSystems: number;
      };
      events: unknown[];
    };
    expect(plan.summary.registered.map((change) => change.systemId).sort()).toEqual(fixtureSystems);
    expect(plan.summary.registered.find((change) => change.systemId === "search-ranker")).toMatchObject({
      file: path.join(fixtures, "more", "search.yaml"),
      line: 1,
    });
    expect(plan.summary.updated).toEqual([]);
    expect(plan.summary.retired).toEqual([]);
    expect(plan.summary.notMlSystems).toBe(5); // a System, a Group, a User, a website, a Template
    expect(plan.summary.skipped).toHaveLength(1);
    expect(plan.summary.skipped[0]).toMatchObject({
      file: catalogInfo,
      line: await invalidEntityLine(),
      entityRef: invalidRef,
    });
    expect(plan.summary.skipped[0]!.reason).toContain('"metadata.name" is not valid');
    const events = plan.events.map((event) => {
      const parsed = parseEvent(event);
      if (!parsed.ok) throw new Error(`not a valid event: ${JSON.stringify(event)}`);
      return parsed.event;
    });
    expect(events).toHaveLength(10);
    expect(events.every((event) => event.source === "backstage:files")).toBe(true);
    expect(
      events
        .filter((event) => event.type === "catalog.system.registered")
        .map((event) => event.subject)
        .sort(),
    ).toEqual(fixtureSystems);
    expect(
      events
        .filter((event) => event.type === "gov.owner.assigned")
        .map((event) => event.subject)
        .sort(),
    ).toEqual(fixtureSystems);
  });

  it("--help exits 0 with the options and the examples", async () => {
    const run = await importBackstage(["--help"]);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain("Usage: maturity import backstage [options] <paths...>");
    for (const option of [
      "--to <url>",
      "--token <token>",
      "--location <name>",
      "--no-retire",
      "--dry-run",
      "--offline",
      "--json",
    ])
      expect(run.stdout).toContain(option);
    expect(run.stdout).toContain("Examples:\n  maturity import backstage catalog/ --dry-run\n");
    expect(run.stdout).toContain("  maturity import backstage catalog/ --offline --json");
  });
});
