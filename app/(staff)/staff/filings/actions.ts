"use server";

// Saving a filing from the staff form (components/staff/filing-form.tsx). The session is
// checked first, then the shape of what was sent; saveRecord then validates the filing
// with the importer's schema and references, refuses a stale base version, and writes
// it with its revision in one transaction.
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";

import { actorOf, requireStaff } from "@/lib/auth/session";
import { loadRecord, saveRecord } from "@/lib/editing/records";
import { getRecordSummaries } from "@/lib/staff/search";
import { referencedIds, type FilingSaveResponse } from "@/components/staff/filing-form-model";

const SavePayloadSchema = z.strictObject({
  // The filing itself is validated by saveRecord, with the same schema as the importer.
  record: z.record(z.string(), z.unknown()),
  baseVersion: z.number().int().min(1).nullable(),
});

export async function saveFilingAction(payload: unknown): Promise<FilingSaveResponse> {
  const staff = await requireStaff();
  const parsed = SavePayloadSchema.safeParse(payload);
  if (!parsed.success) {
    return { ok: false, reason: "invalid", problems: [{ path: [], message: "The form sent an unexpected request: reload the page and try again." }] };
  }
  const { record, baseVersion } = parsed.data;
  const result = await saveRecord("filing", record, { baseVersion, actor: actorOf(staff) });

  if (result.ok) {
    // Drafts are not public, but an edit of a published filing is: every public view may show it.
    if (result.changed) revalidatePath("/", "layout");
    if (baseVersion === null) redirect(`/staff/filings/${result.id}?created=1`);
    const saved = await loadRecord("filing", result.id);
    if (!saved) return { ok: false, reason: "not-found", message: "This filing no longer exists." };
    return { ok: true, id: result.id, version: saved.version, changed: result.changed, record: saved.record };
  }
  switch (result.reason) {
    case "invalid":
      return result;
    case "conflict":
      return { ...result, references: await getRecordSummaries(referencedIds(result.conflict.current)) };
    case "not-found":
      return { ok: false, reason: "not-found", message: "This filing no longer exists: someone may have deleted it for good." };
    case "refused":
      return { ok: false, reason: "refused", message: result.message };
  }
}
