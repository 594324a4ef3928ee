/**
 * The event log between ingest and the worker. Two implementations sit behind this one interface:
 * Kafka for the distributed mode and a file-backed log for the embedded single process, so ingest
 * and worker run the same code in both modes.
 */
export interface LogRecord {
  /** Partitioning key: the system id, so one system's events stay in order. */
  key: string;
  /** The CloudEvent as JSON text. */
  value: string;
}

export interface ConsumedRecord extends LogRecord {
  /** Where the record sits in the log, for logs and dead letters ("topic/partition@offset"). */
  position: string;
  /** When the log took the record (ms since the epoch), where the log knows it. */
  appendedAt?: number;
}

export interface ConsumedBatch {
  records: ConsumedRecord[];
  /** Keeps group membership alive during long batches (a no-op for the embedded log). */
  heartbeat(): Promise<void>;
}

/**
 * Called once per batch. When it resolves, the log commits the batch's offsets; when it rejects,
 * nothing is committed and the batch is delivered again.
 */
export type BatchHandler = (batch: ConsumedBatch) => Promise<void>;

export interface Subscription {
  /** Stops fetching, waits for the batch in hand to finish and commit, then leaves the group. */
  stop(): Promise<void>;
}

export interface EventLog {
  readonly kind: "kafka" | "embedded";
  /** Resolves only once every record is durable (Kafka acks=all, or the embedded file fsynced). */
  append(records: LogRecord[]): Promise<void>;
  subscribe(groupId: string, handler: BatchHandler): Promise<Subscription>;
  /** Records appended but not yet committed by the group, or null where the log cannot tell. */
  consumerLag(groupId: string): Promise<number | null>;
  /** True when an append would be accepted right now. */
  isWritable(): Promise<boolean>;
  close(): Promise<void>;
}
