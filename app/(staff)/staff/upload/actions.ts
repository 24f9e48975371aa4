"use server";

// The dataset upload's two steps (/staff/upload): upload a file to preview it, then
// apply the previewed upload. Each checks the session first, then its form.
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";

import { actorOf, requireStaff } from "@/lib/auth/session";
import { PUBLICATIONS } from "@/lib/editing/types";
import { applyUpload, MAX_UPLOAD_BYTES, MAX_UPLOAD_LABEL, previewUpload } from "@/lib/editing/upload";
import { postedForm } from "@/lib/security/posted-form";

const UploadFormSchema = z.object({
  file: z
    .instanceof(File, { error: "file: choose a docketline/v1 JSON file to upload" })
    // A form sent without a chosen file still carries an empty, nameless one.
    .refine((file) => file.name !== "" || file.size > 0, "file: choose a docketline/v1 JSON file to upload")
    .refine((file) => file.size > 0, "file: the chosen file is empty")
    .refine((file) => file.size <= MAX_UPLOAD_BYTES, `file: the chosen file is larger than ${MAX_UPLOAD_LABEL}, the most an upload may be`),
  publication: z.enum(PUBLICATIONS, { error: "publication: choose whether new lawsuits and filings become drafts or are published" }),
});

const ApplyFormSchema = z.object({
  uploadId: z.uuid({ error: "uploadId must be the id of an upload" }),
});

export type UploadFormState = { fileName: string | null; problems: string[] } | null;
export type ApplyFormState = { message: string; problems: string[] } | null;

/** Checks the file and keeps it as an upload, then shows its preview; a file with problems lists them all. */
export async function uploadDatasetAction(previous: UploadFormState, sent: FormData): Promise<UploadFormState> {
  const staff = await requireStaff("editor");
  const formData = postedForm(previous, sent);
  const parsed = UploadFormSchema.safeParse({ file: formData.get("file"), publication: formData.get("publication") });
  if (!parsed.success) {
    const file = formData.get("file");
    return { fileName: file instanceof File && file.name ? file.name : null, problems: parsed.error.issues.map((issue) => issue.message) };
  }
  const { file, publication } = parsed.data;
  const result = await previewUpload({ fileName: file.name || "upload.json", content: await file.text(), publication, actor: actorOf(staff) });
  if (!result.ok) return { fileName: file.name, problems: result.problems };
  redirect(`/staff/upload/${result.id}`);
}

/** Applies a previewed upload, once. */
export async function applyUploadAction(previous: ApplyFormState, sent: FormData): Promise<ApplyFormState> {
  const staff = await requireStaff("editor");
  const formData = postedForm(previous, sent);
  const parsed = ApplyFormSchema.safeParse({ uploadId: formData.get("uploadId") });
  if (!parsed.success) return { message: "The page sent an unexpected request: reload it and try again.", problems: [] };
  const result = await applyUpload(parsed.data.uploadId, actorOf(staff));
  if (!result.ok) return { message: result.message, problems: result.problems ?? [] };
  revalidatePath("/", "layout");
  redirect(`/staff/upload/${result.id}?applied=1`);
}
