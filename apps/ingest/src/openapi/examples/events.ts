// Example requests of POST /v1/events in each CloudEvents mode, taken from the catalogue's own
// examples (packages/model/src/events/examples.ts) so they stay valid as the schemas change.
import { exampleEvents, type EventType } from "@maturity/model";
import type { RouteExample } from "./types.ts";

const example = (type: EventType) => exampleEvents.find((event) => event.type === type)!;
const deploy = example("deploy.completed");
const owner = example("gov.owner.assigned");

/** application/cloudevents+json: one event as the body. */
export const structuredExamples = {
  deployCompleted: { summary: "A production deploy (structured mode)", value: deploy },
} satisfies Record<string, RouteExample>;

/** application/cloudevents-batch+json: an array, accepted whole or not at all. */
export const batchExamples = {
  registration: {
    summary: "A system's registration, owner and risk assessment in one batch",
    value: [example("catalog.system.registered"), owner, example("gov.risk_assessment.completed")],
  },
} satisfies Record<string, RouteExample>;

/** application/json: a structured event, or with ce-* headers the data of a binary-mode event. */
export const jsonExamples = {
  structured: { summary: "Structured mode with a plain JSON media type", value: owner },
  binary: {
    summary: "Binary mode: the attributes in ce-* headers, the body is `data`",
    value: owner.data,
    headers: {
      "ce-specversion": "1.0",
      "ce-id": "gov-0001-binary",
      "ce-source": owner.source,
      "ce-type": owner.type,
      "ce-subject": owner.subject,
      "ce-time": owner.time,
    },
  },
} satisfies Record<string, RouteExample>;
