export { inCI, testKafkaBrokers } from "./env.ts";
export { kafkaAvailable } from "./kafka-available.ts";
