// What the public may read of a record's past versions. A revision keeps the record as
// it was saved, references to drafts included; the public history leaves out references
// to filings and lawsuits the public cannot see, as the public pages, API and exports
// do (lib/dataset/read.ts, lib/coding/read.ts): a published reply to a draft motion
// responds to nothing, a coded value cites no draft order. Only the reference goes: the
// value it supported was public, and saying "a filing not yet published" would reveal
// that a draft exists.
import "server-only";

import type { Sql } from "@/lib/db/sql";
import type { EditableKind } from "@/lib/editing/types";

type Target = "filing" | "lawsuit";
/** Whether the reference to `id` stays. */
type Keep = (target: Target, id: string) => boolean;
type Item = Record<string, unknown>;

const items = (value: unknown): Item[] => (Array.isArray(value) ? value : []);
const isObject = (value: unknown): value is Item => typeof value === "object" && value !== null && !Array.isArray(value);

/** The item with its reference to a filing left out unless kept. */
const citing = (item: Item, field: string, keep: Keep): Item =>
  typeof item[field] === "string" && !keep("filing", item[field]) ? { ...item, [field]: null } : item;

/**
 * Where a revision's record refers to a filing or a lawsuit the public might not see.
 * Not a filing's lawsuit: a public filing's lawsuit is public, and an old revision's
 * lawsuit left out would read as "outside any lawsuit". (The importer's own list of
 * references, KindSpec.references, works on staged rows, not on records.)
 */
function filterReferences(kind: EditableKind, record: unknown, keep: Keep): unknown {
  if (!isObject(record)) return record;
  switch (kind) {
    case "filing":
      return { ...citing(record, "respondsTo", keep), demands: items(record.demands).map((d) => citing(d, "decidedBy", keep)) };
    case "lawsuit":
      // As in the public export, a relation to a lawsuit the public cannot see is no relation.
      return { ...record, related: items(record.related).filter((r) => typeof r.lawsuit !== "string" || keep("lawsuit", r.lawsuit)) };
    case "lawsuit-coding":
      return {
        ...record,
        stateSides: items(record.stateSides).map((s) => citing(s, "filing", keep)),
        outcome: isObject(record.outcome) ? citing(record.outcome, "decidedBy", keep) : record.outcome,
        reliefMilestones: items(record.reliefMilestones).map((m) => citing(m, "filing", keep)),
      };
    default:
      return record;
  }
}

/**
 * The records (a revision's before and after, any number of revisions) as the public may
 * read them, in the same order; two statements at most, whatever their number.
 */
export async function withoutHiddenReferences(sql: Sql, kind: EditableKind, records: unknown[]): Promise<unknown[]> {
  const cited: Record<Target, Set<string>> = { filing: new Set(), lawsuit: new Set() };
  for (const record of records) {
    filterReferences(kind, record, (target, id) => {
      cited[target].add(id);
      return true;
    });
  }
  if (cited.filing.size + cited.lawsuit.size === 0) return records;
  const [filings, lawsuits] = await Promise.all([
    cited.filing.size > 0 ? sql<{ id: string }[]>`SELECT id FROM filing WHERE id = ANY(${[...cited.filing]}) AND is_public` : [],
    cited.lawsuit.size > 0 ? sql<{ id: string }[]>`SELECT id FROM lawsuit WHERE id = ANY(${[...cited.lawsuit]}) AND is_public` : [],
  ]);
  const visible: Record<Target, Set<string>> = { filing: new Set(filings.map((f) => f.id)), lawsuit: new Set(lawsuits.map((l) => l.id)) };
  return records.map((record) => filterReferences(kind, record, (target, id) => visible[target].has(id)));
}
