// GET /api/v1/jurisdictions/{code}: one jurisdiction with its officials.
import { apiGet } from "@/lib/api/handler";
import { notFound } from "@/lib/api/problem";
import { DEFAULT_LIMIT, requireNoParameters } from "@/lib/api/query";
import { getJurisdictionDetail } from "@/lib/api/representations";
import { apiPath, filingListUrl } from "@/lib/api/urls";
import { normalizeJurisdictionCode } from "@/lib/jurisdictions/schema";

export const GET = apiGet<{ code: string }>(async ({ url, origin, params }) => {
  requireNoParameters(url.searchParams);
  const code = normalizeJurisdictionCode(params.code);
  const jurisdiction = code ? await getJurisdictionDetail(code, origin) : null;
  if (!code || !jurisdiction) throw notFound(`No jurisdiction has the code "${params.code}".`);
  return {
    data: jurisdiction,
    links: { self: origin + apiPath.jurisdiction(code), filings: filingListUrl(origin, { state: [code] }, DEFAULT_LIMIT, DEFAULT_LIMIT) },
  };
});

export { OPTIONS, POST, PUT, PATCH, DELETE } from "@/lib/api/handler";
