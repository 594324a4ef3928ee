import type { FastifyReply } from "fastify";

/** The portal's plain-HTTP refusal (outside tRPC): `{ error, message, issues? }`, as ingest answers. */
export const refuse = (
  reply: FastifyReply,
  status: number,
  error: string,
  message: string,
  issues?: unknown,
) => reply.status(status).send({ error, message, ...(issues !== undefined && { issues }) });
