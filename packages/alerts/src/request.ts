// A message as the HTTP request that delivers it to its destination: a signed CloudEvents body for
// a webhook, a Block Kit body for Slack. The body is the same on every retry; only a webhook's
// timestamp and signature change with the attempt's time.
import type { Destination } from "./file-checks.ts";
import type { AlertMessage } from "./group.ts";
import { renderCloudEvents, type RenderOptions } from "./render/cloudevent.ts";
import { renderSlackBody } from "./render/slack.ts";
import { signWebhook } from "./sign.ts";

export interface DeliveryRequest {
  url: string;
  method: "POST";
  headers: Record<string, string>;
  body: string;
}

export function deliveryRequest(
  message: AlertMessage,
  destination: Destination,
  options: RenderOptions & { now: Date },
): DeliveryRequest {
  if (destination.type === "slack") {
    const { contentType, body } = renderSlackBody(message, options);
    return { url: destination.url, method: "POST", headers: { "content-type": contentType }, body };
  }
  const { contentType, body } = renderCloudEvents(message, options);
  const signed = signWebhook({ id: message.id, body, secret: destination.secret, now: options.now });
  return { url: destination.url, method: "POST", headers: { "content-type": contentType, ...signed }, body };
}
