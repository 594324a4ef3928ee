import type { Transaction } from "@maturity/db";
import { loadQueueFacts, lockQueueFacts, saveQueueFacts } from "@maturity/db";
import type { MaturityEvent } from "@maturity/model";
import type { QueueFacts } from "@maturity/scoring";
import { evolve, initialFacts } from "@maturity/scoring";

/**
 * Folds new gpu.queue.configured events into the org's queue facts. Returns whether any queue
 * changed: systems on other partitions use the queue too, so the caller re-scores them all.
 */
export async function foldQueueEvents(
  tx: Transaction,
  newEvents: readonly MaturityEvent[],
): Promise<boolean> {
  const queueEvents = newEvents.filter((event) => event.type === "gpu.queue.configured");
  if (queueEvents.length === 0) return false;
  await lockQueueFacts(tx, "write");
  const queues = (await loadQueueFacts(tx)) as Record<string, QueueFacts>;
  const facts = initialFacts();
  facts.queues = queues;
  for (const event of queueEvents) evolve(facts, event);
  const touched = new Set(queueEvents.map((event) => event.subject));
  await saveQueueFacts(tx, Object.fromEntries([...touched].map((queue) => [queue, facts.queues[queue]])));
  return true;
}
