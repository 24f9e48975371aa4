"use server";

// Saving an official from the staff form (components/staff/official-form.tsx): the
// session first, then the shape of the payload; saveRecord validates the official with
// the importer's schema, refuses a stale version and records the revision.
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";

import { actorOf, requireStaff } from "@/lib/auth/session";
import { saveRecord } from "@/lib/editing/records";
import { malformedPayload, RecordSavePayloadSchema, savedResponse, type RecordSaveResponse } from "@/lib/staff/record-save";

export async function saveOfficialAction(payload: unknown): Promise<RecordSaveResponse> {
  const staff = await requireStaff();
  const parsed = RecordSavePayloadSchema.safeParse(payload);
  if (!parsed.success) return malformedPayload(parsed.error);
  const { record, baseVersion } = parsed.data;
  const result = await saveRecord("official", record, { baseVersion, actor: actorOf(staff) });
  // Officials are public at once, on their state's page and on the filings they joined.
  if (result.ok && result.changed) revalidatePath("/", "layout");
  if (result.ok && baseVersion === null) redirect(`/staff/officials/${result.id}?created=1`);
  return savedResponse("official", result);
}
