export type {
  BatchHandler,
  ConsumedBatch,
  ConsumedRecord,
  DeadLetter,
  EventLog,
  LogRecord,
  Subscription,
} from "./event-log.ts";
export { openEmbeddedLog } from "./embedded-log.ts";
export { deadLetterTopic, openKafkaLog } from "./kafka-log.ts";
export type { KafkaLogOptions } from "./kafka-log.ts";
