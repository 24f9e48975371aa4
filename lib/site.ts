import "server-only";

import { headers } from "next/headers";

import { getEnv } from "@/lib/env";

/**
 * The site's public origin ("https://docketline.example.org") for absolute links in
 * citations, feeds, sitemaps and the API: DOCKETLINE_PUBLIC_URL when set (do set it in
 * production: the request's own headers can be forged), else the origin the request
 * came to, behind a proxy its X-Forwarded-* headers.
 */
export function originFromHeaders(list: Headers, fallback?: string): string {
  const configured = getEnv().DOCKETLINE_PUBLIC_URL;
  if (configured) return configured.replace(/\/+$/, "");
  const first = (value: string | null) => value?.split(",")[0].trim() || undefined;
  const host = first(list.get("x-forwarded-host")) ?? first(list.get("host"));
  if (!host) return fallback ?? `http://localhost:${getEnv().PORT}`;
  const local = host.startsWith("localhost") || host.startsWith("127.");
  const proto = first(list.get("x-forwarded-proto")) ?? (fallback ? new URL(fallback).protocol.replace(/:$/, "") : local ? "http" : "https");
  return `${proto}://${host}`;
}

/** The origin of the request being rendered (pages, metadata routes). */
export async function getSiteOrigin(): Promise<string> {
  return originFromHeaders(await headers());
}

/** An absolute URL for a path of this site. */
export async function absoluteUrl(path: string): Promise<string> {
  return `${await getSiteOrigin()}${path.startsWith("/") ? path : `/${path}`}`;
}
