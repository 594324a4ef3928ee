// A Backstage catalogue backend as far as the import uses it: GET /api/catalog/entities/by-query
// with filters, fields, limit and cursors, answering as Backstage does (items, totalItems,
// pageInfo.nextCursor; errors as { error, request, response }), behind a static bearer token.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { Entity } from "@backstage/catalog-model";

export interface FakeBackstage {
  baseUrl: string;
  /** Every request received, in order. */
  requests: { url: URL; authorization: string | undefined }[];
  close(): Promise<void>;
}

export interface FakeBackstageOptions {
  entities: Entity[];
  /** The only token accepted; undefined: no authentication. */
  token?: string;
  /** Answer every request with this status instead (a failing backend). */
  failWith?: number;
  /** Answer with an HTML page (a web app's URL, not the backend's). */
  html?: boolean;
}

// A by-query filter: `kind=Component,kind=Resource` — OR within one key, AND across keys; several
// filter parameters are ORed. Matching is case-insensitive, as in Backstage.
function matches(entity: Entity, filters: string[]): boolean {
  if (filters.length === 0) return true;
  return filters.some((filter) => {
    const byKey = new Map<string, string[]>();
    for (const condition of filter.split(",")) {
      const [key, value = ""] = condition.split("=");
      byKey.set(key!.toLowerCase(), [...(byKey.get(key!.toLowerCase()) ?? []), value.toLowerCase()]);
    }
    return [...byKey].every(([key, values]) => {
      const actual = key
        .split(".")
        .reduce<unknown>((node, part) => (node as Record<string, unknown>)?.[part], entity);
      return typeof actual === "string" && values.includes(actual.toLowerCase());
    });
  });
}

function pruned(entity: Entity, fields: string[]): Entity {
  if (fields.length === 0) return entity;
  return Object.fromEntries(Object.entries(entity).filter(([key]) => fields.includes(key))) as Entity;
}

function send(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { "content-type": "application/json" });
  response.end(JSON.stringify(body));
}

function error(
  request: IncomingMessage,
  response: ServerResponse,
  status: number,
  name: string,
  message: string,
) {
  send(response, status, {
    error: { name, message },
    request: { method: request.method, url: request.url },
    response: { statusCode: status },
  });
}

export async function startFakeBackstage(options: FakeBackstageOptions): Promise<FakeBackstage> {
  const requests: FakeBackstage["requests"] = [];
  const server: Server = createServer((request, response) => {
    const url = new URL(request.url ?? "/", "http://localhost");
    requests.push({ url, authorization: request.headers.authorization });
    if (options.html) {
      response.writeHead(200, { "content-type": "text/html" });
      response.end("<!doctype html><title>Backstage</title>");
      return;
    }
    if (options.failWith !== undefined) return error(request, response, options.failWith, "Error", "failing");
    if (options.token !== undefined && request.headers.authorization !== `Bearer ${options.token}`)
      return error(request, response, 401, "AuthenticationError", "Missing or invalid credentials");
    if (request.method !== "GET" || url.pathname !== "/api/catalog/entities/by-query")
      return error(request, response, 404, "NotFoundError", "Not found");
    // Backstage's cursors are opaque base64 JSON; this one carries the filter and the offset.
    const cursorText = url.searchParams.get("cursor");
    const cursor =
      cursorText === null
        ? undefined
        : (JSON.parse(atob(cursorText)) as { filters: string[]; offset: number });
    const filters = cursor?.filters ?? url.searchParams.getAll("filter");
    const offset = cursor?.offset ?? 0;
    const limit = Number(url.searchParams.get("limit") ?? 20);
    const fields = (url.searchParams.get("fields") ?? "").split(",").filter(Boolean);
    const all = options.entities.filter((entity) => matches(entity, filters));
    const items = all.slice(offset, offset + limit).map((entity) => pruned(entity, fields));
    const next =
      offset + limit < all.length ? btoa(JSON.stringify({ filters, offset: offset + limit })) : undefined;
    send(response, 200, {
      items,
      totalItems: all.length,
      pageInfo: next === undefined ? {} : { nextCursor: next },
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>((resolve, reject) => server.close((err) => (err ? reject(err) : resolve()))),
  };
}
