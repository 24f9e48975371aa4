// Staff dataset uploads against a real database: the preview finds what applying would
// do and writes nothing, computed once in the background and kept with the upload, with
// its progress; applying writes once, in history under the upload's id, and refuses when
// a record the preview saw has changed since.
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { importDatasetText } from "@/lib/dataset/import";
import { lockRecords } from "@/lib/dataset/import";
import type { Sql } from "@/lib/db/sql";
import { loadRecord, saveRecord } from "@/lib/editing/records";
import type { Actor } from "@/lib/editing/types";
import { applyUpload, getUpload, MAX_UPLOAD_BYTES, previewUploadAgain, storeUpload, type UploadView } from "@/lib/editing/upload";
import { resumeUploadPreviews } from "@/lib/editing/upload-preview";

import { createTestDatabase, readFoundingDataset, snapshotTables, type TestDatabase } from "../../tests/support/database";

const ada: Actor = { userId: "user-ada", name: "Ada Editor" };
const ben: Actor = { userId: "user-ben", name: "Ben Editor" };

let database: TestDatabase;
let founding: { filings: Record<string, unknown>[]; lawsuits: Record<string, unknown>[] } & Record<string, unknown>;
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
const startedAt = async (id: string) => (await sql()<{ at: Date | null }[]>`SELECT preview_started_at AS at FROM dataset_upload WHERE id = ${id}`)[0].at;

/** Stores a file and waits for its preview; the upload as its page then shows it. */
async function uploaded(fileName: string, content: string, publication: "draft" | "published" = "draft", actor = ada): Promise<UploadView> {
  const result = await storeUpload({ fileName, content, publication, actor }, sql());
  if (!result.ok) throw new Error(result.problems.join("\n"));
  await result.previewing;
  return (await getUpload(result.id, sql()))!;
}

/** Runs `body` while another transaction holds the lock every write of records takes, so that a preview waits. */
async function whileRecordsLocked<T>(body: () => Promise<T>): Promise<T> {
  let release!: () => void;
  let locked!: () => void;
  const isLocked = new Promise<void>((resolve) => (locked = resolve));
  const holder = sql().begin(async (tx) => {
    await lockRecords(tx as unknown as Sql);
    locked();
    await new Promise<void>((resolve) => (release = resolve));
  });
  await isLocked;
  try {
    return await body();
  } finally {
    release();
    await holder;
  }
}

async function eventually(check: () => Promise<boolean>) {
  for (let i = 0; i < 200 && !(await check()); i++) await new Promise((resolve) => setTimeout(resolve, 25));
  expect(await check()).toBe(true);
}

describe("Previewing an upload", () => {
  it("tells what would be created, updated (with the changed fields) and left unchanged, and writes no record", async () => {
    const before = await snapshotTables(sql());
    const revisions = await revisionCount();

    const view = await uploaded("changes.json", changedFile("uploaded-one", "wa-v-us-2018-dkt-1", 3));
    expect(view.status).toBe("ready");
    expect(view.progress).toEqual({ done: 5, total: 5 });
    expect(view.preview!.filings.counts).toEqual({ created: 1, updated: 1, unchanged: 3 });
    expect(view.preview!.filings.created).toEqual([{ kind: "filing", id: "uploaded-one", label: "Uploaded motion uploaded-one", fields: [] }]);
    expect(view.preview!.filings.updated).toEqual([{ kind: "filing", id: "wa-v-us-2018-dkt-1", label: "Retitled by uploaded-one", fields: ["Title"] }]);
    expect(view.preview!.lawsuits.counts).toEqual({ created: 0, updated: 0, unchanged: 0 });

    expect(await snapshotTables(sql())).toEqual(before);
    expect(await revisionCount()).toBe(revisions);
    expect(await loadRecord("filing", "uploaded-one", sql())).toBeNull();

    // The upload itself is kept, with its preview, to be applied as previewed.
    const [kept] = await sql()<{ file_name: string; publication: string; actor_name: string; applied_at: Date | null; summary: { filings: unknown }; preview_status: string }[]>`
      SELECT file_name, publication::text AS publication, actor_name, applied_at, summary, preview_status::text AS preview_status FROM dataset_upload WHERE id = ${view.id}`;
    expect(kept).toMatchObject({ file_name: "changes.json", publication: "draft", actor_name: "Ada Editor", applied_at: null, preview_status: "ready" });
    expect(kept.summary.filings).toEqual({ created: 1, updated: 1, unchanged: 3 });
  });

  it("is computed once: viewing it again reads the kept preview and runs nothing", async () => {
    const first = await uploaded("once.json", changedFile("uploaded-once", "wa-v-us-2018-dkt-1"));
    expect(first.runs).toBe(1);
    const started = await startedAt(first.id);
    const revisions = await revisionCount();

    const again = await getUpload(first.id, sql());
    const third = await getUpload(first.id, sql());
    for (const view of [again!, third!]) {
      expect(view.runs).toBe(1);
      expect(view.previewedAt).toBe(first.previewedAt);
      expect(view.preview).toEqual(first.preview);
    }
    expect(await startedAt(first.id)).toEqual(started);
    expect(await revisionCount()).toBe(revisions);
  });

  it("shows its progress while it runs, is computed by one worker however often it is viewed, and cannot be applied before it is done", async () => {
    const { id, previewing } = await whileRecordsLocked(async () => {
      const result = await storeUpload({ fileName: "waiting.json", content: changedFile("uploaded-waiting", "wa-v-us-2018-dkt-1"), publication: "draft", actor: ada }, sql());
      if (!result.ok) throw new Error(result.problems.join("\n"));
      // The worker has claimed it and waits for the records' lock: running, nothing compared yet.
      await eventually(async () => (await getUpload(result.id, sql()))!.status === "running");
      const running = (await getUpload(result.id, sql()))!;
      expect(running).toMatchObject({ status: "running", progress: { done: 0, total: 4 }, runs: 1, preview: null });
      // Views meanwhile start no second worker, here or (through the claim's lock) in another process.
      await getUpload(result.id, sql());
      const [{ free }] = await sql()<{ free: boolean }[]>`SELECT pg_try_advisory_lock(hashtextextended(${`upload-preview:${result.id}`}, 0)) AS free`;
      expect(free).toBe(false);
      expect(await applyUpload(result.id, ben, sql())).toMatchObject({ ok: false, reason: "not-previewed" });
      return result;
    });
    await previewing;
    const done = (await getUpload(id, sql()))!;
    expect(done).toMatchObject({ status: "ready", progress: { done: 4, total: 4 }, runs: 1 });
  });

  it("is computed again when its worker was stopped mid-way: on the next view, or when the server starts", async () => {
    const viewed = await uploaded("interrupted.json", changedFile("uploaded-interrupted", "wa-v-us-2018-dkt-1"));
    const started = await uploaded("restarted.json", changedFile("uploaded-restarted", "wa-v-us-2018-dkt-1"));
    // As a server killed mid-way leaves them: claimed, not finished, and no one holding the claim.
    await sql()`UPDATE dataset_upload SET preview_status = 'running', preview = NULL, preview_done = 2 WHERE id IN ${sql()([viewed.id, started.id])}`;

    const stale = await getUpload(viewed.id, sql());
    expect(stale!.status).toBe("running");
    await eventually(async () => (await getUpload(viewed.id, sql()))!.status === "ready");
    expect((await getUpload(viewed.id, sql()))!).toMatchObject({ runs: 2, preview: viewed.preview });

    await resumeUploadPreviews(sql());
    const resumed = await sql()<{ status: string; runs: number }[]>`SELECT preview_status::text AS status, preview_runs AS runs FROM dataset_upload WHERE id = ${started.id}`;
    expect(resumed).toEqual([{ status: "ready", runs: 2 }]);
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
    const result = await storeUpload({ fileName: "bad.json", content: JSON.stringify(bad), publication: "draft", actor: ada }, sql());
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

  it("reports malformed JSON with its line and column at once, and references the database cannot resolve in the preview", async () => {
    const malformed = await storeUpload({ fileName: "broken.json", content: '{\n  "format": "docketline/v1",\n  "filings": [,]\n}', publication: "draft", actor: ada }, sql());
    expect(malformed).toEqual({ ok: false, problems: [expect.stringMatching(/^Malformed JSON at line 3, column \d+/)] });

    const before = await snapshotTables(sql());
    const dangling = {
      format: "docketline/v1",
      lawsuits: [{ ...founding.lawsuits[0], id: "dangling-lawsuit", court: "no-such-court" }],
      filings: [{ ...newFiling("dangling"), lawsuit: "no-such-lawsuit", respondsTo: "no-such-filing" }],
    };
    const view = await uploaded("dangling.json", JSON.stringify(dangling));
    expect(view.status).toBe("failed");
    expect(view.preview).toBeNull();
    // Every problem of every kind, though the preview stops at the first kind with one.
    expect(view.problems).toEqual([
      expect.stringContaining('court "no-such-court"'),
      expect.stringContaining('lawsuit "no-such-lawsuit"'),
      expect.stringContaining('respondsTo "no-such-filing"'),
    ]);
    expect(await snapshotTables(sql())).toEqual(before);
    expect(await applyUpload(view.id, ben, sql())).toMatchObject({ ok: false, reason: "invalid", problems: view.problems });
    expect(await snapshotTables(sql())).toEqual(before);
  });

  it("refuses a file over the size limit, saying the limit", async () => {
    const result = await storeUpload({ fileName: "huge.json", content: " ".repeat(MAX_UPLOAD_BYTES + 1), publication: "draft", actor: ada }, sql());
    expect(result).toEqual({ ok: false, problems: [expect.stringContaining("at most 20 MB")] });
  });
});

describe("Applying an upload", () => {
  it("writes in one go as previewed, records each change under the upload, and applies only once", async () => {
    const previewed = await uploaded("apply.json", changedFile("uploaded-two", "wa-v-us-2018-dkt-15"));

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

  it("refuses after a staff edit of a previewed record since the preview, naming it, then applies once previewed again", async () => {
    const previewed = await uploaded("published.json", changedFile("uploaded-three", "wa-v-us-2018-dkt-1"), "published");
    // An editor changes one of the file's unchanged records after the preview.
    const edited = founding.filings.find((f) => f.id !== "wa-v-us-2018-dkt-1")!;
    const current = (await loadRecord("filing", edited.id as string, sql()))!;
    const saved = await saveRecord("filing", { ...current.record, summary: "Corrected by Ben after the preview." }, { baseVersion: current.version, actor: ben }, sql());
    expect(saved).toMatchObject({ ok: true });

    const before = await snapshotTables(sql());
    const refused = await applyUpload(previewed.id, ada, sql());
    expect(refused).toMatchObject({ ok: false, reason: "conflict" });
    expect((refused as { problems: string[] }).problems).toEqual([
      `The filing "${edited.id}" was changed since the preview: version ${current.version} then, version ${current.version + 1} now.`,
    ]);
    expect(await snapshotTables(sql())).toEqual(before);
    expect(await loadRecord("filing", "uploaded-three", sql())).toBeNull();

    const again = await previewUploadAgain(previewed.id, sql());
    expect(again.ok).toBe(true);
    await again.previewing;
    const fresh = (await getUpload(previewed.id, sql()))!;
    expect(fresh).toMatchObject({ status: "ready", runs: 2 });
    // The file still holds the old summary: applying it would now undo Ben's correction, and the preview says so.
    expect(fresh.preview!.filings.counts).toEqual({ created: 1, updated: 2, unchanged: 1 });

    expect(await applyUpload(previewed.id, ada, sql())).toMatchObject({ ok: true });
    expect(await loadRecord("filing", "uploaded-three", sql())).toMatchObject({ publication: "published" });
  });

  it("does not find an upload that does not exist", async () => {
    expect(await applyUpload("not-an-id", ada, sql())).toMatchObject({ ok: false, reason: "not-found" });
    expect(await applyUpload("00000000-0000-4000-8000-000000000000", ada, sql())).toMatchObject({ ok: false, reason: "not-found" });
    expect(await getUpload("00000000-0000-4000-8000-000000000000", sql())).toBeNull();
  });
});
