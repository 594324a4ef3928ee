#!/usr/bin/env node
// Waits until a Kafka broker answers a metadata request (admin connect + describeCluster).
// Usage: node infra/wait-kafka.mjs [--brokers 127.0.0.1:9092] [--timeout 90] [--pid N]
//                                  [--log file]... [--quiet]
// Exits 0 once it answers; 1 at the deadline, or as soon as --pid dies, printing the tail of
// each --log file.
import { readFileSync, existsSync } from "node:fs";
import { setTimeout as sleep } from "node:timers/promises";
import kafkajs from "kafkajs";

const { Kafka, logLevel } = kafkajs;

const args = {
  brokers: process.env.KAFKA_BROKERS || "127.0.0.1:9092",
  timeout: 90,
  pid: 0,
  logs: [],
  quiet: false,
};
const argv = process.argv.slice(2);
for (let i = 0; i < argv.length; i++) {
  const a = argv[i];
  if (a === "--brokers") args.brokers = argv[++i];
  else if (a === "--timeout") args.timeout = Number(argv[++i]);
  else if (a === "--pid") args.pid = Number(argv[++i]);
  else if (a === "--log") args.logs.push(argv[++i]);
  else if (a === "--quiet") args.quiet = true;
  else {
    console.error(`wait-kafka: unknown argument ${a}`);
    process.exit(2);
  }
}

const alive = (pid) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

const tail = (file, lines = 25) => {
  if (!existsSync(file)) return `(${file} does not exist)`;
  return readFileSync(file, "utf8")
    .split("\n")
    .slice(-lines - 1)
    .join("\n");
};

const fail = (why) => {
  console.error(`wait-kafka: ${why}`);
  for (const f of args.logs) console.error(`----- last lines of ${f} -----\n${tail(f)}`);
  process.exit(1);
};

const brokers = args.brokers
  .split(",")
  .map((s) => s.trim())
  .filter(Boolean);
const kafka = new Kafka({
  clientId: "wait-kafka",
  brokers,
  logLevel: logLevel.NOTHING,
  connectionTimeout: 2000,
  requestTimeout: 5000,
  retry: { retries: 0 },
});

const started = Date.now();
const deadline = started + args.timeout * 1000;
let lastError = "no attempt made";
for (;;) {
  if (args.pid && !alive(args.pid)) fail(`broker process ${args.pid} exited before answering`);
  const admin = kafka.admin();
  try {
    await admin.connect();
    const cluster = await admin.describeCluster();
    await admin.disconnect();
    if (cluster.brokers.length > 0 && cluster.controller !== null && cluster.controller !== undefined) {
      if (!args.quiet) {
        const secs = ((Date.now() - started) / 1000).toFixed(1);
        console.log(
          `kafka answers at ${args.brokers}: cluster ${cluster.clusterId}, ${cluster.brokers.length} broker(s), after ${secs}s`,
        );
      }
      process.exit(0);
    }
    lastError = "metadata has no broker or no controller yet";
  } catch (e) {
    lastError = e?.message ?? String(e);
    await admin.disconnect().catch(() => {});
  }
  if (Date.now() >= deadline)
    fail(`no answer from ${args.brokers} within ${args.timeout}s (last error: ${lastError})`);
  await sleep(250);
}
