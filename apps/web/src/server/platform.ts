import path from "node:path";
import type { DatabaseHandle } from "@maturity/db";
import { openDatabase, sql } from "@maturity/db";
import type { PolicyHolder } from "@maturity/ingest";
import { createPolicyHolder, ingestPlugin } from "@maturity/ingest";
import type { EventLog } from "@maturity/log";
import type { UnknownSetting } from "@maturity/config";
import { embeddedLogDir, openEmbeddedLog, openKafkaLog } from "@maturity/log";
import { warnUnknownSettings } from "@maturity/config";
import type { ActivePolicy } from "@maturity/policy";
import type { PolicyFollower, RunningWorker, WorkerSettingValues } from "@maturity/worker";
import {
  fileQuarantine,
  followPolicyInForce,
  loadAlertsSetting,
  loadPolicySetting,
  policyInForce,
  startWorker,
  workerKafkaOptionsFrom,
  workerOptionsFrom,
} from "@maturity/worker";
import Fastify from "fastify";
import type { FastifyInstance } from "fastify";
import type { WebEnv } from "./env.ts";
import { loadSigningKey } from "./audit-pack/signing-key.ts";
import { catalogueResolver } from "./catalogue-resolver.ts";
import { startCataloguePull, type CataloguePull } from "./imports/catalogue-pull.ts";
import { authConfigured } from "./auth/auth-config.ts";
import { startScoreChangeFeed } from "./live/score-change-feed.ts";
import { webPlugin } from "./web-plugin.ts";

export interface RunningPlatform {
  app: FastifyInstance;
  url: string;
  database: DatabaseHandle;
  log: EventLog;
  worker: RunningWorker | undefined;
  /**
   * The policy ingest checks waivers against: the one this process was started with, else the one
   * in force; it follows the database's policy in force. Set it after activating one in the portal.
   */
  policy: PolicyHolder;
  /** The periodic Backstage catalogue pull, when MATURITY_BACKSTAGE_URL is set. */
  cataloguePull: CataloguePull | undefined;
  mode: "embedded" | "distributed";
  close(): Promise<void>;
}

type PlatformConfig = Pick<
  WebEnv,
  | "PORT"
  | "HOST"
  | "MATURITY_DATA_DIR"
  | "DATABASE_URL"
  | "kafkaBrokers"
  | "KAFKA_TOPIC"
  | "KAFKA_PARTITIONS"
  | "WORKER_GROUP_ID"
  | "MATURITY_ROLES"
  | "LOG_LEVEL"
> &
  // The Backstage catalogue pull (MATURITY_BACKSTAGE_URL): readEnv gives it; tests may leave it out.
  Partial<Pick<WebEnv, "backstage" | "backstageMapping">> &
  // MATURITY_POLICY and MATURITY_SIGNING_KEY: readEnv gives them; a test's hand-made config may
  // leave them out (no policy given, packs unsigned).
  Partial<Pick<WebEnv, "MATURITY_POLICY" | "MATURITY_SIGNING_KEY">> &
  // MATURITY_ALERTS, the lookup of the credentials it names, and the portal's address for links.
  Partial<Pick<WebEnv, "MATURITY_ALERTS" | "alertSecrets" | "MATURITY_PUBLIC_URL">> &
  // The forecasts' minimum history: readEnv gives it; a test's config may leave it out (28 days).
  Partial<Pick<WebEnv, "MATURITY_FORECAST_MIN_HISTORY_DAYS">> &
  // The worker's other settings (RESCORE_INTERVAL_MS, WORKER_MAX_BATCH_BYTES, …): readEnv gives them
  // all; a test's hand-made config may leave them out, and they take the worker's defaults.
  Partial<WorkerSettingValues> & {
    ingest?: WebEnv["ingest"];
    auth?: WebEnv["auth"];
    /** Variables that look like settings but are none (readEnv finds them); warned about at start. */
    unknownSettings?: UnknownSetting[];
    /** The worker's clock (the demo seeding moves it along the history it replays). */
    workerClock?: () => number;
    /**
     * The embedded database broke (a WebAssembly fault): by default the process exits non-zero,
     * since every later query would fail; the suspect records are dead-lettered on the next start.
     */
    onFatal?: (error: Error) => void;
  };

/**
 * Starts the parts this process runs (ingest, worker, web) over one database and one event log.
 * With no servers configured everything is embedded (PGlite and a file log under the data dir);
 * with DATABASE_URL and KAFKA_BROKERS the very same code runs against the real services.
 */
export async function startPlatform(config: PlatformConfig): Promise<RunningPlatform> {
  // First, before anything is opened: a bad policy file stops the start with its errors.
  const givenPolicy: ActivePolicy | undefined = await loadPolicySetting(config.MATURITY_POLICY);
  // So does a bad alerts file, or a credential it names that is not set.
  const alerts = await loadAlertsSetting(config.MATURITY_ALERTS, config.alertSecrets ?? (() => undefined));
  // So does a signing key that cannot be read: packs are never silently unsigned.
  const signingKey = await loadSigningKey(config.MATURITY_SIGNING_KEY);
  const app = Fastify({ logger: { level: config.LOG_LEVEL }, bodyLimit: 5 * 1024 * 1024 });
  warnUnknownSettings(app.log, config.unknownSettings ?? []);
  const database = await openDatabase(
    config.DATABASE_URL
      ? { url: config.DATABASE_URL }
      : { dataDir: path.join(config.MATURITY_DATA_DIR, "pglite") },
  );
  let log: EventLog;
  try {
    log = config.kafkaBrokers?.length
      ? await openKafkaLog({
          brokers: config.kafkaBrokers,
          topic: config.KAFKA_TOPIC,
          partitions: config.KAFKA_PARTITIONS,
          // What the standalone worker passes (apps/worker/src/main.ts).
          ...workerKafkaOptionsFrom(config),
        })
      : await openEmbeddedLog(embeddedLogDir(config.MATURITY_DATA_DIR));
  } catch (error) {
    await database.close();
    throw error;
  }
  const mode = database.driver === "postgres" && log.kind === "kafka" ? "distributed" : "embedded";
  const roles = new Set(config.MATURITY_ROLES);
  // The given policy is about to be in force (the worker activates it); otherwise the one in force.
  let policy: PolicyHolder;
  let policyFollower: PolicyFollower;
  try {
    policy = createPolicyHolder(givenPolicy ?? (await policyInForce(database.db)));
    policyFollower = await followPolicyInForce(database.db, policy.set, {
      onError: (error) => app.log.error({ err: error }, "could not read the policy in force"),
    });
  } catch (error) {
    await log.close();
    await database.close();
    throw error;
  }

  app.get("/healthz", async () => ({ status: "ok" }));
  app.get("/readyz", async (_request, reply) => {
    const [databaseReady, logWritable] = await Promise.all([
      database.db.execute(sql`select 1`).then(
        () => true,
        () => false,
      ),
      log.isWritable(),
    ]);
    const workerReadiness = worker?.readiness() ?? { ready: true, reasons: [] };
    const reasons = [
      ...(databaseReady ? [] : ["the database does not answer"]),
      ...(logWritable ? [] : ["the event log does not accept writes"]),
      ...workerReadiness.reasons,
    ];
    const ready = reasons.length === 0;
    return reply
      .status(ready ? 200 : 503)
      .send({ status: ready ? "ready" : "not_ready", databaseReady, logWritable, reasons });
  });
  app.get("/metrics", async (_request, reply) =>
    reply.type("text/plain; version=0.0.4").send(worker?.metrics.render() ?? ""),
  );
  if (roles.has("ingest")) {
    // The worker's metrics own /metrics here; ingest's go beside them.
    await app.register(ingestPlugin, {
      log,
      config: config.ingest,
      metricsRoute: "/metrics/ingest",
      resolveSystem: catalogueResolver(database.db),
      policy: policy.get,
    });
  }
  // Pages update live from the database's notices, whichever process's worker wrote the change.
  const scoreChanges = roles.has("web") ? await startScoreChangeFeed(database) : undefined;
  if (roles.has("web")) {
    const auth = config.auth ?? { tokens: new Map() };
    if (!authConfigured(auth))
      app.log.warn(
        "portal sign-on is OFF: everyone who reaches it is a local admin; set MATURITY_AUTH_USER_HEADER or MATURITY_API_TOKENS",
      );
    await app.register(webPlugin, {
      db: database.db,
      auth,
      scoreChanges,
      appendToLog: (records) => log.append(records),
      ...(signingKey !== undefined && { signingKey }),
      ...(config.backstageMapping !== undefined && { backstageMapping: config.backstageMapping }),
      ...(config.ingest !== undefined && { publicUrl: config.ingest.publicUrl }),
      ...(alerts !== undefined && { alerts }),
      ...(config.MATURITY_FORECAST_MIN_HISTORY_DAYS !== undefined && {
        forecastMinHistoryDays: config.MATURITY_FORECAST_MIN_HISTORY_DAYS,
      }),
    });
  }

  // The catalogue pull runs beside the portal (which holds the store and the log), once per process
  // with the web role; a second one would only append what the first already did (same ids).
  const cataloguePull: CataloguePull | undefined =
    roles.has("web") && config.backstage !== undefined
      ? startCataloguePull(
          {
            db: database.db,
            appendToLog: (records) => log.append(records),
            logger: app.log.child({ component: "backstage-pull" }),
          },
          config.backstage,
        )
      : undefined;

  const worker = roles.has("worker")
    ? await startWorker({
        db: database.db,
        log,
        logger: app.log.child({ component: "worker" }),
        ...(givenPolicy !== undefined && { policy: givenPolicy }),
        // The settings the standalone worker honours, turned into options the same way.
        ...workerOptionsFrom(config),
        ...(config.workerClock !== undefined && { clock: config.workerClock }),
        ...(alerts !== undefined && {
          alerts: {
            config: alerts,
            publicUrl: config.MATURITY_PUBLIC_URL ?? `http://localhost:${config.PORT}`,
          },
        }),
        // Only the embedded database can break in-process; a server's failures are waited out.
        ...(database.driver === "pglite" && {
          quarantine: fileQuarantine(path.join(embeddedLogDir(config.MATURITY_DATA_DIR), "quarantine.json")),
          onFatal:
            config.onFatal ??
            ((error: Error) => {
              app.log.fatal(
                { err: error },
                `the embedded database broke; exiting. The records that broke it are dead-lettered on the next start (data: ${config.MATURITY_DATA_DIR})`,
              );
              process.exit(1);
            }),
        }),
      })
    : undefined;

  const address = await app.listen({ port: config.PORT, host: config.HOST });
  const port = (app.server.address() as { port: number }).port;
  app.log.info({ mode, roles: [...roles], address }, "platform started");

  let closing: Promise<void> | undefined;
  return {
    app,
    url: `http://localhost:${port}`,
    database,
    log,
    worker,
    policy,
    cataloguePull,
    mode,
    close() {
      closing ??= (async () => {
        policyFollower.stop();
        await cataloguePull?.stop();
        await scoreChanges?.close();
        await app.close();
        await worker?.stop();
        await log.close();
        await database.close();
      })();
      return closing;
    },
  };
}
