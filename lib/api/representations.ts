import "server-only";

// The records the API returns: each in its docketline/v1 form (lib/dataset/read.ts),
// plus `url` (its page on the site) and `updatedAt`. Every function reads a whole
// page of records in a fixed number of statements, never one per record. Only public
// lawsuits and filings exist here: any other id is unknown (a 404), and references to
// them are left out of the records (lib/dataset/read.ts publicOnly).
import { DEFAULT_LIMIT, type FilingListQuery } from "@/lib/api/query";
import type {
  FilingList,
  FilingRef,
  FilingResource,
  JurisdictionDetail,
  JurisdictionResource,
  LawsuitDetail,
  LawsuitResource,
} from "@/lib/api/schema";
import { apiPath, filingListUrl, htmlPath } from "@/lib/api/urls";
import { readRecords, type CanonicalRecord } from "@/lib/dataset/read";
import { getBulkSql } from "@/lib/db/bulk";
import { db } from "@/lib/db/client";
import { EMPTY_FILTER } from "@/lib/filters/schema";
import { listJurisdictions } from "@/lib/jurisdictions/queries";
import { countTimeline, listFilingIds, MAX_PAGE_SIZE } from "@/lib/timeline/queries";

const NONE: string[] = [];
const PUBLIC = { publicOnly: true };

function updatedAtById(rows: { id: string; updatedAt: Date }[]): Map<string, string> {
  return new Map(rows.map((row) => [row.id, row.updatedAt.toISOString()]));
}

/** The filings with these ids, in the order of `ids` (a page of the timeline); unknown ids are left out. */
export async function getFilingResources(ids: string[], origin: string): Promise<FilingResource[]> {
  if (ids.length === 0) return [];
  const [records, stamps] = await Promise.all([
    readRecords(getBulkSql(), { filings: ids, lawsuits: NONE, courts: NONE, officials: NONE }, PUBLIC),
    db.filing.findMany({ where: { id: { in: ids }, isPublic: true }, select: { id: true, updatedAt: true } }),
  ]);
  const updatedAt = updatedAtById(stamps);
  const byId = new Map(records.filings.map((record) => [record.id as string, record]));
  return ids.flatMap((id) => {
    const record = byId.get(id);
    const stamp = updatedAt.get(id);
    // Both reads must find it: a filing unpublished between them is not shown half.
    if (!record || !stamp) return [];
    return [{ ...record, url: origin + htmlPath.filing(id), updatedAt: stamp } as FilingResource];
  });
}

/** A page of the filings list: the timeline's page of ids, their records, the total and the links. */
export async function getFilingList({ filter, limit }: FilingListQuery, origin: string): Promise<FilingList> {
  const [page, total] = await Promise.all([listFilingIds(filter, limit), countTimeline(filter)]);
  const link = (cursor: string | undefined) => filingListUrl(origin, { ...filter, cursor }, limit, DEFAULT_LIMIT);
  return {
    data: await getFilingResources(page.ids, origin),
    total,
    links: { self: link(filter.cursor), next: page.next && link(page.next), prev: page.previous && link(page.previous) },
  };
}

/** Lawsuits with their filing counts: all of them (oldest first), or those with these ids. */
export async function getLawsuitResources(origin: string, ids?: string[]): Promise<LawsuitResource[]> {
  const [records, stamps, counts] = await Promise.all([
    readRecords(getBulkSql(), { lawsuits: ids, filings: NONE, courts: NONE, officials: NONE }, PUBLIC),
    db.lawsuit.findMany({ where: { ...(ids ? { id: { in: ids } } : {}), isPublic: true }, select: { id: true, updatedAt: true } }),
    db.filing.groupBy({ by: ["lawsuitId"], where: { lawsuitId: ids ? { in: ids } : { not: null }, isPublic: true }, _count: { _all: true } }),
  ]);
  const updatedAt = updatedAtById(stamps);
  const filingCount = new Map(counts.map((row) => [row.lawsuitId, row._count._all]));
  return records.lawsuits.flatMap((record: CanonicalRecord) => {
    const id = record.id as string;
    const stamp = updatedAt.get(id);
    if (!stamp) return [];
    return [
      {
        ...record,
        url: origin + htmlPath.lawsuit(id),
        updatedAt: stamp,
        filingCount: filingCount.get(id) ?? 0,
      } as LawsuitResource,
    ];
  });
}

/** Every filing of a lawsuit, oldest first, through the timeline's own query and order. */
async function listLawsuitFilingIds(lawsuit: string): Promise<string[]> {
  const ids: string[] = [];
  let cursor: string | undefined;
  do {
    const page = await listFilingIds({ ...EMPTY_FILTER, lawsuit, sort: "oldest", cursor }, MAX_PAGE_SIZE);
    ids.push(...page.ids);
    cursor = page.next ?? undefined;
  } while (cursor);
  return ids;
}

/** A lawsuit with references to all its filings; null for an unknown id. */
export async function getLawsuitDetail(id: string, origin: string): Promise<LawsuitDetail | null> {
  const [[lawsuit], filingIds] = await Promise.all([getLawsuitResources(origin, [id]), listLawsuitFilingIds(id)]);
  if (!lawsuit) return null;
  const filings: FilingRef[] = filingIds.map((filingId) => ({
    id: filingId,
    url: origin + htmlPath.filing(filingId),
    href: origin + apiPath.filing(filingId),
  }));
  return { ...lawsuit, filings };
}

/** All 56 jurisdictions by name, with their counts. */
export async function getJurisdictionResources(origin: string): Promise<JurisdictionResource[]> {
  const [rows, stamps] = await Promise.all([
    listJurisdictions("name"),
    db.jurisdiction.findMany({ select: { code: true, updatedAt: true } }),
  ]);
  const updatedAt = updatedAtById(stamps.map((s) => ({ id: s.code.trim(), updatedAt: s.updatedAt })));
  return rows.map((row) => ({
    code: row.code,
    name: row.name,
    kind: row.kind,
    url: origin + htmlPath.jurisdiction(row.code),
    updatedAt: updatedAt.get(row.code)!,
    counts: { filingsJoined: row.joined, filingsLed: row.led, lawsuits: row.lawsuits },
  }));
}

/** A jurisdiction with its officials in docketline/v1 form; null for a code not in the reference list. */
export async function getJurisdictionDetail(code: string, origin: string): Promise<JurisdictionDetail | null> {
  const [all, officials] = await Promise.all([
    getJurisdictionResources(origin),
    db.official.findMany({ where: { jurisdictionCode: code }, select: { id: true } }),
  ]);
  const jurisdiction = all.find((j) => j.code === code);
  if (!jurisdiction) return null;
  const records = await readRecords(getBulkSql(), { officials: officials.map((o) => o.id), courts: NONE, lawsuits: NONE, filings: NONE }, PUBLIC);
  return { ...jurisdiction, officials: records.officials as JurisdictionDetail["officials"] };
}
