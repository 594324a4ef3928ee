import { parseSettings } from "@maturity/config";
import { describe, expect, it } from "vitest";
import { defaultTypes } from "./mapping-options.ts";
import { backstageConfigFrom, backstageSettings } from "./settings.ts";

const parse = (env: Record<string, string>) => parseSettings(backstageSettings, env);
const config = (env: Record<string, string>) => backstageConfigFrom(parse(env));

describe("backstageSettings", () => {
  it("leaves the sync off by default", () => {
    expect(parse({})).toEqual({ MATURITY_BACKSTAGE_INTERVAL_SECONDS: 900 });
    expect(config({})).toBeUndefined();
  });

  it("turns the settings into the sync's configuration", () => {
    expect(
      config({
        MATURITY_BACKSTAGE_URL: "https://backstage.acme.example/",
        MATURITY_BACKSTAGE_TOKEN: "s3cret",
        MATURITY_BACKSTAGE_INTERVAL_SECONDS: "600",
        MATURITY_BACKSTAGE_TYPES: "ml-model=classical, llm-app=llm",
      }),
    ).toEqual({
      url: "https://backstage.acme.example",
      token: "s3cret",
      intervalMs: 600_000,
      options: { types: { "ml-model": "classical", "llm-app": "llm" } },
    });
  });

  it("uses the default types and interval when only the URL is set", () => {
    expect(config({ MATURITY_BACKSTAGE_URL: "http://localhost:7007" })).toEqual({
      url: "http://localhost:7007",
      token: undefined,
      intervalMs: 900_000,
      options: { types: defaultTypes },
    });
  });

  it("names a bad URL and what is expected", () => {
    expect(() => parse({ MATURITY_BACKSTAGE_URL: "backstage.acme.example" })).toThrow(
      "invalid configuration: MATURITY_BACKSTAGE_URL: expected the Backstage backend's http(s) URL, e.g. https://backstage.acme.example",
    );
    expect(() => parse({ MATURITY_BACKSTAGE_URL: "ftp://backstage.acme.example" })).toThrow(
      /MATURITY_BACKSTAGE_URL: expected/,
    );
    expect(() => parse({ MATURITY_BACKSTAGE_URL: "https://backstage.acme.example/api/catalog" })).toThrow(
      "invalid configuration: MATURITY_BACKSTAGE_URL: expected the backend's base URL, without /api/catalog",
    );
  });

  it("names a bad interval and what is expected", () => {
    for (const value of ["59", "90.5", "often"])
      expect(() => parse({ MATURITY_BACKSTAGE_INTERVAL_SECONDS: value })).toThrow(
        "invalid configuration: MATURITY_BACKSTAGE_INTERVAL_SECONDS: expected a whole number of seconds, at least 60",
      );
    expect(parse({ MATURITY_BACKSTAGE_INTERVAL_SECONDS: "60" }).MATURITY_BACKSTAGE_INTERVAL_SECONDS).toBe(60);
  });

  it("names a bad type list, the bad pair and what is expected", () => {
    expect(() => parse({ MATURITY_BACKSTAGE_TYPES: "ml-model=classical,llm-app" })).toThrow(
      'invalid configuration: MATURITY_BACKSTAGE_TYPES: "llm-app" is not a type=kind pair; expected <spec.type>=<classical|llm|agent>',
    );
    expect(() => parse({ MATURITY_BACKSTAGE_TYPES: "ml-model=deep" })).toThrow(
      'MATURITY_BACKSTAGE_TYPES: "ml-model=deep": unknown kind "deep"; expected classical|llm|agent',
    );
  });

  it("refuses a token without a URL", () => {
    expect(() => config({ MATURITY_BACKSTAGE_TOKEN: "s3cret" })).toThrow(
      "invalid configuration: MATURITY_BACKSTAGE_TOKEN is set but MATURITY_BACKSTAGE_URL is not",
    );
  });

  it("checks a type list that did not go through the settings' parse", () => {
    expect(() =>
      backstageConfigFrom({
        MATURITY_BACKSTAGE_URL: "https://backstage.acme.example",
        MATURITY_BACKSTAGE_INTERVAL_SECONDS: 900,
        MATURITY_BACKSTAGE_TYPES: "x",
      }),
    ).toThrow('invalid configuration: MATURITY_BACKSTAGE_TYPES: "x" is not a type=kind pair');
  });

  it("describes every setting for docs/configuration.md", () => {
    for (const [name, schema] of Object.entries(backstageSettings))
      expect(schema.description, name).toMatch(/\S/);
  });
});
