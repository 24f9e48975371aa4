import "server-only";

import { headers } from "next/headers";

import { resolveOrigin } from "@/lib/origin";

/**
 * The origin of the request being rendered (pages, metadata routes), for absolute
 * links: DOCKETLINE_PUBLIC_URL when set (do set it in production), else the request's
 * host once validated (lib/origin.ts).
 */
export async function getSiteOrigin(): Promise<string> {
  return resolveOrigin(await headers());
}

/** An absolute URL for a path of this site. */
export async function absoluteUrl(path: string): Promise<string> {
  return `${await getSiteOrigin()}${path.startsWith("/") ? path : `/${path}`}`;
}
