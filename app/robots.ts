import type { MetadataRoute } from "next";

import { getSiteOrigin } from "@/lib/site";

export const dynamic = "force-dynamic";

export default async function robots(): Promise<MetadataRoute.Robots> {
  const origin = await getSiteOrigin();
  return {
    // Exports and feeds are for people who ask for them, not for crawlers to fetch in bulk.
    rules: { userAgent: "*", allow: "/", disallow: ["/export/", "/api/"] },
    sitemap: `${origin}/sitemap.xml`,
  };
}
