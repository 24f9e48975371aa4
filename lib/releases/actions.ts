// Making a release (npm run release): every export format of the published data, frozen
// from one snapshot, numbered one more than the last release, with each file's SHA-256,
// a content hash of them all, and a changelog against the release before
// (docs/decisions/022-citable-releases.md). All of it is written in one transaction, or
// nothing is.
import "server-only";

import type { Sql } from "@/lib/db/sql";
import { EXPORT_FORMATS, JSON_CONTENT_TYPE } from "@/lib/exports/formats";

import { changeCounts, changelogOf, recordKey, type Changelog, type KindCounts } from "./changelog";
import { datasetRecords, sha256Hex, type ReleasedRecord } from "./records";

export const MANIFEST_FILE = "manifest.json";
export const MANIFEST_LABEL = "The manifest: each file's SHA-256, the content hash, the counts and the changelog";

export interface ReleasedFile {
  name: string;
  contentType: string;
  bytes: number;
  sha256: string;
}

export interface ReleaseSummary {
  number: number;
  releasedAt: string;
  contentHash: string;
  counts: KindCounts;
  /** The release compared against; null for the first. */
  previous: { number: number; releasedAt: string; contentHash: string } | null;
  changelog: Changelog;
  files: ReleasedFile[];
  unchanged: boolean;
}

export type ReleaseOutcome =
  | { ok: true; release: ReleaseSummary }
  /** The data is the previous release's, and `force` was not given: nothing was written. */
  | { ok: false; unchangedSince: { number: number; releasedAt: string; contentHash: string } };

/** Bytes of a file sent per statement. */
const UPLOAD_SLICE_BYTES = 8 << 20;

/** Rows of release_record per INSERT: four parameters each, well under PostgreSQL's 65,535. */
const RECORD_ROWS_PER_INSERT = 5_000;

/**
 * The hash of the export files as a whole: SHA-256 of the lines `sha256sum` prints for
 * them, by name. Neither the number, the date nor the manifest is in it, so the same
 * data released twice has the same hash.
 */
export function contentHashOf(files: { name: string; sha256: string }[]): string {
  const lines = [...files].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)).map((f) => `${f.sha256}  ${f.name}\n`);
  return sha256Hex(lines.join(""));
}

async function collect(chunks: AsyncIterable<string>): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const chunk of chunks) parts.push(Buffer.from(chunk, "utf8"));
  return Buffer.concat(parts);
}

/**
 * Freezes the published data as the next release. `origin` makes the CSVs' absolute
 * links. Refuses (writing nothing) when the data is the last release's, unless `force`.
 */
export async function createRelease(sql: Sql, options: { origin: string; force?: boolean }): Promise<ReleaseOutcome> {
  return sql.begin("ISOLATION LEVEL REPEATABLE READ", async (tx) => {
    const db = tx as unknown as Sql;
    // Before the snapshot (LOCK takes none): a release made meanwhile is committed and
    // seen, and two releases at once are made one after the other, numbered in turn.
    await tx`LOCK TABLE "release" IN SHARE ROW EXCLUSIVE MODE`;
    const [last] = await tx<{ number: number; released_at: Date; content_hash: string }[]>`
      SELECT "number", "released_at", "content_hash" FROM "release" ORDER BY "number" DESC LIMIT 1`;
    const previous = last ? { number: last.number, releasedAt: last.released_at.toISOString(), contentHash: last.content_hash } : null;

    // Every format from the same snapshot, one after the other (each export holds the
    // transaction's one connection while it streams).
    const files: (ReleasedFile & { content: Buffer })[] = [];
    let records: ReleasedRecord[] = [];
    for (const format of EXPORT_FORMATS) {
      const content = await collect(format.everything(db, { origin: options.origin }));
      files.push({ name: format.file, contentType: format.contentType, bytes: content.length, sha256: sha256Hex(content), content });
      if (format.dataset) records = [...datasetRecords(content)];
    }
    const contentHash = contentHashOf(files);
    const unchanged = previous?.contentHash === contentHash;
    if (unchanged && !options.force) return { ok: false as const, unchangedSince: previous! };

    const previousRecords = new Map<string, string>();
    if (previous) {
      const rows = await tx<{ kind: string; record_id: string; sha256: string }[]>`
        SELECT "kind", "record_id", "sha256" FROM "release_record" WHERE "release_number" = ${previous.number}`;
      for (const row of rows) previousRecords.set(recordKey(row.kind, row.record_id), row.sha256);
    }
    const changelog = changelogOf(records, previousRecords);
    const counts: KindCounts = {};
    for (const r of records) counts[r.kind] = (counts[r.kind] ?? 0) + 1;

    const number = (previous?.number ?? 0) + 1;
    const [{ released_at: releasedAt }] = await tx<{ released_at: Date }[]>`
      INSERT INTO "release" ("number", "content_hash", "counts", "changes", "unchanged")
      VALUES (${number}, ${contentHash}, ${tx.json(counts)}, ${tx.json(changeCounts(changelog))}, ${unchanged})
      RETURNING "released_at"`;
    const summary: ReleaseSummary = {
      number,
      releasedAt: releasedAt.toISOString(),
      contentHash,
      counts,
      previous,
      changelog,
      files: files.map(({ name, contentType, bytes, sha256 }) => ({ name, contentType, bytes, sha256 })),
      unchanged,
    };
    const manifest = Buffer.from(JSON.stringify({ ...summary, origin: options.origin }, null, 2) + "\n", "utf8");
    const stored = [...files, { name: MANIFEST_FILE, contentType: JSON_CONTENT_TYPE, bytes: manifest.length, sha256: sha256Hex(manifest), content: manifest }];
    // Sent in slices and joined by PostgreSQL: postgres.js sends a bytea parameter as hex
    // text, and the hex of a file over 256 MB is longer than a JavaScript string can be.
    await tx`CREATE TEMPORARY TABLE "release_file_part" ("position" INTEGER NOT NULL, "part" BYTEA NOT NULL) ON COMMIT DROP`;
    for (const [position, file] of stored.entries()) {
      for (let offset = 0; offset < file.content.length; offset += UPLOAD_SLICE_BYTES) {
        await tx`INSERT INTO "release_file_part" VALUES (${offset}, ${file.content.subarray(offset, offset + UPLOAD_SLICE_BYTES)})`;
      }
      await tx`
        INSERT INTO "release_file" ("release_number", "name", "position", "content_type", "byte_size", "sha256", "content")
        SELECT ${number}, ${file.name}, ${position}, ${file.contentType}, ${file.bytes}, ${file.sha256},
               coalesce(string_agg("part", ''::bytea ORDER BY "position"), ''::bytea)
        FROM "release_file_part"`;
      await tx`TRUNCATE "release_file_part"`;
    }
    for (let i = 0; i < records.length; i += RECORD_ROWS_PER_INSERT) {
      const rows = records.slice(i, i + RECORD_ROWS_PER_INSERT).map((r) => ({ release_number: number, kind: r.kind, record_id: r.id, sha256: r.sha256 }));
      await tx`INSERT INTO "release_record" ${tx(rows)}`;
    }
    return { ok: true as const, release: summary };
  });
}
