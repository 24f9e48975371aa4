import type { MetadataRoute } from "next";

import { escapeHtml as escapeXml } from "@/lib/exports/describe";
import { getSiteOrigin } from "@/lib/site";
import { countSitemaps, listFilingPages, listSectionPages } from "@/lib/site-map";

export const dynamic = "force-dynamic";

export async function generateSitemaps() {
  return Array.from({ length: await countSitemaps() }, (_, id) => ({ id }));
}

export default async function sitemap({ id }: { id: Promise<string> }): Promise<MetadataRoute.Sitemap> {
  const part = Number(await id);
  const [origin, pages] = await Promise.all([getSiteOrigin(), part === 0 ? listSectionPages() : listFilingPages(part)]);
  // Next.js writes each url into <loc> as it is: escaped here, so that no origin or path
  // can break the XML. (Its Vary header comes from next.config.js: a metadata route sets none.)
  return pages.map((page) => ({ url: escapeXml(`${origin}${page.path}`), lastModified: page.lastModified }));
}
