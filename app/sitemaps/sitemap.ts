import type { MetadataRoute } from "next";

import { getSiteOrigin } from "@/lib/site";
import { countSitemaps, listFilingPages, listSectionPages } from "@/lib/site-map";

export const dynamic = "force-dynamic";

export async function generateSitemaps() {
  return Array.from({ length: await countSitemaps() }, (_, id) => ({ id }));
}

export default async function sitemap({ id }: { id: Promise<string> }): Promise<MetadataRoute.Sitemap> {
  const part = Number(await id);
  const [origin, pages] = await Promise.all([getSiteOrigin(), part === 0 ? listSectionPages() : listFilingPages(part)]);
  return pages.map((page) => ({ url: `${origin}${page.path}`, lastModified: page.lastModified }));
}
