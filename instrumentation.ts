// Once per server start (Next.js calls register): upload previews that a stopped server
// left pending or cut short are computed again (docs/decisions/024). In the background,
// so that the server answers at once; a failure is logged, and the next view of the
// upload tries again.
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const [{ getBulkSql }, { resumeUploadPreviews }] = await Promise.all([import("@/lib/db/bulk"), import("@/lib/editing/upload-preview")]);
  void resumeUploadPreviews(getBulkSql()).catch((error: unknown) => console.error("Upload previews left unfinished were not resumed at start:", error));
}
