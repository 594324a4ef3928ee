import type { FastifyReply } from "fastify";
import type { AdapterResult } from "../adapters/draft.ts";
import type { IngestMetrics } from "../metrics.ts";
import type { Publisher } from "../publish.ts";

/**
 * Publishes what an adapter produced and answers with the list of events (202), or 200 with the
 * reason a delivery carried no evidence, so a webhook's delivery log shows what happened. Items the
 * adapter left out (an alert naming no system) are listed under `skipped`.
 */
export async function publishAdapterResult(
  reply: FastifyReply,
  result: AdapterResult,
  publisher: Publisher,
  metrics: IngestMetrics,
  route: string,
): Promise<FastifyReply> {
  const skipped = result.skipped?.length ? { skipped: result.skipped } : {};
  if (result.ignored !== undefined) {
    metrics.ignored.inc({ route });
    return reply.status(200).send({ accepted: [], ignored: result.ignored, ...skipped });
  }
  const accepted = await publisher.publishDrafts(result.drafts, route);
  return reply.status(202).send({ accepted, ...skipped });
}
