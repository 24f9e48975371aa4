// A release's file as a download: its own content type, cached forever (a release never
// changes), and its SHA-256 in the headers (Repr-Digest, RFC 9530, and the ETag), so a
// reader can check what they received against /data and the manifest.
import "server-only";

import { getBulkSql } from "@/lib/db/bulk";
import { downloadResponse } from "@/lib/exports/http";
import { toByteStream } from "@/lib/exports/stream";

import { getReleaseFile } from "./queries";

const IMMUTABLE = "public, max-age=31536000, immutable";

/** Release numbers as URLs write them: 1, 2, 3…, no sign, no leading zero (and within PostgreSQL's integer). */
const RELEASE_NUMBER = /^[1-9][0-9]{0,8}$/;

/** What a release's file names look like: anything else (a NUL byte PostgreSQL would refuse) is no file of a release. */
const FILE_NAME = /^[a-z0-9][a-z0-9.-]{0,99}$/;

function notFound(message: string): Response {
  return new Response(`${message}\n`, { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8", "X-Content-Type-Options": "nosniff" } });
}

export async function releaseFileResponse(request: Request, number: string, name: string): Promise<Response> {
  if (!RELEASE_NUMBER.test(number)) return notFound(`"${number}" is not a release number: releases are numbered 1, 2, 3…`);
  const file = FILE_NAME.test(name) ? await getReleaseFile(getBulkSql(), Number(number), name) : null;
  if (!file) return notFound(`Release ${number} has no file ${JSON.stringify(name)}.`);
  const etag = `"sha256-${file.sha256}"`;
  const headers = {
    "Cache-Control": IMMUTABLE,
    ETag: etag,
    "Repr-Digest": `sha-256=:${Buffer.from(file.sha256, "hex").toString("base64")}:`,
    "Content-Length": String(file.bytes),
  };
  if (request.headers.get("if-none-match")?.split(/\s*,\s*/).includes(etag)) {
    await file.chunks.return(undefined);
    return new Response(null, { status: 304, headers: { "Cache-Control": IMMUTABLE, ETag: etag } });
  }
  return downloadResponse(toByteStream(file.chunks), file.contentType, `docketline-release-${number}-${name}`, headers);
}
