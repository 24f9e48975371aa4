// What the API's reference page (/api) shows, read from the OpenAPI document rather than
// described a second time: its endpoints, the filings list's parameters in a few words,
// and a problem exactly as the API answers it.
import "server-only";

import { getOpenApiDocument } from "@/lib/api/openapi";
import { ApiProblem, problemBody } from "@/lib/api/problem";
import { parseFilingListQuery } from "@/lib/api/query";
import { apiPath } from "@/lib/api/urls";

interface SchemaObject {
  type?: string;
  enum?: unknown[];
  items?: SchemaObject;
  $ref?: string;
  minimum?: number;
  maximum?: number;
  pattern?: string;
  default?: unknown;
}
interface Parameter {
  name: string;
  in: string;
  description?: string;
  schema?: SchemaObject;
}
interface Operation {
  summary?: string;
  description?: string;
  parameters?: Parameter[];
}

export interface EndpointReference {
  path: string;
  summary: string;
  /** CommonMark-style text: `backticks` mark code. */
  description: string;
}

export interface ParameterReference {
  name: string;
  /** The values it takes, in a few words: "one of newest, oldest", "whole number from 1 to 200". */
  values: string;
  /** Its default, or "" when it has none. */
  defaultValue: string;
  description: string;
}

export interface ApiReference {
  endpoints: EndpointReference[];
  /** The query parameters of the filings list. */
  filingParameters: ParameterReference[];
}

const NAMED_SCHEMAS: Record<string, string> = { PartialDate: "date (YYYY, YYYY-MM or YYYY-MM-DD)", JurisdictionCode: "USPS code" };

export function getApiReference(origin: string): ApiReference {
  const document = getOpenApiDocument(origin);
  const paths = Object.entries(document.paths ?? {}).map(([path, item]) => ({ path, operation: (item as { get: Operation }).get }));
  const filingParameters = (paths.find((p) => p.path === apiPath.filings)?.operation.parameters ?? []).filter((p) => p.in === "query");
  return {
    endpoints: paths.map(({ path, operation }) => ({ path, summary: operation.summary ?? "", description: operation.description ?? "" })),
    filingParameters: filingParameters.map((parameter) => ({
      name: parameter.name,
      values: describeSchema(parameter.schema),
      defaultValue: defaultOf(parameter.schema),
      description: parameter.description ?? "",
    })),
  };
}

/** A problem exactly as the API would answer `query` on the filings list; null if the query is good. */
export function exampleProblem(query: string, origin: string) {
  try {
    parseFilingListQuery(new URLSearchParams(query));
  } catch (error) {
    if (error instanceof ApiProblem) return problemBody(error, new Request(`${origin}${apiPath.filings}?${query}`), origin);
  }
  return null;
}

/** A parameter's accepted values, in a few words. */
function describeSchema(schema: SchemaObject | undefined): string {
  if (!schema) return "text";
  if (schema.$ref) {
    const name = schema.$ref.replace("#/components/schemas/", "");
    return NAMED_SCHEMAS[name] ?? name;
  }
  if (schema.type === "array") return `${describeSchema(schema.items)}; repeatable`;
  if (schema.enum) return `one of ${schema.enum.join(", ")}`;
  if (schema.type === "integer") return `whole number${schema.minimum !== undefined ? ` from ${schema.minimum}` : ""}${schema.maximum !== undefined ? ` to ${schema.maximum}` : ""}`;
  if (schema.pattern?.startsWith("^[a-z0-9]+")) return "id";
  return "text";
}

function defaultOf(schema: SchemaObject | undefined): string {
  if (schema?.default === undefined || (Array.isArray(schema.default) && schema.default.length === 0)) return "";
  return String(schema.default);
}
