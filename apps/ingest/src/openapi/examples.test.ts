// Every request the OpenAPI document shows is one the server accepts: each body example is sent
// as it is, with its media type, the header values paired with it, a valid token or signature
// computed here, and the answer is 2xx. A GET with a path parameter is sent with its example.
import { createHmac } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bearer } from "../../test/harness.ts";
import { publicUrl, secrets, startOpenApiServer, type OpenApiServer } from "../../test/openapi-server.ts";
import { openApiValidator } from "../../test/openapi-validator.ts";
import { ingestOpenApiDocument } from "./document.ts";

let server: OpenApiServer;
beforeAll(async () => {
  server = await startOpenApiServer();
});
afterAll(async () => {
  await server.close();
});

type Json = Record<string, unknown>;
interface Parameter {
  name: string;
  in: string;
  example?: string;
  examples?: Record<string, { value: string }>;
}
interface Operation {
  parameters?: Parameter[];
  security?: Json[];
  requestBody?: { content: Record<string, { examples?: Record<string, { value: unknown }> }> };
}

const validator = openApiValidator(ingestOpenApiDocument());

/** The JSON schema of a POST's answer with this status, through a shared response's $ref. */
function responseSchema(path: string, status: number): object {
  const document = ingestOpenApiDocument() as {
    paths: Record<string, { post: { responses: Record<string, Json> } }>;
    components: { responses: Record<string, Json> };
  };
  let response = document.paths[path]!.post.responses[String(status)];
  if (response === undefined) throw new Error(`${path} documents no ${status} answer`);
  if (typeof response.$ref === "string")
    response = document.components.responses[response.$ref.split("/").at(-1)!]!;
  return (response.content as Record<string, { schema: object }>)["application/json"]!.schema;
}

const hmac = (key: string, data: string, encoding: "hex" | "base64") =>
  createHmac("sha256", key).update(data).digest(encoding);

/** Each source's scheme, written out from its documentation rather than taken from src/auth. */
const signers: Record<string, (body: string, headers: Record<string, string>) => string> = {
  "X-Hub-Signature-256": (body) => `sha256=${hmac(secrets.github, body, "hex")}`,
  "X-Gitlab-Token": () => secrets.gitlab,
  "X-MLflow-Signature": (body, headers) =>
    `v1,${hmac(secrets.mlflow, `${headers["X-MLflow-Delivery-Id"]}.${headers["X-MLflow-Timestamp"]}.${body}`, "base64")}`,
  "X-PagerDuty-Signature": (body) => `v1=${hmac(secrets.pagerduty, body, "hex")}`,
};

function requests() {
  const paths = ingestOpenApiDocument().paths as Record<string, Record<string, Operation>>;
  return Object.entries(paths).flatMap(([path, item]) =>
    Object.entries(item.post?.requestBody?.content ?? {}).flatMap(([mediaType, content]) =>
      Object.entries(content.examples ?? {}).map(([name, example]) => {
        const body = JSON.stringify(example.value);
        const headers: Record<string, string> = { "content-type": mediaType };
        // Only the header values paired with this example by name: a fixed `example` (gzip, a
        // signature's form) illustrates the header, it does not go with every body.
        for (const parameter of item.post!.parameters ?? []) {
          const value = parameter.examples?.[name]?.value;
          if (parameter.in === "header" && value !== undefined) headers[parameter.name] = value;
        }
        for (const parameter of item.post!.parameters ?? []) {
          const sign = signers[parameter.name];
          if (sign !== undefined) headers[parameter.name] = sign(body, headers);
        }
        if (item.post!.security?.some((scheme) => "bearer" in scheme)) Object.assign(headers, bearer);
        return { label: `${path} ${mediaType} ${name}`, path, body, headers };
      }),
    ),
  );
}

describe("the OpenAPI document's request examples", () => {
  it("cover every POST route", () => {
    const paths = ingestOpenApiDocument().paths as Record<string, Record<string, Operation>>;
    const posted = new Set(requests().map((request) => request.path));
    expect(Object.keys(paths).filter((path) => paths[path]!.post !== undefined && !posted.has(path))).toEqual(
      [],
    );
  });

  it.each(requests().map((request) => [request.label, request] as const))(
    "%s is accepted",
    async (_label, request) => {
      const response = await server.app.inject({
        method: "POST",
        url: request.path,
        headers: request.headers,
        payload: request.body,
      });
      expect(response.statusCode, response.body).toBeGreaterThanOrEqual(200);
      expect(response.statusCode, response.body).toBeLessThan(300);
      // And the answer is the one the document describes for that status.
      const schema = responseSchema(request.path, response.statusCode);
      expect(validator.checkWith(schema, response.json()).errors).toBe("");
    },
  );

  it("stored events that each name their type's schema as dataschema", async () => {
    const stored = await server.logged();
    expect(stored.length).toBeGreaterThan(10);
    for (const event of stored) {
      expect(event.dataschema).toBe(`${publicUrl}/v1/schemas/${String(event.type)}.json#/properties/data`);
    }
  });
});

describe("the OpenAPI document's path parameter examples", () => {
  const paths = ingestOpenApiDocument().paths as Record<string, Record<string, Operation>>;
  const gets = Object.entries(paths).flatMap(([path, item]) =>
    item.get === undefined ? [] : [[path, item.get.parameters ?? []] as const],
  );
  it.each(gets)("GET %s answers 200", async (path, parameters) => {
    let url = path;
    for (const parameter of parameters) url = url.replace(`{${parameter.name}}`, String(parameter.example));
    expect((await server.app.inject({ method: "GET", url })).statusCode).toBe(200);
  });
});
