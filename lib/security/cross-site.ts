// Which requests to change something came from a page of another site (docs/decisions/007).
// proxy.ts refuses them with a 403 before Next.js sees them; Next.js's own check of server
// actions stays behind it, but answers a 500. Both compare the same things: the host of
// the Origin header against the host the request was sent to, X-Forwarded-Host before
// Host (a page of another site cannot set either: a form sends neither, and a script
// that tried would need this site's CORS consent).
//
// Pure functions of the request's headers: proxy.ts runs before anything else and must
// not reach the database or the environment's checks.

/** Methods that change nothing, which any site may send. */
const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

export function isSafeMethod(method: string): boolean {
  return SAFE_METHODS.has(method.toUpperCase());
}

/**
 * Whether the request came from a page of another site: its Origin names another
 * host (or is "null", an opaque origin such as a sandboxed frame's); without an
 * Origin, its Sec-Fetch-Site says so; without either, its Referer names another host.
 * A request with none of the three was written by hand (curl, a script): it carries no
 * reader's cookies unless its author gave it them, so it is not a forgery.
 */
export function isCrossSiteRequest(headers: Headers): boolean {
  const own = requestHost(headers);
  const origin = headers.get("origin");
  if (origin !== null) return own === undefined || hostOf(origin) !== own;
  const site = headers.get("sec-fetch-site")?.toLowerCase();
  // "none": typed in the address bar or a bookmark; "same-site" is a sibling subdomain, another site here.
  if (site) return site !== "same-origin" && site !== "none";
  const referer = headers.get("referer");
  if (referer) return own === undefined || hostOf(referer) !== own;
  return false;
}

/** The host the request was sent to, as Next.js's own check reads it: the first X-Forwarded-Host, else Host. */
function requestHost(headers: Headers): string | undefined {
  const forwarded = headers.get("x-forwarded-host")?.split(",")[0].trim();
  const host = forwarded || headers.get("host")?.trim();
  return host ? host.toLowerCase() : undefined;
}

/** "https://Example.org:8443/path" → "example.org:8443"; undefined for "null" and anything that is not a URL. */
function hostOf(url: string): string | undefined {
  if (!URL.canParse(url)) return undefined;
  return new URL(url).host.toLowerCase() || undefined;
}
