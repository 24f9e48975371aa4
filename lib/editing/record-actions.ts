"use server";

// Publish, unpublish, delete and restore for lawsuits and filings, shared by their staff
// pages (components/staff/record-actions.tsx). Each checks the session first, then its
// input, and sends the version the page showed, so that acting on a page that is out of
// date is refused rather than applied to a record the editor has not seen.
import { revalidatePath } from "next/cache";
import { z } from "zod";

import { actorOf, requireStaff } from "@/lib/auth/session";
import { slug } from "@/lib/dataset/schema";
import { deleteRecord, restoreRecord, setPublication } from "@/lib/editing/records";
import { PUBLISHABLE_KINDS, RECORD_NOUNS, type SaveResult } from "@/lib/editing/types";

export type LifecycleAction = "publish" | "unpublish" | "delete" | "restore";

const LifecycleInputSchema = z.strictObject({
  kind: z.enum(PUBLISHABLE_KINDS),
  id: slug,
  action: z.enum(["publish", "unpublish", "delete", "restore"]),
  baseVersion: z.number().int().min(1),
});

export type LifecycleResult = { ok: true; version: number; changed: boolean } | { ok: false; message: string };

const DONE: Record<LifecycleAction, string> = { publish: "published", unpublish: "unpublished", delete: "deleted", restore: "restored" };

export async function changeRecordLifecycleAction(input: unknown): Promise<LifecycleResult> {
  const staff = await requireStaff();
  const parsed = LifecycleInputSchema.safeParse(input);
  if (!parsed.success) return { ok: false, message: "The page sent an unexpected request: reload it and try again." };
  const { kind, id, action, baseVersion } = parsed.data;
  const options = { baseVersion, actor: actorOf(staff) };

  let result: SaveResult;
  if (action === "publish" || action === "unpublish") result = await setPublication(kind, id, action === "publish" ? "published" : "draft", options);
  else if (action === "delete") result = await deleteRecord(kind, id, options);
  else result = await restoreRecord(kind, id, options);

  // Even a refusal may mean the page is out of date; the page reloads its data either way.
  revalidatePath("/", "layout");
  if (result.ok) return { ok: true, version: result.version, changed: result.changed };
  switch (result.reason) {
    case "conflict":
      return { ok: false, message: `Someone else changed this ${RECORD_NOUNS[kind]} since this page was loaded, so it was not ${DONE[action]}. The page now shows the latest version: check it and try again.` };
    case "not-found":
      return { ok: false, message: `This ${RECORD_NOUNS[kind]} no longer exists.` };
    case "refused":
      return { ok: false, message: result.message };
    case "invalid":
      return { ok: false, message: result.problems.map((p) => `${p.path.join(".")} ${p.message}`.trim()).join("; ") };
  }
}
