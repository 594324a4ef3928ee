// Pulling the components and resources from a Backstage catalogue API with Backstage's own client,
// page by page (the by-query endpoint's cursors).
import type { Entity } from "@backstage/catalog-model";
import { CatalogClient } from "@backstage/catalog-client";

export interface FetchCatalogueOptions {
  /** The Backstage backend's base URL, e.g. https://backstage.acme.example (the API is under /api/catalog). */
  baseUrl: string;
  /** A token the catalogue accepts (a static external-access token), sent as a bearer token. */
  token?: string;
  /** The fetch to use; the global one by default. */
  fetch?: typeof fetch;
  /** Entities per page. */
  pageSize?: number;
}

/** Only these can be ML systems; the rest of the catalogue is not fetched. */
const kinds = ["Component", "Resource"];

/** What an entity is made of; the API adds `relations` and `status`, which Backstage computes. */
const entityFields = ["apiVersion", "kind", "metadata", "spec"];

/**
 * Every Component and Resource of the catalogue, sorted by entity ref. Throws with what to check
 * when the catalogue cannot be read.
 */
export async function fetchCatalogueEntities(options: FetchCatalogueOptions): Promise<Entity[]> {
  const baseUrl = options.baseUrl.replace(/\/+$/, "");
  const fetchImpl = options.fetch ?? fetch;
  const client = new CatalogClient({
    discoveryApi: { getBaseUrl: async () => `${baseUrl}/api/catalog` },
    fetchApi: { fetch: withToken(fetchImpl, options.token) },
  });
  const limit = options.pageSize ?? 500;
  const entities: Entity[] = [];
  const cursors = new Set<string>();
  let cursor: string | undefined;
  do {
    let page;
    try {
      page = await client.queryEntities(
        cursor === undefined
          ? { filter: { kind: kinds }, fields: entityFields, limit }
          : { cursor, fields: entityFields, limit },
      );
    } catch (error) {
      throw new Error(describeFailure(error, baseUrl, options.token !== undefined), { cause: error });
    }
    if (!Array.isArray(page?.items))
      throw new Error(
        `${baseUrl}/api/catalog did not answer like a Backstage catalogue (no items): check MATURITY_BACKSTAGE_URL is the Backstage backend's URL`,
      );
    entities.push(...page.items.map(definitionOf));
    cursor = page.pageInfo?.nextCursor;
    // A catalogue that hands out the same cursor twice would be read for ever.
    if (cursor !== undefined) {
      if (cursors.has(cursor)) throw new Error(`${baseUrl}/api/catalog returned the same page cursor twice`);
      cursors.add(cursor);
    }
  } while (cursor !== undefined);
  return entities.sort((a, b) => compare(refKey(a), refKey(b)));
}

// Called as a plain function either way: the client calls it as a method of its own object.
function withToken(fetchImpl: typeof fetch, token: string | undefined): typeof fetch {
  if (token === undefined) return (input, init) => fetchImpl(input, init);
  return (input, init) => {
    const headers = new Headers(init?.headers);
    headers.set("authorization", `Bearer ${token}`);
    return fetchImpl(input, { ...init, headers });
  };
}

// Only the entity's own fields, whatever the server sent: the validation refuses foreign ones.
function definitionOf(entity: Entity): Entity {
  const { apiVersion, kind, metadata, spec } = entity;
  return { apiVersion, kind, metadata, ...(spec !== undefined && { spec }) };
}

function refKey(entity: Entity): string {
  return `${entity.kind}:${entity.metadata?.namespace ?? "default"}/${entity.metadata?.name}`.toLowerCase();
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** What went wrong, and what to check, in one line. */
function describeFailure(error: unknown, baseUrl: string, withToken: boolean): string {
  const api = `${baseUrl}/api/catalog`;
  const status = (error as { statusCode?: unknown }).statusCode;
  if (typeof status === "number") {
    const answered = `${api} answered ${status}`;
    if (status === 401)
      return withToken
        ? `${answered}: the token was refused; check MATURITY_BACKSTAGE_TOKEN`
        : `${answered}: the catalogue needs a token; set MATURITY_BACKSTAGE_TOKEN`;
    if (status === 403)
      return `${answered}: the token may not read the catalogue; check MATURITY_BACKSTAGE_TOKEN's access`;
    if (status === 404)
      return `${answered}: no catalogue there; check MATURITY_BACKSTAGE_URL is the Backstage backend's base URL (without /api/catalog)`;
    if (status >= 500) return `${answered}: Backstage failed; try again later, or look at its logs`;
    return `${answered}: ${messageOf(error)}`;
  }
  if (error instanceof SyntaxError)
    return `${api} did not answer with JSON: check MATURITY_BACKSTAGE_URL is the Backstage backend's URL, not the web app's`;
  const cause = (error as { cause?: { code?: unknown } }).cause?.code;
  return `cannot reach ${api}: ${typeof cause === "string" ? cause : messageOf(error)}; check MATURITY_BACKSTAGE_URL and the network`;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
