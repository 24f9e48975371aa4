// GET /api/v1/filings/{id}
import { apiGet } from "@/lib/api/handler";
import { notFound } from "@/lib/api/problem";
import { requireNoParameters } from "@/lib/api/query";
import { getFilingResources } from "@/lib/api/representations";
import { apiPath } from "@/lib/api/urls";

export const GET = apiGet<{ id: string }>(async ({ url, origin, params: { id } }) => {
  requireNoParameters(url.searchParams);
  const [filing] = await getFilingResources([id], origin);
  if (!filing) throw notFound(`No filing has the id "${id}".`);
  return { data: filing, links: { self: origin + apiPath.filing(id) } };
});

export { OPTIONS, POST, PUT, PATCH, DELETE } from "@/lib/api/handler";
