"use server";

// Saving a court from the staff form (components/staff/court-form.tsx): the session
// first, then the shape of the payload; saveRecord validates the court with the
// importer's schema, refuses a stale version and records the revision.
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";

import { actorOf, requireStaff } from "@/lib/auth/session";
import { saveRecord } from "@/lib/editing/records";
import { malformedPayload, RecordSavePayloadSchema, savedResponse, type RecordSaveResponse } from "@/lib/staff/record-save";

export async function saveCourtAction(payload: unknown): Promise<RecordSaveResponse> {
  const staff = await requireStaff();
  const parsed = RecordSavePayloadSchema.safeParse(payload);
  if (!parsed.success) return malformedPayload(parsed.error);
  const { record, baseVersion } = parsed.data;
  const result = await saveRecord("court", record, { baseVersion, actor: actorOf(staff) });
  // Courts are public at once: every lawsuit page and citation naming it may change.
  if (result.ok && result.changed) revalidatePath("/", "layout");
  if (result.ok && baseVersion === null) redirect(`/staff/courts/${result.id}?created=1`);
  return savedResponse("court", result);
}
