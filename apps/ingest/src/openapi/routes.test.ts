// The document and the server agree on the routes: each one registered is documented, and each
// documented one is registered.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startOpenApiServer, type OpenApiServer } from "../../test/openapi-server.ts";
import { ingestOpenApiDocument } from "./document.ts";

let server: OpenApiServer;
beforeAll(async () => {
  server = await startOpenApiServer();
});
afterAll(async () => {
  await server.close();
});

const methods = ["get", "put", "post", "delete", "options", "head", "patch", "trace"];

function documented(): string[] {
  const paths = ingestOpenApiDocument().paths as Record<string, Record<string, unknown>>;
  return Object.entries(paths).flatMap(([path, item]) =>
    Object.keys(item)
      .filter((key) => methods.includes(key))
      .map((method) => `${method.toUpperCase()} ${path}`),
  );
}

// fastify writes a path parameter `:file`, OpenAPI `{file}`.
const asOpenApi = (route: string) => route.replace(/:(\w+)/g, "{$1}");

describe("the OpenAPI document's paths", () => {
  it("include every route the server registers", () => {
    const missing = server.routes.map(asOpenApi).filter((route) => !documented().includes(route));
    expect(missing, "routes missing from src/openapi").toEqual([]);
  });

  it("are all routes the server registers", () => {
    const routes = server.routes.map(asOpenApi);
    expect(documented().filter((route) => !routes.includes(route))).toEqual([]);
    expect(documented().length).toBeGreaterThanOrEqual(15);
  });
});
