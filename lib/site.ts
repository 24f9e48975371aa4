import "server-only";

import { headers } from "next/headers";

import { getEnv } from "@/lib/env";

/**
 * The site's public origin ("https://docketline.example.org"), for absolute links in
 * citations, feeds, sitemaps and the API: DOCKETLINE_PUBLIC_URL when set, else the
 * origin the request came to (behind a proxy, its X-Forwarded-* headers).
 */
export async function getSiteOrigin(): Promise<string> {
  const configured = getEnv().DOCKETLINE_PUBLIC_URL;
  if (configured) return configured.replace(/\/+$/, "");
  const list = await headers();
  const host = list.get("x-forwarded-host") ?? list.get("host") ?? `localhost:${getEnv().PORT}`;
  const proto = list.get("x-forwarded-proto") ?? (host.startsWith("localhost") || host.startsWith("127.") ? "http" : "https");
  return `${proto.split(",")[0].trim()}://${host.split(",")[0].trim()}`;
}

/** An absolute URL for a path of this site. */
export async function absoluteUrl(path: string): Promise<string> {
  return `${await getSiteOrigin()}${path.startsWith("/") ? path : `/${path}`}`;
}
