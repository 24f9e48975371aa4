// How a form finds the problems of one field. Every field's DOM id is derived from the
// record path it edits (["states", 2, "jurisdiction"] → "field-states-2-jurisdiction"),
// so that a problem found on the client or by saveRecord on the server (both worded by
// problemsFromZod in lib/dataset/problems) lands
// beside its field, and the error summary can link to it.
import type { RecordProblem } from "@/lib/editing/types";

export type FieldPath = (string | number)[];

/** The DOM id of the control that edits `path`. */
export function fieldId(path: FieldPath): string {
  return `field-${path.join("-")}`;
}

/** The DOM id of the error message of the control that edits `path`. */
export function errorId(path: FieldPath): string {
  return `${fieldId(path)}-error`;
}

const samePath = (a: FieldPath, b: FieldPath) => a.length === b.length && a.every((key, i) => String(key) === String(b[i]));

/** The messages of the problems exactly at `path`, joined; undefined when there is none. */
export function problemAt(problems: readonly RecordProblem[], path: FieldPath): string | undefined {
  const messages = problems.filter((p) => samePath(p.path, path)).map((p) => p.message);
  return messages.length ? [...new Set(messages)].join("; ") : undefined;
}

/** Whether any problem lies at or under `path` (e.g. somewhere in ["demands", 1]). */
export function hasProblemUnder(problems: readonly RecordProblem[], path: FieldPath): boolean {
  return problems.some((p) => p.path.length >= path.length && samePath(p.path.slice(0, path.length), path));
}

/**
 * Problems under `path` with that prefix removed, for a sub-editor that is handed the
 * problems of its own part of the record.
 */
export function problemsUnder(problems: readonly RecordProblem[], path: FieldPath): RecordProblem[] {
  return problems
    .filter((p) => p.path.length >= path.length && samePath(p.path.slice(0, path.length), path))
    .map((p) => ({ ...p, path: p.path.slice(path.length) }));
}

/** An array with the item at `from` moved to `to`, for the move up/down buttons. */
export function moveItem<T>(items: readonly T[], from: number, to: number): T[] {
  if (to < 0 || to >= items.length || from === to) return [...items];
  const next = [...items];
  const [item] = next.splice(from, 1);
  next.splice(to, 0, item);
  return next;
}

/** An empty text box means "absent" for optional record fields. */
export function optional(value: string): string | null {
  const trimmed = value.trim();
  return trimmed === "" ? null : value;
}

/** A record offered by a picker (components/staff/fields/record-picker.tsx) and kept in a form's model. */
export interface RecordOption {
  id: string;
  /** Title of a filing, short caption of a lawsuit. */
  title: string;
  /** A partial date (YYYY, YYYY-MM or YYYY-MM-DD). */
  date: string | null;
  /** How the kind reads: "Motion", "Order", "Lawsuit". */
  kind: string | null;
  /** A second line: the docket number, the lawsuit. */
  detail?: string | null;
  draft: boolean;
  deleted: boolean;
}
