// The OpenAPI document at /api/v1/openapi.json: valid OpenAPI 3.1 (checked by a
// maintained validator), covering every route under app/api/v1, and generated from the
// same schemas the API runs on. It needs no database.
import { readdir } from "node:fs/promises";
import path from "node:path";

import { Validator } from "@seriousme/openapi-schema-validator";
import { beforeAll, describe, expect, it } from "vitest";

import { GET } from "@/app/api/v1/openapi.json/route";
import { FILING_KINDS, FilingSchema, LawsuitSchema } from "@/lib/dataset/schema";
import { FILTER_KEYS } from "@/lib/filters/schema";

const ORIGIN = "http://docketline.test";

interface SchemaObject {
  type?: string;
  properties?: Record<string, SchemaObject>;
  required?: string[];
  items?: SchemaObject;
  enum?: string[];
  $ref?: string;
}
interface Parameter {
  name: string;
  in: string;
  schema: SchemaObject;
  description?: string;
}
interface Operation {
  operationId: string;
  parameters?: Parameter[];
  responses: Record<string, { content?: Record<string, { schema: SchemaObject }> }>;
}
interface Document {
  openapi: string;
  servers: { url: string }[];
  paths: Record<string, { get?: Operation; [method: string]: unknown }>;
  components: { schemas: Record<string, SchemaObject> };
}

let document: Document;

beforeAll(async () => {
  delete process.env.DOCKETLINE_PUBLIC_URL;
  const response = await GET(new Request(`${ORIGIN}/api/v1/openapi.json`));
  expect(response.status).toBe(200);
  document = (await response.json()) as Document;
});

/** Every route under app/api/v1 as an OpenAPI path template: app/api/v1/filings/[id]/route.ts → /api/v1/filings/{id}. */
async function routePaths(): Promise<string[]> {
  const root = path.join(process.cwd(), "app", "api", "v1");
  const entries = await readdir(root, { recursive: true });
  return entries
    .filter((entry) => path.basename(entry) === "route.ts")
    .map((entry) => `/api/v1/${path.dirname(entry).split(path.sep).join("/")}`.replace(/\[(\w+)\]/g, "{$1}"))
    .sort();
}

const refName = (schema: SchemaObject | undefined) => schema?.$ref?.replace("#/components/schemas/", "");

describe("The OpenAPI document", () => {
  it("is valid OpenAPI 3.1 by @seriousme/openapi-schema-validator, and every $ref resolves", async () => {
    expect(document.openapi).toMatch(/^3\.1\.\d+$/);
    const validator = new Validator();
    const result = await validator.validate(structuredClone(document) as unknown as Record<string, unknown>);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    expect(validator.version).toBe("3.1");
    expect(() => JSON.stringify(validator.resolveRefs())).not.toThrow();
  });

  it("names this site as its server", () => {
    expect(document.servers).toEqual([{ url: ORIGIN }]);
  });

  it("has a GET for every route under app/api/v1, and no path without a route", async () => {
    const routes = await routePaths();
    expect(routes).toContain("/api/v1/filings/{id}");
    expect(Object.keys(document.paths).sort()).toEqual(routes);
    for (const [name, item] of Object.entries(document.paths)) {
      expect(item.get, name).toBeDefined();
      expect(Object.keys(item)).toEqual(["get"]);
      expect(item.get!.responses["200"], name).toBeDefined();
      expect(item.get!.responses["304"], name).toBeDefined();
      expect(refName(item.get!.responses["400"].content?.["application/problem+json"].schema), name).toBe("Problem");
    }
  });

  it("documents every filter parameter of the filings list, and limit", () => {
    const parameters = document.paths["/api/v1/filings"].get!.parameters!.filter((p) => p.in === "query");
    expect(parameters.map((p) => p.name).sort()).toEqual([...FILTER_KEYS, "limit"].sort());
    for (const parameter of parameters) expect(parameter.description, parameter.name).toBeTruthy();
    const kind = parameters.find((p) => p.name === "kind")!;
    expect(kind.schema.type).toBe("array");
    expect(kind.schema.items?.enum).toEqual([...FILING_KINDS]);
    const limit = parameters.find((p) => p.name === "limit")!;
    expect(limit.schema).toMatchObject({ type: "integer", minimum: 1, maximum: 500, default: 50 });
  });

  it("has Filing and Lawsuit schemas with every field of the dataset's records, plus url and updatedAt", () => {
    const { Filing, Lawsuit, FilingList } = document.components.schemas;
    expect(Object.keys(Filing.properties!).sort()).toEqual([...Object.keys(FilingSchema.shape), "url", "updatedAt"].sort());
    expect(Filing.properties!.kind.enum).toEqual([...FILING_KINDS]);
    expect(Filing.required).toEqual(expect.arrayContaining(["id", "lawsuit", "kind", "title", "dateFiled", "summary", "states", "url", "updatedAt"]));
    expect(refName(Filing.properties!.dateFiled)).toBe("PartialDate");
    expect(Object.keys(Lawsuit.properties!).sort()).toEqual([...Object.keys(LawsuitSchema.shape), "url", "updatedAt", "filingCount"].sort());
    expect(refName(FilingList.properties!.data.items)).toBe("Filing");
    expect(Object.keys(FilingList.properties!).sort()).toEqual(["data", "links", "total"]);
  });

  it("has the problem details of RFC 9457 with the errors extension", () => {
    const { Problem } = document.components.schemas;
    expect(Object.keys(Problem.properties!).sort()).toEqual(["detail", "errors", "instance", "status", "title", "type"]);
    expect(Problem.required!.sort()).toEqual(["detail", "instance", "status", "title", "type"]);
  });
});
