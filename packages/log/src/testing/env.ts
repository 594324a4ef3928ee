// The broker the integration suites use; infra/up prints the same default.
export const inCI = process.env.CI === "true";
export const testKafkaBrokers = (process.env.KAFKA_BROKERS ?? "127.0.0.1:9092")
  .split(",")
  .map((broker) => broker.trim());
