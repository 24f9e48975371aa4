// Canonical docketline/v1 records (lib/dataset/read.ts) for the pages of an export, the
// feed and the calendar: public ones only, whatever ids they are asked for.
import "server-only";

import { readRecords } from "@/lib/dataset/read";
import type { CourtRecord, FilingRecord, LawsuitRecord, OfficialRecord } from "@/lib/dataset/schema";
import type { Sql } from "@/lib/db/sql";

const NONE = { courts: [], officials: [], lawsuits: [], filings: [] };
const PUBLIC = { publicOnly: true };

/** Puts records in the order of `ids` (readRecords returns its own export order). */
function inOrder<T extends { id: string }>(records: T[], ids: string[]): T[] {
  const byId = new Map(records.map((r) => [r.id, r]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

export async function readFilings(sql: Sql, ids: string[]): Promise<FilingRecord[]> {
  const { filings } = await readRecords(sql, { ...NONE, filings: ids }, PUBLIC);
  return inOrder(filings as unknown as FilingRecord[], ids);
}

export async function readLawsuits(sql: Sql, ids: string[]): Promise<LawsuitRecord[]> {
  const { lawsuits } = await readRecords(sql, { ...NONE, lawsuits: ids }, PUBLIC);
  return inOrder(lawsuits as unknown as LawsuitRecord[], ids);
}

export async function readCourts(sql: Sql, ids: string[]): Promise<CourtRecord[]> {
  const { courts } = await readRecords(sql, { ...NONE, courts: ids }, PUBLIC);
  return inOrder(courts as unknown as CourtRecord[], ids);
}

export async function readOfficials(sql: Sql, ids: string[]): Promise<OfficialRecord[]> {
  const { officials } = await readRecords(sql, { ...NONE, officials: ids }, PUBLIC);
  return inOrder(officials as unknown as OfficialRecord[], ids);
}

/**
 * A few fields of the lawsuits or officials that rows name, read once per export and
 * kept: there are far fewer of them than filings, so the cache stays small while
 * every page of filings is read and dropped.
 */
export function createLookup<R extends { id: string }, V>(read: (ids: string[]) => Promise<R[]>, pick: (record: R) => V) {
  const known = new Map<string, V>();
  return {
    /** Reads the ids not seen before; then `get` answers for all of them. */
    async load(ids: Iterable<string>): Promise<void> {
      const missing = [...new Set(ids)].filter((id) => !known.has(id));
      if (missing.length === 0) return;
      for (const record of await read(missing)) known.set(record.id, pick(record));
    },
    get(id: string): V | undefined {
      return known.get(id);
    },
  };
}

/** Splits a list into runs of at most `size`. */
export function chunk<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
