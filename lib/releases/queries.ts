// Reading releases: the list on /data, one file for download (read in slices, so that
// a file of any size is served with flat memory), and the newest release holding a
// record, cited on its page.
import "server-only";

import { db } from "@/lib/db/client";
import type { Sql } from "@/lib/db/sql";
import type { Dataset } from "@/lib/dataset/schema";
import { getSiteOrigin } from "@/lib/site";

import type { Change, KindCounts } from "./changelog";
import { citeRelease } from "./citation";

export interface ReleaseListItem {
  number: number;
  releasedAt: Date;
  contentHash: string;
  counts: KindCounts;
  changes: Record<Change, KindCounts>;
  unchanged: boolean;
  files: { name: string; contentType: string; bytes: number; sha256: string }[];
}

/** Every release, the newest first, with its files (not their content). */
export async function listReleases(): Promise<ReleaseListItem[]> {
  const releases = await db.release.findMany({
    orderBy: { number: "desc" },
    select: {
      number: true,
      releasedAt: true,
      contentHash: true,
      counts: true,
      changes: true,
      unchanged: true,
      files: { orderBy: { position: "asc" }, select: { name: true, contentType: true, byteSize: true, sha256: true } },
    },
  });
  return releases.map((r) => ({
    ...r,
    counts: r.counts as KindCounts,
    changes: r.changes as Record<Change, KindCounts>,
    files: r.files.map(({ byteSize, ...file }) => ({ ...file, bytes: Number(byteSize) })),
  }));
}

/** The dataset's array a record kind is kept under in release_record. */
type ReleasedKind = keyof Omit<Dataset, "format" | "title" | "description">;

/** The newest release whose dataset holds the record, or null when none does yet. */
export async function getNewestReleaseHolding(kind: ReleasedKind, id: string): Promise<{ number: number; releasedAt: Date } | null> {
  const row = await db.releaseRecord.findFirst({
    where: { kind, recordId: id },
    orderBy: { releaseNumber: "desc" },
    select: { release: { select: { number: true, releasedAt: true } } },
  });
  return row?.release ?? null;
}

/**
 * The citation of a record in the newest release holding it ("Docketline release 3 (Dec.
 * 3, 2026), record …, https://…/data/releases/3/dataset.json"), for the "Cite this" of
 * its page beside the live citation; null when no release holds it yet.
 */
export async function getReleaseCitation(kind: ReleasedKind, id: string): Promise<string | null> {
  const [release, origin] = await Promise.all([getNewestReleaseHolding(kind, id), getSiteOrigin()]);
  return release ? citeRelease(release, origin, id) : null;
}

export interface ReleaseFileDownload {
  contentType: string;
  bytes: number;
  sha256: string;
  /** The content, `slice` bytes per read. */
  chunks: AsyncGenerator<Uint8Array>;
}

/** Bytes read per statement while a file is downloaded. */
const SLICE_BYTES = 1 << 20;

/** One file of a release, or null when the release or the file does not exist. */
export async function getReleaseFile(sql: Sql, number: number, name: string): Promise<ReleaseFileDownload | null> {
  const [file] = await sql<{ content_type: string; byte_size: string; sha256: string }[]>`
    SELECT "content_type", "byte_size", "sha256" FROM "release_file" WHERE "release_number" = ${number} AND "name" = ${name}`;
  if (!file) return null;
  const bytes = Number(file.byte_size);
  async function* chunks(): AsyncGenerator<Uint8Array> {
    for (let offset = 0; offset < bytes; offset += SLICE_BYTES) {
      // substring counts from 1. The row never changes, so slices read apart agree.
      const [slice] = await sql<{ part: Buffer }[]>`
        SELECT substring("content" FROM ${offset + 1} FOR ${SLICE_BYTES}) AS "part"
        FROM "release_file" WHERE "release_number" = ${number} AND "name" = ${name}`;
      yield new Uint8Array(slice.part);
    }
  }
  return { contentType: file.content_type, bytes, sha256: file.sha256, chunks: chunks() };
}
