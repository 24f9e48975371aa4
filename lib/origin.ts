// The site's public origin, for every absolute link: DOCKETLINE_PUBLIC_URL, or the
// request's own host once lib/host.ts has found it valid and allowed. No Next.js
// import, so that route handlers (lib/api/urls.ts), pages (lib/site.ts) and proxy.ts
// all share it.
import { getEnv } from "@/lib/env";
import { isAllowedHost, normalizeHost, normalizeProto } from "@/lib/host";

const first = (value: string | null) => value?.split(",")[0].trim() || undefined;

/**
 * The site's public origin ("https://docketline.example.org"): DOCKETLINE_PUBLIC_URL
 * when set; else the request's host when it is valid (and allowed), with the scheme of
 * X-Forwarded-Proto, else of `fallbackProto` (the request's own), else http for a local
 * host and https otherwise; else the first allowed host, or http://localhost:PORT.
 *
 * It reads only DOCKETLINE_PUBLIC_URL, DOCKETLINE_ALLOWED_HOSTS, X-Forwarded-Host, Host
 * and X-Forwarded-Proto: the front server keys its cache on those three headers
 * (lib/http-cache/requests.ts), and ORIGIN_VARY names the two a URL does not hold.
 */
export function resolveOrigin(headers: Headers, fallbackProto?: "http" | "https"): string {
  const env = getEnv();
  if (env.DOCKETLINE_PUBLIC_URL) return env.DOCKETLINE_PUBLIC_URL.replace(/\/+$/, "");
  const allowed = env.DOCKETLINE_ALLOWED_HOSTS;
  const sent = first(headers.get("x-forwarded-host")) ?? first(headers.get("host"));
  const valid = sent === undefined ? null : normalizeHost(sent);
  const host = valid && (!allowed || isAllowedHost(valid, allowed)) ? valid : (allowed?.[0] ?? `localhost:${env.PORT}`);
  const local = /^(localhost|127\.[\d.]+|\[::1\])(:\d+)?$/.test(host);
  const proto = normalizeProto(first(headers.get("x-forwarded-proto"))) ?? fallbackProto ?? (local ? "http" : "https");
  return `${proto}://${host}`;
}

/**
 * The Vary header of a response with absolute links built from the request: caches that
 * key on the URL (which holds Host) must not hand one forwarded host's links to another.
 * None when DOCKETLINE_PUBLIC_URL fixes the origin.
 */
export function originVary(): Record<string, string> {
  return getEnv().DOCKETLINE_PUBLIC_URL ? {} : { Vary: ORIGIN_VARY };
}

export const ORIGIN_VARY = "X-Forwarded-Host, X-Forwarded-Proto";
