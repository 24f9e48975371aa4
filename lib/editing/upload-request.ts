// The dataset upload's HTTP side (POST /staff/upload/file). It is a route handler, not
// a server action, because Next.js reads a server action's whole body (up to one limit
// shared by every action) before any code of ours runs: here the origin and the session
// are checked first, a declared size over the cap is refused unread, and the body is
// read as a stream that stops at the cap. Every other POST of the site stays under
// lib/security/body-limits.ts's small limit.
//
// The upload form (app/(staff)/staff/upload/upload-form.tsx) sends it with fetch and
// asks for JSON; without JavaScript the form posts it as it is and gets a redirect to
// the preview (computed in the background: docs/decisions/024), or a plain page listing
// the problems.
import "server-only";

import { z } from "zod";

import { signInPath } from "@/lib/auth/next-path";
import { roleSatisfies } from "@/lib/auth/roles";
import { actorOf, getStaff } from "@/lib/auth/session";
import { UPLOAD_PAGE, uploadPath } from "@/lib/editing/paths";
import { PUBLICATIONS } from "@/lib/editing/types";
import { awaitPreviewBriefly, MAX_UPLOAD_BYTES, MAX_UPLOAD_LABEL, storeUpload } from "@/lib/editing/upload";
import { declaredLength, MAX_UPLOAD_BODY_BYTES } from "@/lib/security/body-limits";

const CHOOSE_FILE = "file: choose a docketline/v1 JSON file to upload";
const TOO_LARGE = `file: the chosen file is larger than ${MAX_UPLOAD_LABEL}, the most an upload may be`;

const UploadFormSchema = z.object({
  file: z
    .instanceof(File, { error: CHOOSE_FILE })
    // A form sent without a chosen file still carries an empty, nameless one.
    .refine((file) => file.name !== "" || file.size > 0, CHOOSE_FILE)
    .refine((file) => file.size > 0, "file: the chosen file is empty")
    .refine((file) => file.size <= MAX_UPLOAD_BYTES, TOO_LARGE),
  publication: z.enum(PUBLICATIONS, { error: "publication: choose whether new lawsuits and filings become drafts or are published" }),
});

/** What the upload form shows: the file's name and every problem, or where the preview is. */
export interface UploadAnswer {
  fileName: string | null;
  problems: string[];
  /** The preview's page, when the file was kept. */
  location?: string;
}

export async function receiveUpload(request: Request): Promise<Response> {
  const wantsJson = (request.headers.get("accept") ?? "").includes("application/json");
  const answer = (status: number, body: UploadAnswer) => uploadResponse(status, body, wantsJson);

  // A write from another site is refused before anything else (docs/decisions/007): the
  // same rule as Next.js applies to server actions, and the session cookie is SameSite=Lax.
  if (!isSameOrigin(request.headers)) return answer(403, { fileName: null, problems: ["The upload must be sent from this site's own upload page."] });

  const staff = await getStaff();
  if (!staff) {
    if (!wantsJson) return Response.redirect(new URL(signInPath(UPLOAD_PAGE), request.url), 303);
    return answer(401, { fileName: null, problems: ["Your session has ended: sign in again, then upload the file."] });
  }
  if (!roleSatisfies(staff.role, "editor")) return answer(403, { fileName: null, problems: ["Your account may not upload datasets."] });

  const declared = declaredLength(request.headers.get("content-length"));
  if (declared !== undefined && declared > MAX_UPLOAD_BODY_BYTES) return answer(413, { fileName: null, problems: [TOO_LARGE] });
  const body = await readAtMost(request, MAX_UPLOAD_BODY_BYTES);
  if (!body) return answer(413, { fileName: null, problems: [TOO_LARGE] });

  let form: FormData;
  try {
    form = await new Request(request.url, { method: "POST", headers: { "content-type": request.headers.get("content-type") ?? "" }, body }).formData();
  } catch {
    return answer(400, { fileName: null, problems: [`${CHOOSE_FILE}: the request is not a form with a file`] });
  }
  const parsed = UploadFormSchema.safeParse({ file: form.get("file"), publication: form.get("publication") });
  if (!parsed.success) {
    const file = form.get("file");
    return answer(422, { fileName: file instanceof File && file.name ? file.name : null, problems: parsed.error.issues.map((issue) => issue.message) });
  }
  const { file, publication } = parsed.data;
  const result = await storeUpload({ fileName: file.name || "upload.json", content: await file.text(), publication, actor: actorOf(staff) });
  if (!result.ok) return answer(422, { fileName: file.name, problems: result.problems });
  // A small file's preview is ready in a moment: the uploader then sees it at once. A
  // large one goes on in the background, and its page shows how far it has got.
  await awaitPreviewBriefly(result.previewing);
  const location = uploadPath(result.id);
  if (!wantsJson) return Response.redirect(new URL(location, request.url), 303);
  return answer(201, { fileName: file.name, problems: [], location });
}

/** The Origin header's host is the host the request was sent to. */
function isSameOrigin(headers: Headers): boolean {
  const origin = headers.get("origin");
  const host = headers.get("x-forwarded-host")?.split(",")[0].trim() || headers.get("host");
  if (!origin || !host) return false;
  try {
    return new URL(origin).host === host.toLowerCase();
  } catch {
    return false;
  }
}

/** The body, or null as soon as it passes `limit` bytes (the rest is never read). */
async function readAtMost(request: Request, limit: number): Promise<Uint8Array<ArrayBuffer> | null> {
  if (!request.body) return new Uint8Array();
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      return null;
    }
    chunks.push(value);
  }
  return new Uint8Array(Buffer.concat(chunks));
}

function uploadResponse(status: number, body: UploadAnswer, json: boolean): Response {
  const headers = { "Cache-Control": "no-store" };
  if (json) return Response.json(body, { status, headers });
  // Without JavaScript: the problems as a plain page, with the way back.
  const title = body.fileName ? `${body.fileName} was not uploaded` : "Nothing was uploaded";
  const text = `${title}:\n${body.problems.map((p) => `- ${p}`).join("\n")}\n\nGo back to ${UPLOAD_PAGE} to try again.\n`;
  return new Response(text, { status, headers: { ...headers, "Content-Type": "text/plain; charset=utf-8" } });
}
