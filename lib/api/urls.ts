// Absolute URLs in API responses: links between pages of results, the HTML page of
// each record, and problem types. The origin is DOCKETLINE_PUBLIC_URL when set, else
// the one the request came to, as lib/site.ts derives it for pages (this reads the
// Request itself, since handlers may run outside Next's request scope, as in tests).
import "server-only";

import { originFromHeaders } from "@/lib/site";
import { hrefWithFilter, type Filter } from "@/lib/filters/schema";

export const API_BASE_PATH = "/api/v1";

export function getRequestOrigin(request: Request): string {
  const url = new URL(request.url);
  // The Request's own URL is the fallback when no Host header says otherwise.
  const headers = new Headers(request.headers);
  if (!headers.get("x-forwarded-host")) headers.set("host", url.host);
  return originFromHeaders(headers, url.origin);
}

/** Where each kind of record is shown as a web page. */
export const htmlPath = {
  filing: (id: string) => `/filings/${encodeURIComponent(id)}`,
  lawsuit: (id: string) => `/lawsuits/${encodeURIComponent(id)}`,
  jurisdiction: (code: string) => `/states/${encodeURIComponent(code)}`,
};

/** Where each kind of record is in the API. */
export const apiPath = {
  filings: `${API_BASE_PATH}/filings`,
  filing: (id: string) => `${API_BASE_PATH}/filings/${encodeURIComponent(id)}`,
  lawsuits: `${API_BASE_PATH}/lawsuits`,
  lawsuit: (id: string) => `${API_BASE_PATH}/lawsuits/${encodeURIComponent(id)}`,
  jurisdictions: `${API_BASE_PATH}/jurisdictions`,
  jurisdiction: (code: string) => `${API_BASE_PATH}/jurisdictions/${encodeURIComponent(code)}`,
  openapi: `${API_BASE_PATH}/openapi.json`,
};

/** A filings-list URL for a filter and page size; the default size is left out. */
export function filingListUrl(origin: string, filter: Partial<Filter>, limit: number, defaultLimit: number): string {
  const url = new URL(hrefWithFilter(origin + apiPath.filings, filter));
  if (limit !== defaultLimit) url.searchParams.set("limit", String(limit));
  return url.toString();
}
