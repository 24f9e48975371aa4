// How much a request may send. Every form of the site (sign-in, the staff forms, the
// upload's apply step) posts a few kilobytes to a server action; a staff filing with a
// 20,000-character summary and dozens of demands stays far under a megabyte. Only the
// dataset upload takes files, up to MAX_UPLOAD_BYTES, at a route of its own that checks
// the session before it reads a byte (lib/editing/upload-request.ts).
//
// The front server refuses a larger body with a 413 before reading it, by its
// Content-Length, or as soon as a chunked one passes the limit; proxy.ts does the same
// by Content-Length when Next.js runs alone (`npm run dev`); and next.config.js gives
// Next.js's own limits the same figure (a test holds them equal). Next.js's limit alone
// would answer a 500, after reading the whole limit.
import { MAX_UPLOAD_BYTES } from "@/lib/editing/upload-limits";

/** Server actions and any other POST: next.config.js says "1mb" for both of Next.js's limits. */
export const MAX_BODY_BYTES = 1024 * 1024;

/** The dataset upload's route (app/(staff)/staff/upload/file/route.ts); proxy.ts does not run for it. */
export const UPLOAD_PATH = "/staff/upload/file";

/** A multipart form's boundaries, headers and the publication field, around the file. */
const MULTIPART_OVERHEAD_BYTES = 64 * 1024;

/** The most the upload route reads: the largest file, in its form. */
export const MAX_UPLOAD_BODY_BYTES = MAX_UPLOAD_BYTES + MULTIPART_OVERHEAD_BYTES;

/** The most a request to this path may send. */
export function maxBodyBytesFor(pathname: string): number {
  return pathname === UPLOAD_PATH ? MAX_UPLOAD_BODY_BYTES : MAX_BODY_BYTES;
}

/** A size for people: "1 MB", "20.1 MB". */
export function formatBytes(bytes: number): string {
  const megabytes = bytes / 1024 / 1024;
  return `${Number.isInteger(megabytes) ? megabytes : megabytes.toFixed(1)} MB`;
}

/** What a 413 says, naming the limit. */
export function bodyTooLargeMessage(limit: number): string {
  return `The request is larger than ${formatBytes(limit)}, the most this address accepts.`;
}

/** The declared Content-Length, when it is a plain number. */
export function declaredLength(value: string | null | undefined): number | undefined {
  return value && /^\d+$/.test(value) ? Number(value) : undefined;
}
