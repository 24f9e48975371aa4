// GET /api/v1/lawsuits/{id}: a lawsuit with references to all its filings.
import { apiGet } from "@/lib/api/handler";
import { notFound } from "@/lib/api/problem";
import { DEFAULT_LIMIT, requireNoParameters } from "@/lib/api/query";
import { getLawsuitDetail } from "@/lib/api/representations";
import { apiPath, filingListUrl } from "@/lib/api/urls";

export const GET = apiGet<{ id: string }>(async ({ url, origin, params: { id } }) => {
  requireNoParameters(url.searchParams);
  const lawsuit = await getLawsuitDetail(id, origin);
  if (!lawsuit) throw notFound(`No lawsuit has the id "${id}".`);
  return {
    data: lawsuit,
    links: { self: origin + apiPath.lawsuit(id), filings: filingListUrl(origin, { lawsuit: id, sort: "oldest" }, DEFAULT_LIMIT, DEFAULT_LIMIT) },
  };
});

export { OPTIONS, POST, PUT, PATCH, DELETE } from "@/lib/api/handler";
