// What a staff form sends to its server action and what it gets back. The action checks
// the session, parses the payload with RecordSavePayloadSchema, calls lib/editing and
// answers with savedResponse: on success the record as now saved, so that the form
// rebases on exactly what the database holds.
import "server-only";

import { z } from "zod";

import type { CanonicalRecord } from "@/lib/dataset/read";
import { loadRecord } from "@/lib/editing/records";
import { RECORD_NOUNS, type ConflictDetails, type EditableKind, type RecordProblem, type SaveResult } from "@/lib/editing/types";

export const RecordSavePayloadSchema = z.strictObject({
  record: z.record(z.string(), z.unknown(), { error: "record must be an object" }),
  /** The version the form was based on; null creates the record. */
  baseVersion: z.number({ error: "baseVersion must be a version number or null" }).int().min(1).nullable(),
});
export type RecordSavePayload = z.output<typeof RecordSavePayloadSchema>;

export type RecordSaveResponse<References = null> =
  | { ok: true; id: string; version: number; changed: boolean; record: CanonicalRecord }
  | { ok: false; reason: "invalid"; problems: RecordProblem[] }
  | { ok: false; reason: "conflict"; conflict: ConflictDetails; references: References }
  | { ok: false; reason: "not-found" | "refused"; message: string };

/** A payload that is not even shaped like one: a problem of the whole record. */
export function malformedPayload(error: z.ZodError): RecordSaveResponse<never> {
  return { ok: false, reason: "invalid", problems: error.issues.map((issue) => ({ path: [], message: issue.message })) };
}

/**
 * The form's answer to a save. `references` looks up what a conflicting version refers
 * to (the related lawsuits' captions), for the form to show after a merge.
 */
export async function savedResponse<References = null>(
  kind: EditableKind,
  result: SaveResult,
  references?: (current: CanonicalRecord) => Promise<References>,
): Promise<RecordSaveResponse<References>> {
  if (result.ok) {
    const saved = await loadRecord(kind, result.id);
    if (!saved) return { ok: false, reason: "not-found", message: `This ${RECORD_NOUNS[kind]} no longer exists.` };
    return { ok: true, id: result.id, version: saved.version, changed: result.changed, record: saved.record };
  }
  switch (result.reason) {
    case "invalid":
      return result;
    case "conflict":
      return { ...result, references: references ? await references(result.conflict.current) : (null as References) };
    case "not-found":
      return { ok: false, reason: "not-found", message: `This ${RECORD_NOUNS[kind]} no longer exists: someone may have removed it.` };
    case "refused":
      return result;
  }
}
