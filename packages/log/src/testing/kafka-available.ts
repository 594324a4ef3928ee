import { connect } from "node:net";
import { inCI, testKafkaBrokers as kafkaBrokers } from "./env.ts";

function portAnswers(hostPort: string, timeoutMs = 1_500): Promise<boolean> {
  const [host, port] = hostPort.split(":");
  return new Promise((resolve) => {
    const socket = connect({ host, port: Number(port) });
    const done = (answer: boolean) => {
      socket.destroy();
      resolve(answer);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once("connect", () => done(true));
    socket.once("error", () => done(false));
  });
}

/**
 * Whether the Kafka suites can run. In CI a missing broker is a failure, never a skip; on a
 * developer's machine without Java the Kafka suites skip, and say so loudly.
 */
export async function kafkaAvailable(): Promise<boolean> {
  const answers = await portAnswers(kafkaBrokers[0]!);
  if (answers) return true;
  if (inCI) {
    throw new Error(
      `Kafka does not answer at ${kafkaBrokers.join(",")}; CI must run the Kafka suites: run infra/up first`,
    );
  }
  console.warn(
    `\n${"!".repeat(78)}\n!! SKIPPING the Kafka suites: no broker at ${kafkaBrokers.join(",")}.\n` +
      `!! Run infra/up (needs Java 17 and Maven) to run them.\n${"!".repeat(78)}\n`,
  );
  return false;
}
