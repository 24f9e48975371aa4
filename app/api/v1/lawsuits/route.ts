// GET /api/v1/lawsuits: every lawsuit with its number of filings; with `q`, the few
// lawsuits whose caption has those words or whose docket number starts with them (the
// timeline's lawsuit search field suggests from here).
import { apiGet } from "@/lib/api/handler";
import { parseSearchQuery } from "@/lib/api/query";
import { getLawsuitResources } from "@/lib/api/representations";
import type { LawsuitList } from "@/lib/api/schema";
import { apiPath } from "@/lib/api/urls";
import { searchLawsuits } from "@/lib/lawsuits/search";

export const GET = apiGet(async ({ url, origin }): Promise<LawsuitList> => {
  const { q } = parseSearchQuery(url.searchParams);
  if (q === undefined) {
    const data = await getLawsuitResources(origin);
    return { data, total: data.length, links: { self: origin + apiPath.lawsuits, next: null, prev: null } };
  }
  const { matches, total } = await searchLawsuits(q);
  const resources = new Map((await getLawsuitResources(origin, matches.map((m) => m.id))).map((r) => [r.id, r]));
  const data = matches.flatMap((m) => resources.get(m.id) ?? []);
  return { data, total, links: { self: `${origin}${apiPath.lawsuits}?${new URLSearchParams({ q })}`, next: null, prev: null } };
});

export { OPTIONS, POST, PUT, PATCH, DELETE } from "@/lib/api/handler";
