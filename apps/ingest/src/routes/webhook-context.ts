import type { IngestConfig } from "../env.ts";
import type { IngestMetrics } from "../metrics.ts";
import type { Publisher } from "../publish.ts";

/** What every native-source route needs. */
export interface RouteContext {
  config: IngestConfig;
  publisher: Publisher;
  metrics: IngestMetrics;
  clock: () => Date;
}
