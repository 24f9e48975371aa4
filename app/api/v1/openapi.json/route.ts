// GET /api/v1/openapi.json: the API's OpenAPI 3.1 document, generated from its zod schemas.
import { apiGet } from "@/lib/api/handler";
import { getOpenApiDocument } from "@/lib/api/openapi";
import { requireNoParameters } from "@/lib/api/query";

export const GET = apiGet(async ({ url, origin }) => {
  requireNoParameters(url.searchParams);
  return getOpenApiDocument(origin);
});

export { OPTIONS, POST, PUT, PATCH, DELETE } from "@/lib/api/handler";
