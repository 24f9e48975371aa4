"use server";

// Saving a lawsuit's research coding from the staff form (components/staff/coding-form.tsx):
// the session first, then the shape of the payload; saveRecord validates the coding with
// the importer's schema and its rules across records, refuses a stale version, and
// records the revision.
import { revalidatePath } from "next/cache";

import { actorOf, requireStaff } from "@/lib/auth/session";
import { saveRecord } from "@/lib/editing/records";
import { malformedPayload, RecordSavePayloadSchema, savedResponse, type RecordSaveResponse } from "@/lib/staff/record-save";

export async function saveLawsuitCodingAction(payload: unknown): Promise<RecordSaveResponse> {
  const staff = await requireStaff();
  const parsed = RecordSavePayloadSchema.safeParse(payload);
  if (!parsed.success) return malformedPayload(parsed.error);
  const { record, baseVersion } = parsed.data;
  const result = await saveRecord("lawsuit-coding", record, { baseVersion, actor: actorOf(staff) });
  // The coding of a public lawsuit is public: the codebook's examples and exports may change.
  if (result.ok && result.changed) revalidatePath("/", "layout");
  return savedResponse("lawsuit-coding", result);
}
