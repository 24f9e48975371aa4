"use server";

// "Revert to this version" on a record's history page
// (components/history/revert-button.tsx). Checks the session first, then the form, and
// sends the version the page showed: reverting a record someone changed since is refused.
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";

import { actorOf, requireStaff } from "@/lib/auth/session";
import { slug } from "@/lib/dataset/schema";
import { revertRecord } from "@/lib/editing/records";
import { HISTORY_KINDS, historyPath } from "@/lib/editing/paths";
import { RECORD_NOUNS } from "@/lib/editing/types";
import { postedForm } from "@/lib/security/posted-form";

const RevertFormSchema = z.object({
  kind: z.enum(HISTORY_KINDS, { error: `kind must be one of ${HISTORY_KINDS.join(", ")}` }),
  id: slug,
  revisionId: z.string({ error: "revisionId is required" }).regex(/^\d{1,18}$/, "revisionId must be a revision number"),
  baseVersion: z.coerce.number({ error: "baseVersion must be a version number" }).int().min(1, "baseVersion must be a version number"),
});

export type RevertState = { ok: false; message: string } | null;

export async function revertToRevisionAction(previous: RevertState, sent: FormData): Promise<RevertState> {
  const staff = await requireStaff();
  const formData = postedForm(previous, sent);
  const parsed = RevertFormSchema.safeParse({
    kind: formData.get("kind"),
    id: formData.get("id"),
    revisionId: formData.get("revisionId"),
    baseVersion: formData.get("baseVersion"),
  });
  if (!parsed.success) {
    return { ok: false, message: `The page sent an unexpected request (${parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}): reload it and try again.` };
  }
  const { kind, id, revisionId, baseVersion } = parsed.data;
  const result = await revertRecord(kind, id, revisionId, { baseVersion, actor: actorOf(staff) });
  const history = historyPath(kind, id);
  const noun = RECORD_NOUNS[kind];
  // Even a refusal may mean the page is out of date; it reloads its data either way.
  revalidatePath("/", "layout");
  if (result.ok) redirect(`${history}?reverted=${revisionId}`);

  switch (result.reason) {
    case "conflict": {
      const last = result.conflict.changedBy.at(-1);
      const who = last ? ` (${last.name} made the latest change)` : "";
      return {
        ok: false,
        message: `Someone else changed this ${noun} since this page was loaded${who}, so nothing was reverted. The history now shows the latest version: check it and try again.`,
      };
    }
    case "not-found":
      return { ok: false, message: `This ${noun} or that version of it no longer exists.` };
    case "refused":
      return { ok: false, message: result.message };
    case "invalid":
      return {
        ok: false,
        message: `That version can no longer be restored as it was: ${result.problems.map((p) => `${p.path.join(".")} ${p.message}`.trim()).join("; ")}. Edit the ${noun} instead.`,
      };
  }
}
