"use server";

// Saving a lawsuit from the staff form (components/staff/lawsuit-form.tsx): the session
// first, then the shape of the payload; saveRecord validates the lawsuit with the
// importer's schema and references, refuses a stale version, and writes it with its
// revision in one transaction. A new lawsuit is a draft until it is published.
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";

import { relatedIds, type LawsuitReferences } from "@/lib/lawsuits/form-model";
import { actorOf, requireStaff } from "@/lib/auth/session";
import { saveRecord } from "@/lib/editing/records";
import { malformedPayload, RecordSavePayloadSchema, savedResponse, type RecordSaveResponse } from "@/lib/staff/record-save";
import { getRecordSummaries, listCourts, type CourtSummary } from "@/lib/staff/search";

export async function saveLawsuitAction(payload: unknown): Promise<RecordSaveResponse<LawsuitReferences>> {
  const staff = await requireStaff();
  const parsed = RecordSavePayloadSchema.safeParse(payload);
  if (!parsed.success) return malformedPayload(parsed.error);
  const { record, baseVersion } = parsed.data;
  const result = await saveRecord("lawsuit", record, { baseVersion, actor: actorOf(staff) });
  // Drafts are not public, but an edit of a published lawsuit is: every public view may show it.
  if (result.ok && result.changed) revalidatePath("/", "layout");
  if (result.ok && baseVersion === null) redirect(`/staff/lawsuits/${result.id}?created=1`);
  return savedResponse("lawsuit", result, async (current) => ({ lawsuits: (await getRecordSummaries({ lawsuits: relatedIds(current) })).lawsuits }));
}

/** The courts again, for a lawsuit form whose editor created a court in another tab. */
export async function listCourtsAction(): Promise<CourtSummary[]> {
  await requireStaff();
  return listCourts();
}
