// GET /api/v1/policies: every policy the research coding names, with how many public
// lawsuits challenge it; with `q`, the few whose name has those words (the timeline's
// policy search field suggests from here).
import { apiGet } from "@/lib/api/handler";
import { DEFAULT_LIMIT, parseSearchQuery } from "@/lib/api/query";
import type { PolicyList } from "@/lib/api/schema";
import { apiPath, filingListUrl } from "@/lib/api/urls";
import { searchPolicies } from "@/lib/coding/search";

export const GET = apiGet(async ({ url, origin }): Promise<PolicyList> => {
  const { q } = parseSearchQuery(url.searchParams);
  const { matches, total } = await searchPolicies(q);
  const data = matches.map((policy) => ({ ...policy, links: { filings: filingListUrl(origin, { policy: policy.id }, DEFAULT_LIMIT, DEFAULT_LIMIT) } }));
  return { data, total, links: { self: `${origin}${apiPath.policies}${q === undefined ? "" : `?${new URLSearchParams({ q })}`}`, next: null, prev: null } };
});

export { OPTIONS, POST, PUT, PATCH, DELETE } from "@/lib/api/handler";
