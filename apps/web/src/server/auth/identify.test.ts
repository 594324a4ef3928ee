import { describe, expect, it } from "vitest";
import type { AuthConfig } from "./auth-config.ts";
import { parseApiTokens } from "./auth-config.ts";
import { identify } from "./identify.ts";
import { localAdmin } from "./viewer.ts";

const tokens = parseApiTokens("ci-bot:viewer-token-0123456789,ops:admin-token-0123456789:admin");
const proxy: AuthConfig["proxy"] = {
  userHeader: "X-Forwarded-User",
  groupsHeader: "X-Forwarded-Groups",
  nameHeader: "X-Forwarded-Preferred-Username",
  adminGroup: "maturity-admins",
  trustedProxies: ["127.0.0.1", "::1"],
};
const fromProxy = (headers: Record<string, string>) => ({ headers, remoteAddress: "::ffff:127.0.0.1" });

describe("who is asking", () => {
  it("is the local admin when no sign-on is configured, whatever the request says", () => {
    expect(identify({ tokens: new Map() }, fromProxy({ "x-forwarded-user": "mallory" }))).toEqual({
      viewer: localAdmin,
    });
  });

  it("knows automation by its bearer token, with the token's role", () => {
    const config = { tokens };
    expect(identify(config, fromProxy({ authorization: "Bearer viewer-token-0123456789" }))).toEqual({
      viewer: { id: "token:ci-bot", name: "ci-bot", roles: ["viewer"], via: "token" },
    });
    expect(identify(config, fromProxy({ authorization: "bearer admin-token-0123456789" }))).toMatchObject({
      viewer: { roles: ["viewer", "admin"] },
    });
    expect(identify(config, fromProxy({ authorization: "Bearer admin-token-012345678X" }))).toHaveProperty(
      "refused",
    );
    expect(identify(config, fromProxy({}))).toEqual({
      refused: "send a bearer token (Authorization: Bearer <token>)",
    });
  });

  it("believes identity headers only from a trusted proxy, and grants admin by group", () => {
    const config = { proxy, tokens: new Map() };
    expect(
      identify(
        config,
        fromProxy({
          "x-forwarded-user": "ada@bank.example",
          "x-forwarded-groups": "ml-platform, maturity-admins",
          "x-forwarded-preferred-username": "Ada",
        }),
      ),
    ).toEqual({ viewer: { id: "ada@bank.example", name: "Ada", roles: ["viewer", "admin"], via: "proxy" } });
    expect(identify(config, fromProxy({ "x-forwarded-user": "bob" }))).toMatchObject({
      viewer: { id: "bob", name: "bob", roles: ["viewer"] },
    });
    const spoofed = identify(config, { headers: { "x-forwarded-user": "ada" }, remoteAddress: "10.1.2.3" });
    expect(spoofed).toHaveProperty("refused");
    expect((spoofed as { refused: string }).refused).toContain("10.1.2.3");
    expect((identify(config, fromProxy({})) as { refused: string }).refused).toContain("X-Forwarded-User");
  });
});

describe("MATURITY_API_TOKENS", () => {
  it("reads name:token[:role] entries", () => {
    expect([...tokens.values()]).toEqual([
      { id: "ci-bot", admin: false },
      { id: "ops", admin: true },
    ]);
  });

  it("refuses a short token or an unknown role, naming the entry but not the secret", () => {
    expect(() => parseApiTokens("ci-bot:short")).toThrow(/MATURITY_API_TOKENS: entry "ci-bot:…"/);
    expect(() => parseApiTokens("ops:admin-token-0123456789:root")).toThrow(/16\+ characters/);
  });
});
