// GET /api/v1/lawsuits: every lawsuit with its number of filings.
import { apiGet } from "@/lib/api/handler";
import { requireNoParameters } from "@/lib/api/query";
import { getLawsuitResources } from "@/lib/api/representations";
import type { LawsuitList } from "@/lib/api/schema";
import { apiPath } from "@/lib/api/urls";

export const GET = apiGet(async ({ url, origin }): Promise<LawsuitList> => {
  requireNoParameters(url.searchParams);
  const data = await getLawsuitResources(origin);
  return { data, total: data.length, links: { self: origin + apiPath.lawsuits, next: null, prev: null } };
});

export { OPTIONS, POST, PUT, PATCH, DELETE } from "@/lib/api/handler";
