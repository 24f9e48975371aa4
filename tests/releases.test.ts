// `npm run release`, run as a user runs it (a child process), and its files downloaded
// through the route that serves them, against real PostgreSQL: a release holds the
// published data only, in every export format, each file with its SHA-256; unchanged
// data gets the same content hash; its dataset imports into an empty database to the
// same records; the changelog names what was added, changed and removed.
import { createHash } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { GET as releaseFile } from "@/app/(public)/data/releases/[number]/[file]/route";
import { exportDatasetText } from "@/lib/dataset/export";
import { importDatasetText } from "@/lib/dataset/import";
import type { FilingRecord } from "@/lib/dataset/schema";
import { contentFingerprint } from "@/lib/db/content-hash";
import { deleteRecord, loadRecord } from "@/lib/editing/records";
import { EXPORT_FORMATS } from "@/lib/exports/formats";
import { collectText } from "@/lib/exports/stream";

import { runScript, type Run } from "./support/cli";
import { createTestDatabase, readFoundingDataset, type TestDatabase } from "./support/database";

const ORIGIN = "https://docketline.example";

const DRAFT_ID = "release-test-draft-letter";
const ADDED_ID = "release-test-added-letter";
/** A founding filing that no other filing refers to, so that changing or removing it touches no other record. */
const CHANGED_ID = "nm-ag-2018-07-02-border-visit";
const REMOVED_ID = "flores-v-barr-2020-states-amicus";

function letter(id: string, title: string): FilingRecord {
  return {
    id,
    lawsuit: null,
    kind: "letter",
    title,
    dateFiled: "2031-05",
    summary: "A letter made up for the release tests.",
    states: [{ jurisdiction: "NM", role: "lead" }],
    demands: [{ text: "Answer.", category: "detention-conditions", outcome: "pending" }],
    sources: [{ url: "https://example.org/letter.pdf", title: "Letter", publisher: "Office of the Attorney General" }],
  } as FilingRecord;
}

function release(databaseUrl: string, args: string[] = []): Promise<Run> {
  return runScript("release.mts", args, { DATABASE_URL: databaseUrl, DOCKETLINE_PUBLIC_URL: ORIGIN }, 120_000);
}

async function download(number: number | string, file: string, headers: Record<string, string> = {}): Promise<Response> {
  const request = new Request(`${ORIGIN}/data/releases/${number}/${file}`, { headers });
  return releaseFile(request, { params: Promise.resolve({ number: String(number), file }) });
}

const sha256 = (bytes: Uint8Array | string) => createHash("sha256").update(bytes).digest("hex");

interface Manifest {
  number: number;
  contentHash: string;
  unchanged: boolean;
  previous: { number: number } | null;
  counts: Record<string, number>;
  changelog: Record<"added" | "changed" | "removed", Record<string, string[]>>;
  files: { name: string; contentType: string; bytes: number; sha256: string }[];
}

async function manifestOf(number: number): Promise<Manifest> {
  const response = await download(number, "manifest.json");
  expect(response.status).toBe(200);
  return (await response.json()) as Manifest;
}

describe("npm run release", { timeout: 240_000 }, () => {
  let source: TestDatabase;
  let target: TestDatabase;
  let founding: string;

  beforeAll(async () => {
    [source, target] = await Promise.all([createTestDatabase(), createTestDatabase()]);
    process.env.DATABASE_URL = source.url;
    founding = await readFoundingDataset();
    await importDatasetText(source.sql, founding);
    await importDatasetText(source.sql, JSON.stringify({ format: "docketline/v1", filings: [letter(DRAFT_ID, "A draft letter")] }), { publication: "draft" });
    const [draft] = await source.sql<{ publication: string }[]>`SELECT publication FROM filing WHERE id = ${DRAFT_ID}`;
    expect(draft.publication).toBe("draft");
  });
  afterAll(async () => {
    await source?.drop();
    await target?.drop();
  });

  it("freezes the published data only, in every export format, each file served with its content type, SHA-256 and immutable caching", async () => {
    const run = await release(source.url);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^Released Docketline release 1 \(\w+\.? \d+, \d{4}\): /);
    expect(run.stdout).toContain("First release: added courts: ");

    const manifest = await manifestOf(1);
    expect(manifest.number).toBe(1);
    expect(manifest.previous).toBeNull();
    expect(manifest.files.map((f) => f.name)).toEqual(EXPORT_FORMATS.map((f) => f.file));
    expect(run.stdout).toContain(`Content hash (SHA-256): ${manifest.contentHash}`);
    const published = JSON.parse(await collectText(exportDatasetText(source.sql))) as Record<string, { id: string }[]>;
    // Every array of the dataset that has records is counted, whatever the format adds later.
    const arrays = Object.entries(published).filter(([, records]) => Array.isArray(records) && records.length > 0);
    expect(manifest.counts).toEqual(Object.fromEntries(arrays.map(([kind, records]) => [kind, records.length])));
    expect(manifest.changelog.added.filings).toEqual(published.filings.map((f) => f.id).sort());

    for (const format of EXPORT_FORMATS) {
      const response = await download(1, format.file);
      expect(response.status).toBe(200);
      expect(response.headers.get("content-type")).toBe(format.contentType);
      expect(response.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
      const body = new Uint8Array(await response.arrayBuffer());
      const listed = manifest.files.find((f) => f.name === format.file)!;
      expect(sha256(body)).toBe(listed.sha256);
      expect(body.length).toBe(listed.bytes);
      expect(response.headers.get("etag")).toBe(`"sha256-${listed.sha256}"`);
      expect(response.headers.get("repr-digest")).toBe(`sha-256=:${Buffer.from(listed.sha256, "hex").toString("base64")}:`);
      expect(run.stdout).toContain(`${listed.sha256}  ${format.file}`);
      const text = new TextDecoder().decode(body);
      expect(text).not.toContain(DRAFT_ID);
      // The codebook describes the codes, with examples, not every record.
      if (format.file !== "codebook.json") expect(text).toContain(CHANGED_ID);
    }
    // The dataset is the whole public export, byte for byte: drafts left out.
    const dataset = await (await download(1, "dataset.json")).text();
    expect(dataset).toBe(await collectText(exportDatasetText(source.sql)));
    const [{ drafts }] = await source.sql<{ drafts: number }[]>`SELECT count(*)::int AS drafts FROM release_record WHERE record_id = ${DRAFT_ID}`;
    expect(drafts).toBe(0);
  });

  it("refuses a release of unchanged data, naming the last release; with --force, records one with the same content hash and an empty changelog", async () => {
    const first = await manifestOf(1);
    const refused = await release(source.url);
    expect(refused.code).toBe(1);
    expect(refused.stdout).toBe("");
    expect(refused.stderr).toMatch(/^Nothing was released: the published data has not changed since Docketline release 1 \(/);
    expect(refused.stderr).toContain(first.contentHash);
    expect(refused.stderr).toContain("npm run release -- --force");
    const [{ releases }] = await source.sql<{ releases: number }[]>`SELECT count(*)::int AS releases FROM release`;
    expect(releases).toBe(1);

    const forced = await release(source.url, ["--force"]);
    expect(forced.stderr).toBe("");
    expect(forced.code).toBe(0);
    expect(forced.stdout).toContain("Since release 1: nothing changed (--force).");
    const second = await manifestOf(2);
    expect(second.contentHash).toBe(first.contentHash);
    expect(second.files.map((f) => f.sha256)).toEqual(first.files.map((f) => f.sha256));
    expect(second.unchanged).toBe(true);
    expect(second.changelog).toEqual({ added: {}, changed: {}, removed: {} });
  });

  it("gives a dataset that imports into an empty database to the same records: it exports again byte for byte, and a release made there has the same content hash", async () => {
    const dataset = await (await download(1, "dataset.json")).text();
    await importDatasetText(target.sql, dataset);
    expect(await collectText(exportDatasetText(target.sql))).toBe(dataset);

    const run = await release(target.url);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    const [[again], [original]] = await Promise.all([
      target.sql<{ content_hash: string }[]>`SELECT content_hash FROM release WHERE number = 1`,
      source.sql<{ content_hash: string }[]>`SELECT content_hash FROM release WHERE number = 1`,
    ]);
    expect(again.content_hash).toBe(original.content_hash);
  });

  it("lists in the changelog the records added, changed and removed since the release before, by kind and id", async () => {
    const foundingFilings = (JSON.parse(founding) as { filings: FilingRecord[] }).filings;
    const changed = { ...foundingFilings.find((f) => f.id === CHANGED_ID)!, title: "A title changed after release 2" };
    await importDatasetText(source.sql, JSON.stringify({ format: "docketline/v1", filings: [changed, letter(ADDED_ID, "A letter added after release 2")] }));
    const removed = await loadRecord("filing", REMOVED_ID, source.sql);
    const deleted = await deleteRecord("filing", REMOVED_ID, { baseVersion: removed!.version, actor: { userId: null, name: "Release test" } }, source.sql);
    expect(deleted.ok).toBe(true);

    const run = await release(source.url);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("Since release 2: added filings: 1; changed filings: 1; removed filings: 1.");
    const third = await manifestOf(3);
    expect(third.previous?.number).toBe(2);
    expect(third.changelog).toEqual({ added: { filings: [ADDED_ID] }, changed: { filings: [CHANGED_ID] }, removed: { filings: [REMOVED_ID] } });
    expect(third.contentHash).not.toBe((await manifestOf(2)).contentHash);
    const dataset = await (await download(3, "dataset.json")).text();
    expect(dataset).toContain("A title changed after release 2");
    expect(dataset).not.toContain(REMOVED_ID);
    // Release 1 still holds the filing as it was: releases never change.
    expect(await (await download(1, "dataset.json")).text()).toContain(REMOVED_ID);
  });

  it("answers a release or file that does not exist with a 404 naming it, and a matching If-None-Match with a 304", async () => {
    for (const [number, file] of [["0", "dataset.json"], ["01", "dataset.json"], ["x", "dataset.json"], ["99", "dataset.json"], ["1", "nothing.csv"], ["1", "data\u0000set.json"], ["1", "../dataset.json"], ["9999999999", "dataset.json"]]) {
      const response = await download(number, file);
      expect(response.status, `${number}/${file}`).toBe(404);
      expect(await response.text()).toMatch(/release/i);
    }
    const etag = (await download(1, "filings.csv")).headers.get("etag")!;
    const cached = await download(1, "filings.csv", { "If-None-Match": etag });
    expect(cached.status).toBe(304);
  });

  it("keeps releases immutable: the database refuses to update or delete one", async () => {
    await expect(source.sql`UPDATE release SET content_hash = ${"0".repeat(64)} WHERE number = 1`).rejects.toThrow(/releases are immutable/);
    await expect(source.sql`DELETE FROM release_file WHERE release_number = 1`).rejects.toThrow(/releases are immutable/);
    await expect(source.sql`DELETE FROM release_record`).rejects.toThrow(/releases are immutable/);
  });

  it("is carried by a backup: restored into an empty database, every release and its files are there as they were", async () => {
    const restored = await createTestDatabase();
    const dir = await mkdtemp(path.join(tmpdir(), "docketline-release-backup-"));
    try {
      const file = path.join(dir, "backup.sql");
      expect((await runScript("backup.mts", [file], { DATABASE_URL: source.url })).code).toBe(0);
      const restore = await runScript("restore.mts", [file], { DATABASE_URL: restored.url });
      expect(restore.stderr).toBe("");
      expect(restore.code).toBe(0);
      const tables = ["release", "release_file", "release_record"];
      const [before, after] = await Promise.all([contentFingerprint(source.sql, { tables }), contentFingerprint(restored.sql, { tables })]);
      expect(before.tables.release_file.rows).toBe(3 * (EXPORT_FORMATS.length + 1));
      expect(after).toEqual(before);
    } finally {
      await rm(dir, { recursive: true, force: true });
      await restored.drop();
    }
  });
});
