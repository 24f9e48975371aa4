// The vocabulary of staff editing, shared by the editing module (lib/editing), the staff
// forms and their server actions. Records travel in their docketline/v1 form, validated
// by the same zod schemas as the importer (lib/dataset/schema.ts).
import type { CanonicalRecord } from "@/lib/dataset/read";

export const EDITABLE_KINDS = ["court", "official", "lawsuit", "filing", "policy", "lawsuit-coding", "issue-area"] as const;
export type EditableKind = (typeof EDITABLE_KINDS)[number];

/**
 * How a sentence names one record of each kind, after "this", "the" or "another": the
 * staff forms' answers, refusals, reverts and history pages all read it. A lawsuit's
 * coding is its "research coding", as the public pages and the codebook call it.
 */
export const RECORD_NOUNS = {
  court: "court",
  official: "official",
  lawsuit: "lawsuit",
  filing: "filing",
  policy: "policy",
  "lawsuit-coding": "research coding",
  "issue-area": "issue area",
} as const satisfies Record<EditableKind, string>;

/** Lawsuits and filings have a lifecycle; courts, officials and policies are reference data, always public. */
export const PUBLISHABLE_KINDS = ["lawsuit", "filing"] as const;
export type PublishableKind = (typeof PUBLISHABLE_KINDS)[number];

export const PUBLICATIONS = ["draft", "published"] as const;
export type Publication = (typeof PUBLICATIONS)[number];

export const REVISION_ACTIONS = ["create", "update", "publish", "unpublish", "delete", "restore", "revert"] as const;
export type RevisionAction = (typeof REVISION_ACTIONS)[number];

/** Who made a change: a staff user, or a command-line import (userId null). */
export interface Actor {
  userId: string | null;
  name: string;
}

/** A problem inside one record; `path` is relative to the record: ["states", 2, "jurisdiction"]. */
export interface RecordProblem {
  path: (string | number)[];
  message: string;
}

/** One top-level field of the canonical record that differs. */
export interface FieldChange {
  field: string;
  before: unknown;
  after: unknown;
}

export interface ConflictDetails {
  /** The version the form must send next time. */
  currentVersion: number;
  current: CanonicalRecord;
  /** What others changed between the version the form was based on and the current one. */
  changes: FieldChange[];
  changedBy: { name: string; at: string; action: RevisionAction }[];
}

export type SaveResult =
  | { ok: true; id: string; version: number; changed: boolean }
  | { ok: false; reason: "invalid"; problems: RecordProblem[] }
  | { ok: false; reason: "conflict"; conflict: ConflictDetails }
  | { ok: false; reason: "not-found" }
  | { ok: false; reason: "refused"; message: string };

export interface EditableRecord {
  kind: EditableKind;
  id: string;
  version: number;
  /** Null for courts and officials, which have no lifecycle. */
  publication: Publication | null;
  /** ISO timestamp of a soft deletion, restorable for 30 days. */
  deletedAt: string | null;
  record: CanonicalRecord;
}
