"use server";

// Saving an issue area (components/staff/issue-area-form.tsx): the vocabulary is kept by
// admins. saveRecord validates it with the importer's schema, refuses a stale version
// and records the revision.
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";

import { actorOf, requireStaff } from "@/lib/auth/session";
import { saveRecord } from "@/lib/editing/records";
import { malformedPayload, RecordSavePayloadSchema, savedResponse, type RecordSaveResponse } from "@/lib/staff/record-save";

export async function saveIssueAreaAction(payload: unknown): Promise<RecordSaveResponse> {
  const admin = await requireStaff("admin");
  const parsed = RecordSavePayloadSchema.safeParse(payload);
  if (!parsed.success) return malformedPayload(parsed.error);
  const { record, baseVersion } = parsed.data;
  const result = await saveRecord("issue-area", record, { baseVersion, actor: actorOf(admin) });
  // The codebook and every export list the vocabulary.
  if (result.ok && result.changed) revalidatePath("/", "layout");
  if (result.ok && baseVersion === null) redirect(`/staff/issue-areas/${result.id}?created=1`);
  return savedResponse("issue-area", result);
}
