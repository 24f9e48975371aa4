// GET /api/v1/jurisdictions: all 56, with the filings each joined and led.
import { apiGet } from "@/lib/api/handler";
import { requireNoParameters } from "@/lib/api/query";
import { getJurisdictionResources } from "@/lib/api/representations";
import type { JurisdictionList } from "@/lib/api/schema";
import { apiPath } from "@/lib/api/urls";

export const GET = apiGet(async ({ url, origin }): Promise<JurisdictionList> => {
  requireNoParameters(url.searchParams);
  const data = await getJurisdictionResources(origin);
  return { data, total: data.length, links: { self: origin + apiPath.jurisdictions, next: null, prev: null } };
});

export { OPTIONS, POST, PUT, PATCH, DELETE } from "@/lib/api/handler";
