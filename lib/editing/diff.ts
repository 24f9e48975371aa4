// Field-by-field differences between two versions of a record in docketline/v1 form,
// for conflict messages and the history view. Fields are compared whole: a list of
// states or demands that changed is one change, shown item by item by the view.
import type { CanonicalRecord } from "@/lib/dataset/read";
import type { FieldChange } from "@/lib/editing/types";

// Revisions are stored as jsonb, which keeps its own key order: compare key-order-free.
const stable = (value: unknown): unknown =>
  Array.isArray(value)
    ? value.map(stable)
    : value !== null && typeof value === "object"
      ? Object.fromEntries(Object.keys(value).sort().map((k) => [k, stable((value as Record<string, unknown>)[k])]))
      : value;
const same = (a: unknown, b: unknown) => JSON.stringify(stable(a ?? null)) === JSON.stringify(stable(b ?? null));

/** The top-level fields that differ, in the record's field order; `before` null for a created record. */
export function diffRecords(before: CanonicalRecord | null, after: CanonicalRecord): FieldChange[] {
  const fields = [...new Set([...Object.keys(after), ...Object.keys(before ?? {})])];
  return fields
    .filter((field) => field !== "id" || before === null)
    .filter((field) => !same(before?.[field], after[field]))
    .filter((field) => !(before === null && isEmpty(after[field])))
    .map((field) => ({ field, before: before?.[field] ?? null, after: after[field] ?? null }));
}

/**
 * Re-applies the edits made on a form (from `base` to `mine`) on top of the current
 * record: a field the editor changed keeps their value, every other field takes the
 * current one. Nothing the other editor did is lost unless both changed the same field.
 */
export function reapplyEdits<T extends Record<string, unknown>>(base: T, mine: T, current: T): T {
  const merged: Record<string, unknown> = { ...current };
  for (const field of new Set([...Object.keys(base), ...Object.keys(mine)])) {
    if (!same(base[field], mine[field])) merged[field] = mine[field];
  }
  return merged as T;
}

function isEmpty(value: unknown): boolean {
  return value === null || value === undefined || (Array.isArray(value) && value.length === 0);
}
