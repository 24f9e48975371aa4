// "Load their version and re-apply my edits", for the staff forms: lib/editing's
// reapplyEdits does the three-way merge (a field the editor changed since the base keeps
// the editor's value; every other field takes the value now saved), and this says which
// fields were kept, so the form can tell the editor what to review.
import type { CanonicalRecord } from "@/lib/dataset/read";
import { diffRecords, reapplyEdits } from "@/lib/editing/diff";

export interface MergeResult {
  merged: CanonicalRecord;
  /** Fields the editor had changed: their values were kept. */
  kept: string[];
  /** Fields both changed, to different values: the editor's value replaced the other one. */
  overridden: string[];
}

const fieldsChanged = (from: CanonicalRecord, to: CanonicalRecord) => new Set(diffRecords(from, to).map((change) => change.field));

export function mergeEdits({ base, mine, theirs }: { base: CanonicalRecord; mine: CanonicalRecord; theirs: CanonicalRecord }): MergeResult {
  const merged = Object.fromEntries(Object.entries(reapplyEdits(base, mine, theirs)).filter(([, value]) => value !== undefined));
  const kept = [...fieldsChanged(base, mine)];
  const theirsChanged = fieldsChanged(base, theirs);
  const stillDiffer = fieldsChanged(theirs, mine);
  return { merged, kept, overridden: kept.filter((field) => theirsChanged.has(field) && stillDiffer.has(field)) };
}

/** Whether two versions of a record have the same content (the id aside). */
export function sameValue(a: CanonicalRecord, b: CanonicalRecord): boolean {
  return diffRecords(a, b).length === 0;
}
