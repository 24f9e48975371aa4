import "server-only";

import { htmlPath } from "@/lib/api/paths";
import { db } from "@/lib/db/client";
import { JURISDICTIONS } from "@/lib/jurisdictions/reference";

/** A sitemap file holds at most 50,000 URLs; filings are split across files. */
export const FILINGS_PER_SITEMAP = 45_000;

// Only public pages are listed: a draft's URL is a 404 and must not be announced.

export async function countSitemaps(): Promise<number> {
  const filings = await db.filing.count({ where: { isPublic: true } });
  return 1 + Math.ceil(filings / FILINGS_PER_SITEMAP);
}

export interface SitemapEntry {
  path: string;
  lastModified?: Date;
}

/** Sitemap 0: the sections, every lawsuit and every jurisdiction. */
export async function listSectionPages(): Promise<SitemapEntry[]> {
  const lawsuits = await db.lawsuit.findMany({ where: { isPublic: true }, select: { id: true, updatedAt: true }, orderBy: { id: "asc" } });
  return [
    { path: "/" },
    { path: "/lawsuits" },
    { path: "/states" },
    { path: "/insights" },
    { path: "/insights/coalitions" },
    { path: "/about" },
    { path: "/data" },
    { path: "/api" },
    ...lawsuits.map((l) => ({ path: htmlPath.lawsuit(l.id), lastModified: l.updatedAt })),
    ...JURISDICTIONS.map((j) => ({ path: htmlPath.jurisdiction(j.code) })),
  ];
}

/** Sitemap n ≥ 1: one slice of the filings, in a stable order. */
export async function listFilingPages(part: number): Promise<SitemapEntry[]> {
  const filings = await db.filing.findMany({
    where: { isPublic: true },
    select: { id: true, updatedAt: true },
    orderBy: { id: "asc" },
    skip: (part - 1) * FILINGS_PER_SITEMAP,
    take: FILINGS_PER_SITEMAP,
  });
  return filings.map((f) => ({ path: htmlPath.filing(f.id), lastModified: f.updatedAt }));
}
