// The published schemas against the zod schemas they are generated from: ajv (draft 2020-12,
// strict, with formats) compiles every one, accepts every catalogue example and the example
// report, and refuses the same broken events parseEvent refuses.
import { describe, expect, it } from "vitest";
import { exampleReport } from "../docs/score-report.ts";
import { eventTypes, type MaturityEvent } from "../events/catalogue.ts";
import { exampleEvents } from "../events/examples.ts";
import { parseEvent } from "../events/parse.ts";
import {
  eventDataschema,
  eventSchemaId,
  publishedSchema,
  publishedSchemas,
  schemaIndex,
  scoreReportSchemaId,
  type SchemaNode,
} from "./index.ts";
import { eachNode } from "./json-schema.ts";
import { contractValidator } from "./testing.ts";

const schemas = [...publishedSchemas().values()].map((item) => item.schema);
const validator = contractValidator(schemas);
// The examples are fixed in time; the window is checked against a clock that lets them all in.
const now = Date.parse("2026-12-01T00:00:00Z");

type Mutable = Record<string, unknown> & { data: Record<string, unknown> };
const copy = (event: MaturityEvent) => structuredClone(event) as unknown as Mutable;

/** Ways to break an event, each valid JSON that the envelope or the type's data refuses. */
function brokenVariants(event: MaturityEvent): [string, Mutable][] {
  const dataSchema = publishedSchema(`${event.type}.json`)!.properties!.data!;
  const variants: [string, Mutable][] = [];
  const without = (key: string) => {
    const broken = copy(event);
    delete broken[key];
    return broken;
  };
  variants.push(["no subject", without("subject")], ["no id", without("id")]);
  variants.push(["a numeric specversion", { ...copy(event), specversion: 1 }]);
  variants.push(["data that is a string", { ...copy(event), data: "x" as never }]);
  const required = dataSchema.required?.[0];
  if (required !== undefined) {
    const broken = copy(event);
    delete broken.data[required];
    variants.push([`no data.${required}`, broken]);
  }
  for (const [key, property] of Object.entries(dataSchema.properties ?? {})) {
    if (!(key in event.data)) continue;
    const wrong = property.type === "string" || property.enum !== undefined ? 42 : "not-this-type";
    const broken = copy(event);
    broken.data[key] = wrong;
    variants.push([`data.${key} of the wrong type`, broken]);
    break;
  }
  return variants;
}

describe("the published event schemas", () => {
  it("are one per catalogued type, each with its own $id", () => {
    const events = schemaIndex().schemas.filter((entry) => entry.kind === "event");
    expect(events.map((entry) => entry.type)).toEqual([...eventTypes]);
    expect(events.map((entry) => entry.$id)).toEqual(eventTypes.map(eventSchemaId));
    expect(new Set(schemas.map((schema) => schema.$id)).size).toBe(schemas.length);
  });

  it.each(exampleEvents.map((event) => [event.type, event] as const))(
    "accept the catalogue's example of %s",
    (type, event) => {
      expect(parseEvent(event, { now }).ok).toBe(true);
      const result = validator.check(eventSchemaId(type), event);
      expect(result.errors).toBe("");
      expect(result.valid).toBe(true);
    },
  );

  it.each(
    exampleEvents.flatMap((event) => brokenVariants(event).map(([how, broken]) => [event.type, how, broken])),
  )("refuse a %s event with %s, as parseEvent does", (type, _how, broken) => {
    expect(parseEvent(broken, { now }).ok).toBe(false);
    expect(validator.check(eventSchemaId(type as MaturityEvent["type"]), broken).valid).toBe(false);
  });

  it("refuse an event of another type (the type is a constant of each schema)", () => {
    const [first, second] = exampleEvents;
    expect(validator.check(eventSchemaId(second!.type), first).valid).toBe(false);
  });

  it("resolve the dataschema ingest stores, which points at the data of the type's schema", () => {
    for (const event of exampleEvents) {
      const uri = new URL(eventDataschema("https://maturity.example.com/", event.type));
      expect(uri.origin + uri.pathname).toBe(`https://maturity.example.com${eventSchemaId(event.type)}`);
      expect(validator.check(uri.pathname + uri.hash, event.data).valid).toBe(true);
    }
  });

  it("describe every field, with the time window wherever a time is", () => {
    for (const type of eventTypes) {
      const schema = publishedSchema(`${type}.json`)!;
      expect(schema).toMatchObject({ title: type, description: expect.any(String) });
      eachNode(schema, (node) => {
        for (const [key, property] of Object.entries(node.properties ?? {})) {
          expect(property.description, `${type}: ${key}`).toEqual(expect.any(String));
          if ((property as SchemaNode).format === "date-time") expect(property.description).toMatch(/1970/);
        }
      });
    }
  });
});

describe("the published score report schema", () => {
  it("accepts the docs' example report and refuses one missing asOf or with a score out of range", () => {
    const report = exampleReport();
    expect(validator.check(scoreReportSchemaId, report).errors).toBe("");
    const { asOf: _asOf, ...noAsOf } = report;
    expect(validator.check(scoreReportSchemaId, noAsOf).valid).toBe(false);
    const outOfRange = structuredClone(report);
    outOfRange.systems[0]!.axes.evaluation.score = 7;
    expect(validator.check(scoreReportSchemaId, outOfRange).valid).toBe(false);
  });
});

describe("the schema index", () => {
  it("knows a schema by file name and nothing else", () => {
    expect(publishedSchema("deploy.completed.json")?.$id).toBe("/v1/schemas/deploy.completed.json");
    expect(publishedSchema("score-report.json")?.$id).toBe(scoreReportSchemaId);
    expect(publishedSchema("deploy.completed")).toBeUndefined();
    expect(publishedSchema("__proto__")).toBeUndefined();
  });
});
