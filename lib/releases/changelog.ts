// What changed between two releases: records added, changed (another hash of their
// JSON) and removed, by the dataset's kind and id. Compared on the records' hashes
// (lib/releases/records.ts), so any field, including ones added to the format later, counts.
import type { ReleasedRecord } from "./records";

/** Records per kind ("filings": 20). */
export type KindCounts = Record<string, number>;

export const CHANGES = ["added", "changed", "removed"] as const;
export type Change = (typeof CHANGES)[number];

/** The records that differ from the release before, by change, kind and id. */
export type Changelog = Record<Change, Record<string, string[]>>;

/** A record's key in the map of a release's records (changelogOf's `previous`). */
export function recordKey(kind: string, id: string): string {
  return `${kind}\u0000${id}`;
}

/** The changelog of `records` against the release before (recordKey → SHA-256), ids sorted. */
export function changelogOf(records: ReleasedRecord[], previous: Map<string, string>): Changelog {
  const changelog: Changelog = { added: {}, changed: {}, removed: {} };
  const note = (change: Change, kind: string, id: string) => (changelog[change][kind] ??= []).push(id);
  const seen = new Set<string>();
  for (const r of records) {
    const key = recordKey(r.kind, r.id);
    seen.add(key);
    const before = previous.get(key);
    if (before === undefined) note("added", r.kind, r.id);
    else if (before !== r.sha256) note("changed", r.kind, r.id);
  }
  for (const key of previous.keys()) {
    if (seen.has(key)) continue;
    const [kind, id] = key.split("\u0000");
    note("removed", kind, id);
  }
  for (const byKind of Object.values(changelog)) for (const ids of Object.values(byKind)) ids.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return changelog;
}

/** How many records each change touches, per kind: what the release row keeps. */
export function changeCounts(changelog: Changelog): Record<Change, KindCounts> {
  const count = (byKind: Record<string, string[]>) => Object.fromEntries(Object.entries(byKind).map(([kind, ids]) => [kind, ids.length]));
  return { added: count(changelog.added), changed: count(changelog.changed), removed: count(changelog.removed) };
}


/** "courts: 4, filings: 22": records per kind, as the dataset names its kinds. */
export function describeCounts(counts: KindCounts): string {
  return Object.entries(counts)
    .map(([kind, n]) => `${kind}: ${n.toLocaleString("en-US")}`)
    .join(", ");
}

/** "added filings: 1; removed filings: 2", or null when nothing changed. */
export function describeChanges(changes: Record<Change, KindCounts>): string | null {
  const parts = CHANGES.filter((change) => Object.keys(changes[change]).length > 0).map((change) => `${change} ${describeCounts(changes[change])}`);
  return parts.length > 0 ? parts.join("; ") : null;
}
