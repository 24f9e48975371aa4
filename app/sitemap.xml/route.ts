// /sitemap.xml is an index: a sitemap holds at most 50,000 URLs, and Docketline may
// hold far more filings. The parts are app/sitemaps/sitemap.ts (/sitemaps/sitemap/N.xml).
import { escapeHtml as escapeXml } from "@/lib/exports/describe";
import { originVary } from "@/lib/origin";
import { getSiteOrigin } from "@/lib/site";
import { countSitemaps } from "@/lib/site-map";

export const dynamic = "force-dynamic";

export async function GET() {
  const [origin, parts] = await Promise.all([getSiteOrigin(), countSitemaps()]);
  const entries = Array.from({ length: parts }, (_, id) => `  <sitemap><loc>${escapeXml(`${origin}/sitemaps/sitemap/${id}.xml`)}</loc></sitemap>`);
  const xml = `<?xml version="1.0" encoding="UTF-8"?>\n<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${entries.join("\n")}\n</sitemapindex>\n`;
  return new Response(xml, { headers: { ...originVary(), "Content-Type": "application/xml; charset=utf-8", "Cache-Control": "public, max-age=3600" } });
}
