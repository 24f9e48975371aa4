// GET /api/v1/agencies: every agency the policies name, with how many public lawsuits
// challenge one of its policies; with `q`, the few whose name has those words (the
// timeline's agency search field suggests from here).
import { apiGet } from "@/lib/api/handler";
import { DEFAULT_LIMIT, parseSearchQuery } from "@/lib/api/query";
import type { AgencyList } from "@/lib/api/schema";
import { apiPath, filingListUrl } from "@/lib/api/urls";
import { searchAgencies } from "@/lib/coding/search";

export const GET = apiGet(async ({ url, origin }): Promise<AgencyList> => {
  const { q } = parseSearchQuery(url.searchParams);
  const { matches, total } = await searchAgencies(q);
  const data = matches.map((agency) => ({ ...agency, links: { filings: filingListUrl(origin, { agency: agency.name }, DEFAULT_LIMIT, DEFAULT_LIMIT) } }));
  return { data, total, links: { self: `${origin}${apiPath.agencies}${q === undefined ? "" : `?${new URLSearchParams({ q })}`}`, next: null, prev: null } };
});

export { OPTIONS, POST, PUT, PATCH, DELETE } from "@/lib/api/handler";
