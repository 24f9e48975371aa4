"use server";

// The dataset upload's second step (/staff/upload/[id]): apply the previewed upload, or
// preview it again (when records changed since the preview, applying is refused).
// It checks the session first, then its form. The first step, sending the file, is a
// route of its own that reads the body only after the session check
// (lib/editing/upload-request.ts): an action's body is read before any of our code runs.
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";

import { actorOf, requireStaff } from "@/lib/auth/session";
import { uploadPath } from "@/lib/editing/paths";
import { applyUpload, awaitPreviewBriefly, previewUploadAgain } from "@/lib/editing/upload";
import { postedForm } from "@/lib/security/posted-form";

const ApplyFormSchema = z.object({
  uploadId: z.uuid({ error: "uploadId must be the id of an upload" }),
});

export type ApplyFormState = { message: string; problems: string[] } | null;

/** Applies a previewed upload, once. */
export async function applyUploadAction(previous: ApplyFormState, sent: FormData): Promise<ApplyFormState> {
  const staff = await requireStaff("editor");
  const formData = postedForm(previous, sent);
  const parsed = ApplyFormSchema.safeParse({ uploadId: formData.get("uploadId") });
  if (!parsed.success) return { message: "The page sent an unexpected request: reload it and try again.", problems: [] };
  const result = await applyUpload(parsed.data.uploadId, actorOf(staff));
  if (!result.ok) return { message: result.message, problems: result.problems ?? [] };
  revalidatePath("/", "layout");
  redirect(`${uploadPath(result.id)}?applied=1`);
}

/** Computes an upload's preview again, against the records as they are now; the page then shows its progress. */
export async function previewUploadAgainAction(previous: ApplyFormState, sent: FormData): Promise<ApplyFormState> {
  await requireStaff("editor");
  const formData = postedForm(previous, sent);
  const parsed = ApplyFormSchema.safeParse({ uploadId: formData.get("uploadId") });
  if (!parsed.success) return { message: "The page sent an unexpected request: reload it and try again.", problems: [] };
  const again = await previewUploadAgain(parsed.data.uploadId);
  if (!again.ok) return { message: "This upload cannot be previewed again: it is applied, or its preview is still being prepared.", problems: [] };
  await awaitPreviewBriefly(again.previewing);
  redirect(uploadPath(parsed.data.uploadId));
}
