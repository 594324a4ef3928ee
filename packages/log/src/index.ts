export type {
  BatchHandler,
  ConsumedBatch,
  ConsumedRecord,
  EventLog,
  LogRecord,
  Subscription,
} from "./event-log.ts";
export { embeddedLogDir, openEmbeddedLog } from "./embedded-log.ts";
export { openKafkaLog } from "./kafka-log.ts";
export type { KafkaLogOptions } from "./kafka-log.ts";
export { kafkaSettings } from "./kafka-settings.ts";
