// A local webhook receiver for the alert suites: it verifies every delivery with the
// `standardwebhooks` package (not our code), checks that the same delivery with its body tampered
// with is refused by that verifier, answers from a script the test sets per path, and records
// every request it got.
import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { Webhook } from "standardwebhooks";

export interface ReceivedDelivery {
  /** The URL path it was posted to: which destination sent it. */
  path: string;
  /** The `webhook-id` header: the outbox's message id. */
  id: string;
  /** What the receiver answered. */
  status: number;
  /** `Webhook.verify` accepted the delivery as sent. */
  verified: boolean;
  /** `Webhook.verify` refused the same headers with one digit of the body changed. */
  tamperedRefused: boolean;
  body: string;
  contentType: string | undefined;
  /** Wall-clock time the request ended (ms). */
  at: number;
}

/** How to answer a verified delivery: its status, and a Retry-After header if any. */
export type Answer = { status: number; retryAfter?: string };

/** Decides the answer to the `nth` (1-based) verified delivery to `path`. */
export type AnswerScript = (path: string, nth: number) => Answer;

export interface WebhookReceiver {
  /** The receiver's base URL, without a trailing slash (destinations add a path). */
  url: string;
  deliveries: ReceivedDelivery[];
  /** Replaces the script (e.g. a receiver that was failing comes back). */
  answer(script: AnswerScript): void;
  /** The deliveries it accepted (verified and answered 2xx). */
  accepted(): ReceivedDelivery[];
  close(): Promise<void>;
}

function headerMap(headers: IncomingHttpHeaders): Record<string, string> {
  return Object.fromEntries(
    Object.entries(headers).flatMap(([name, value]) =>
      typeof value === "string" ? [[name, value]] : Array.isArray(value) ? [[name, value.join(",")]] : [],
    ),
  );
}

/** Starts a receiver on a free local port; unverifiable deliveries are answered 401. */
export async function startWebhookReceiver(
  secret: string,
  script: AnswerScript = () => ({ status: 200 }),
): Promise<WebhookReceiver> {
  let current = script;
  const deliveries: ReceivedDelivery[] = [];
  const counts = new Map<string, number>();
  const verifier = new Webhook(secret);
  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      const body = Buffer.concat(chunks).toString("utf8");
      const headers = headerMap(request.headers);
      const verifies = (text: string) => {
        try {
          verifier.verify(text, headers);
          return true;
        } catch {
          return false;
        }
      };
      const verified = verifies(body);
      // One digit changed (a level, a count, a date): what an attacker would alter.
      const tampered = /\d/.test(body) ? body.replace(/\d/, (d) => String((Number(d) + 1) % 10)) : `${body} `;
      const path = (request.url ?? "/").split("?")[0]!;
      let answer: Answer = { status: 401 };
      if (verified) {
        const nth = (counts.get(path) ?? 0) + 1;
        counts.set(path, nth);
        answer = current(path, nth);
      }
      deliveries.push({
        path,
        id: headers["webhook-id"] ?? "",
        status: answer.status,
        verified,
        tamperedRefused: !verifies(tampered),
        body,
        contentType: headers["content-type"],
        at: Date.now(),
      });
      response
        .writeHead(answer.status, answer.retryAfter === undefined ? {} : { "retry-after": answer.retryAfter })
        .end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    deliveries,
    answer(script) {
      current = script;
    },
    accepted: () => deliveries.filter((d) => d.verified && d.status >= 200 && d.status < 300),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
