// Absolute URLs in API responses: links between pages of results, the HTML page of
// each record, and problem types. The origin is DOCKETLINE_PUBLIC_URL when set, else
// the one the request came to, validated as for pages (lib/origin.ts; this reads the
// Request itself, since handlers may run outside Next's request scope, as in tests).
import "server-only";

import { apiPath } from "@/lib/api/paths";
import { hrefWithFilter, type Filter } from "@/lib/filters/schema";
import { normalizeProto } from "@/lib/host";
import { resolveOrigin } from "@/lib/origin";

// The paths themselves are in lib/api/paths.ts, which client components may import too.
export { API_BASE_PATH, apiPath, htmlPath } from "@/lib/api/paths";

export function getRequestOrigin(request: Request): string {
  const url = new URL(request.url);
  // The Request's own URL is the fallback when no Host header says otherwise.
  const headers = new Headers(request.headers);
  if (!headers.get("x-forwarded-host")) headers.set("host", url.host);
  return resolveOrigin(headers, normalizeProto(url.protocol.replace(/:$/, "")));
}

/** A filings-list URL for a filter and page size; the default size is left out. */
export function filingListUrl(origin: string, filter: Partial<Filter>, limit: number, defaultLimit: number): string {
  const url = new URL(hrefWithFilter(origin + apiPath.filings, filter));
  if (limit !== defaultLimit) url.searchParams.set("limit", String(limit));
  return url.toString();
}
