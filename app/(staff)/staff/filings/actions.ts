"use server";

// Saving a filing from the staff form (components/staff/filing-form.tsx). The session is
// checked first, then the shape of what was sent; saveRecord then validates the filing
// with the importer's schema and references, refuses a stale base version, and writes
// it with its revision in one transaction.
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";

import { referencedIds, type FilingReferences } from "@/lib/filings/form-model";
import { actorOf, requireStaff } from "@/lib/auth/session";
import { saveRecord } from "@/lib/editing/records";
import { malformedPayload, RecordSavePayloadSchema, savedResponse, type RecordSaveResponse } from "@/lib/staff/record-save";
import { getRecordSummaries } from "@/lib/staff/search";

export async function saveFilingAction(payload: unknown): Promise<RecordSaveResponse<FilingReferences>> {
  const staff = await requireStaff();
  const parsed = RecordSavePayloadSchema.safeParse(payload);
  if (!parsed.success) return malformedPayload(parsed.error);
  const { record, baseVersion } = parsed.data;
  const result = await saveRecord("filing", record, { baseVersion, actor: actorOf(staff) });
  // Drafts are not public, but an edit of a published filing is: every public view may show it.
  if (result.ok && result.changed) revalidatePath("/", "layout");
  if (result.ok && baseVersion === null) redirect(`/staff/filings/${result.id}?created=1`);
  return savedResponse("filing", result, (current) => getRecordSummaries(referencedIds(current)));
}
