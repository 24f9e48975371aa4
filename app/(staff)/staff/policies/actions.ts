"use server";

// Saving a policy from the staff form (components/staff/policy-form.tsx): the session
// first, then the shape of the payload; saveRecord validates the policy with the
// importer's schema and references, refuses a stale version and records the revision.
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";

import { actorOf, requireStaff } from "@/lib/auth/session";
import { saveRecord } from "@/lib/editing/records";
import { malformedPayload, RecordSavePayloadSchema, savedResponse, type RecordSaveResponse } from "@/lib/staff/record-save";

export async function savePolicyAction(payload: unknown): Promise<RecordSaveResponse> {
  const staff = await requireStaff();
  const parsed = RecordSavePayloadSchema.safeParse(payload);
  if (!parsed.success) return malformedPayload(parsed.error);
  const { record, baseVersion } = parsed.data;
  const result = await saveRecord("policy", record, { baseVersion, actor: actorOf(staff) });
  // Policies are public at once, like courts: the codebook and exports may change.
  if (result.ok && result.changed) revalidatePath("/", "layout");
  if (result.ok && baseVersion === null) redirect(`/staff/policies/${result.id}?created=1`);
  return savedResponse("policy", result);
}
