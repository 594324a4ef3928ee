import type { FastifyError, FastifyReply, FastifyRequest } from "fastify";

/** The one shape every ingest error takes: a code a program can switch on, a message a person can act on. */
export interface IngestErrorBody {
  error: string;
  message: string;
  issues?: { path: string; message: string }[];
}

/** Maps body-parsing failures raised by fastify itself to our error shape. */
export function ingestErrorHandler(error: FastifyError, request: FastifyRequest, reply: FastifyReply): void {
  const status = error.statusCode ?? 500;
  if (error.code === "FST_ERR_CTP_BODY_TOO_LARGE") {
    void reply.status(413).send({
      error: "payload_too_large",
      message: `the request body is over the ${request.routeOptions.bodyLimit ?? 0}-byte limit; send smaller batches`,
    } satisfies IngestErrorBody);
    return;
  }
  if (error.code === "FST_ERR_CTP_INVALID_MEDIA_TYPE") {
    void reply.status(415).send({
      error: "unsupported_media_type",
      message: `content-type ${request.headers["content-type"] ?? "(none)"} is not accepted; send application/cloudevents+json or application/json`,
    } satisfies IngestErrorBody);
    return;
  }
  if (status < 500) {
    void reply.status(status).send({
      error: "bad_request",
      message:
        error.code === "FST_ERR_CTP_EMPTY_JSON_BODY"
          ? "the body is empty; send a CloudEvent"
          : `the body is not valid JSON: ${error.message}`,
    } satisfies IngestErrorBody);
    return;
  }
  request.log.error({ err: error }, "ingest failed");
  void reply
    .status(500)
    .send({ error: "internal", message: "ingest failed; retry later" } satisfies IngestErrorBody);
}
