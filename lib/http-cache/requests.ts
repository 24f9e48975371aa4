// Which requests the front server may answer from its cache, and under which key.
// Everything public and read-only whose content depends only on the URL and the site's
// origin is shared; anything a reader's own session, a form or a stream decides passes
// straight through to Next.js (docs/decisions/009).
import type { IncomingHttpHeaders } from "node:http";

import { FILTERED_PAGES, FILTERED_ROUTES } from "@/lib/filters/routes";
import { canonicalFilterQuery } from "@/lib/filters/schema";

export type RequestClass =
  /** A public read, rendered once for every reader and kept until the content changes. */
  | "shared"
  /** A file of the build (/_next/static): named by its content, the same forever. */
  | "asset"
  /** Not cacheable: forwarded as it is. */
  | "pass";

// Staff pages and sign-in show drafts, forms and who is signed in; the exports, the
// releases' files and the calendar are streams of any size (they keep their own HTTP
// caching headers).
const PRIVATE_PATHS = [/^\/staff(\/|$)/, /^\/api\/auth(\/|$)/, /^\/export(\/|$)/, /^\/data\/releases\//, /^\/calendar\.ics$/];

/** better-auth's session cookie (lib/auth/server.ts: prefix "docketline"), with or without __Secure-. */
const SESSION_COOKIE = /(^|;\s*)(__Secure-)?docketline\.session_token=/;

export function classifyRequest(method: string | undefined, url: URL, headers: IncomingHttpHeaders): RequestClass {
  if (method !== "GET" && method !== "HEAD") return "pass";
  if (url.pathname.startsWith("/_next/static/")) return "asset";
  if (url.pathname.startsWith("/_next/")) return "pass";
  // The client router's requests for a page's React Server Components payload, which
  // depends on the page the reader comes from (Next-Router-State-Tree).
  if (headers.rsc !== undefined || url.searchParams.has("_rsc")) return "pass";
  if (PRIVATE_PATHS.some((path) => path.test(url.pathname))) return "pass";
  // A signed-in staff member may see drafts (history pages) and is working: always fresh.
  if (headers.cookie && SESSION_COOKIE.test(headers.cookie)) return "pass";
  return "shared";
}

/**
 * The cache key: the origin the page is rendered for (absolute links are built from it,
 * lib/site.ts, when DOCKETLINE_PUBLIC_URL is unset), the path, and the query in one
 * canonical form. On a route that takes the filter, that is the parsed filter written
 * back (canonicalFilterQuery): `?state=WA&state=nm,NM&sort=newest` and `?state=NM&state=WA`
 * are one filter, one answer and one entry. Not on the pages that show the filter panel:
 * their client components hydrate from the reader's own URL, so HTML rendered for
 * `?q=%20` served at a bare `/` would not match it (React error 418); a page is shared
 * only between URLs that differ in the order of their parameters. Elsewhere, and when a
 * filter parameter is bad, the parameters in a fixed order (docs/decisions/009).
 */
export function cacheKey(url: URL, headers: IncomingHttpHeaders): string {
  const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value) ?? "";
  const sharesByFilter = FILTERED_ROUTES.includes(url.pathname) && !(FILTERED_PAGES as readonly string[]).includes(url.pathname);
  let search = sharesByFilter ? canonicalFilterQuery(url.searchParams) : null;
  if (search === null) {
    const query = new URLSearchParams(url.searchParams);
    query.sort();
    search = query.toString();
  }
  return [first(headers["x-forwarded-proto"]), first(headers["x-forwarded-host"]), first(headers.host), url.pathname + (search ? `?${search}` : "")].join(" ");
}
