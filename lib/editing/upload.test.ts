// Staff dataset uploads against a real database: the preview finds what applying would
// do and writes nothing; applying writes once, in history under the upload's id.
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { importDatasetText } from "@/lib/dataset/import";
import { loadRecord } from "@/lib/editing/records";
import type { Actor } from "@/lib/editing/types";
import { applyUpload, getUpload, MAX_UPLOAD_BYTES, previewUpload } from "@/lib/editing/upload";

import { createTestDatabase, readFoundingDataset, snapshotTables, type TestDatabase } from "../../tests/support/database";

const ada: Actor = { userId: "user-ada", name: "Ada Editor" };
const ben: Actor = { userId: "user-ben", name: "Ben Editor" };

let database: TestDatabase;
let founding: { filings: Record<string, unknown>[] } & Record<string, unknown>;
const sql = () => database.sql;

beforeAll(async () => {
  database = await createTestDatabase();
  const text = await readFoundingDataset();
  await importDatasetText(database.sql, text);
  founding = JSON.parse(text);
});

afterAll(async () => {
  await database?.drop();
});

function newFiling(id: string) {
  return {
    id,
    lawsuit: "washington-v-united-states-2018",
    kind: "motion",
    title: `Uploaded motion ${id}`,
    dateFiled: "2018-07-20",
    summary: "The states ask for a status report.",
    states: [{ jurisdiction: "WA", role: "lead" }],
    demands: [],
    sources: [{ url: "https://example.org/uploaded.pdf", title: "Motion", publisher: "Court records" }],
  };
}

/** A file with one new filing, one existing filing retitled, and `unchanged` existing filings as they are. */
function changedFile(newId: string, retitled: string, unchanged = 2) {
  const existing = founding.filings.filter((f) => f.id !== retitled).slice(0, unchanged);
  const changed = { ...founding.filings.find((f) => f.id === retitled)!, title: `Retitled by ${newId}` };
  return JSON.stringify({ format: "docketline/v1", filings: [newFiling(newId), changed, ...existing] }, null, 2);
}

const revisionCount = async () => (await sql()<{ n: number }[]>`SELECT count(*)::int AS n FROM revision`)[0].n;
const uploadCount = async () => (await sql()<{ n: number }[]>`SELECT count(*)::int AS n FROM dataset_upload`)[0].n;

describe("Previewing an upload", () => {
  it("tells what would be created, updated (with the changed fields) and left unchanged, and writes no record", async () => {
    const before = await snapshotTables(sql());
    const revisions = await revisionCount();

    const result = await previewUpload({ fileName: "changes.json", content: changedFile("uploaded-one", "wa-v-us-2018-dkt-1", 3), publication: "draft", actor: ada }, sql());
    if (!result.ok) throw new Error(result.problems.join("\n"));

    expect(result.preview.filings.counts).toEqual({ created: 1, updated: 1, unchanged: 3 });
    expect(result.preview.filings.created).toEqual([{ kind: "filing", id: "uploaded-one", label: "Uploaded motion uploaded-one", fields: [] }]);
    expect(result.preview.filings.updated).toEqual([{ kind: "filing", id: "wa-v-us-2018-dkt-1", label: "Retitled by uploaded-one", fields: ["Title"] }]);
    expect(result.preview.lawsuits.counts).toEqual({ created: 0, updated: 0, unchanged: 0 });

    expect(await snapshotTables(sql())).toEqual(before);
    expect(await revisionCount()).toBe(revisions);
    expect(await loadRecord("filing", "uploaded-one", sql())).toBeNull();

    // The upload itself is kept, to be applied as previewed.
    const [kept] = await sql()<{ file_name: string; publication: string; actor_name: string; applied_at: Date | null; summary: { filings: unknown } }[]>`
      SELECT file_name, publication::text AS publication, actor_name, applied_at, summary FROM dataset_upload WHERE id = ${result.id}`;
    expect(kept).toMatchObject({ file_name: "changes.json", publication: "draft", actor_name: "Ada Editor", applied_at: null });
    expect(kept.summary.filings).toEqual({ created: 1, updated: 1, unchanged: 3 });
  });

  it("lists every problem of an invalid file, keeps nothing and writes nothing", async () => {
    const before = await snapshotTables(sql());
    const uploads = await uploadCount();
    const bad = {
      format: "docketline/v1",
      filings: [
        { ...newFiling("bad-one"), title: " ", states: [{ jurisdiction: "ZZ", role: "lead" }] },
        { ...newFiling("bad-two"), dateFiled: "2018-13-01" },
      ],
    };
    const result = await previewUpload({ fileName: "bad.json", content: JSON.stringify(bad), publication: "draft", actor: ada }, sql());
    expect(result.ok).toBe(false);
    const problems = (result as { problems: string[] }).problems;
    expect(problems).toHaveLength(3);
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^filings\[0\] "bad-one": title .*must not be empty/),
        expect.stringMatching(/^filings\[0\] "bad-one": states\[0\]\.jurisdiction "ZZ" is not a known jurisdiction/),
        expect.stringMatching(/^filings\[1\] "bad-two": dateFiled "2018-13-01"/),
      ]),
    );
    expect(await uploadCount()).toBe(uploads);
    expect(await snapshotTables(sql())).toEqual(before);
  });

  it("reports malformed JSON with its line and column, and references the database cannot resolve", async () => {
    const malformed = await previewUpload({ fileName: "broken.json", content: '{\n  "format": "docketline/v1",\n  "filings": [,]\n}', publication: "draft", actor: ada }, sql());
    expect(malformed).toEqual({ ok: false, problems: [expect.stringMatching(/^Malformed JSON at line 3, column \d+/)] });

    const dangling = { format: "docketline/v1", filings: [{ ...newFiling("dangling"), lawsuit: "no-such-lawsuit", respondsTo: "no-such-filing" }] };
    const result = await previewUpload({ fileName: "dangling.json", content: JSON.stringify(dangling), publication: "draft", actor: ada }, sql());
    expect(result.ok).toBe(false);
    expect((result as { problems: string[] }).problems).toEqual([
      expect.stringContaining('lawsuit "no-such-lawsuit"'),
      expect.stringContaining('respondsTo "no-such-filing"'),
    ]);
  });

  it("refuses a file over the size limit, saying the limit", async () => {
    const result = await previewUpload({ fileName: "huge.json", content: " ".repeat(MAX_UPLOAD_BYTES + 1), publication: "draft", actor: ada }, sql());
    expect(result).toEqual({ ok: false, problems: [expect.stringContaining("at most 20 MB")] });
  });
});

describe("Applying an upload", () => {
  it("writes in one go as previewed, records each change under the upload, and applies only once", async () => {
    const previewed = await previewUpload({ fileName: "apply.json", content: changedFile("uploaded-two", "wa-v-us-2018-dkt-15"), publication: "draft", actor: ada }, sql());
    if (!previewed.ok) throw new Error(previewed.problems.join("\n"));

    // Ben applies what Ada uploaded.
    const applied = await applyUpload(previewed.id, ben, sql());
    expect(applied).toMatchObject({ ok: true, summary: { filings: { created: 1, updated: 1, unchanged: 2 } } });

    const created = await loadRecord("filing", "uploaded-two", sql());
    expect(created).toMatchObject({ publication: "draft", version: 1 });
    const updated = await loadRecord("filing", "wa-v-us-2018-dkt-15", sql());
    expect(updated).toMatchObject({ publication: "published", record: { title: "Retitled by uploaded-two" } });

    const revisions = await sql()<{ record_id: string; action: string; actor_name: string }[]>`
      SELECT record_id, action::text AS action, actor_name FROM revision WHERE upload_id = ${previewed.id} ORDER BY record_id`;
    expect(revisions).toEqual([
      { record_id: "uploaded-two", action: "create", actor_name: "Ben Editor" },
      { record_id: "wa-v-us-2018-dkt-15", action: "update", actor_name: "Ben Editor" },
    ]);

    const view = await getUpload(previewed.id, sql());
    expect(view!.appliedAt).not.toBeNull();
    expect(view!.preview!.filings.created.map((r) => r.id)).toEqual(["uploaded-two"]);
    expect(view!.preview!.filings.updated).toEqual([expect.objectContaining({ id: "wa-v-us-2018-dkt-15", fields: ["Title"] })]);

    const before = await snapshotTables(sql());
    const again = await applyUpload(previewed.id, ada, sql());
    expect(again).toMatchObject({ ok: false, reason: "already-applied" });
    expect(await snapshotTables(sql())).toEqual(before);
  });

  it("publishes new records when the uploader chose so, and previews again against the database as it is now", async () => {
    const previewed = await previewUpload({ fileName: "published.json", content: changedFile("uploaded-three", "wa-v-us-2018-dkt-1"), publication: "published", actor: ada }, sql());
    if (!previewed.ok) throw new Error(previewed.problems.join("\n"));
    // Someone imports the same retitling before the upload is applied: it no longer updates that filing.
    const sameChange = JSON.parse(changedFile("uploaded-three", "wa-v-us-2018-dkt-1"));
    sameChange.filings = sameChange.filings.filter((f: { id: string }) => f.id !== "uploaded-three");
    await importDatasetText(sql(), JSON.stringify(sameChange));
    const fresh = await getUpload(previewed.id, sql());
    expect(fresh!.preview!.filings.counts).toEqual({ created: 1, updated: 0, unchanged: 3 });

    expect(await applyUpload(previewed.id, ada, sql())).toMatchObject({ ok: true });
    expect(await loadRecord("filing", "uploaded-three", sql())).toMatchObject({ publication: "published" });
  });

  it("does not find an upload that does not exist", async () => {
    expect(await applyUpload("not-an-id", ada, sql())).toMatchObject({ ok: false, reason: "not-found" });
    expect(await applyUpload("00000000-0000-4000-8000-000000000000", ada, sql())).toMatchObject({ ok: false, reason: "not-found" });
    expect(await getUpload("00000000-0000-4000-8000-000000000000", sql())).toBeNull();
  });
});
