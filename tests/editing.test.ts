// Staff editing through lib/editing against a real database: drafts, versions and
// conflicts, the lifecycle, reverts, and the history every write leaves.
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { importDatasetText } from "@/lib/dataset/import";
import { deleteRecord, loadRecord, purgeDeletedRecords, restoreRecord, revertRecord, saveRecord, setPublication } from "@/lib/editing/records";
import type { Actor, SaveResult } from "@/lib/editing/types";

import { createTestDatabase, readFoundingDataset, snapshotTables, type TestDatabase } from "./support/database";

const ada: Actor = { userId: "user-ada", name: "Ada Editor" };
const ben: Actor = { userId: "user-ben", name: "Ben Editor" };

let database: TestDatabase;

beforeAll(async () => {
  database = await createTestDatabase();
  await importDatasetText(database.sql, await readFoundingDataset());
});

afterAll(async () => {
  await database?.drop();
});

function newFiling(id: string, overrides: Record<string, unknown> = {}) {
  return {
    id,
    lawsuit: "washington-v-united-states-2018",
    kind: "motion",
    title: `Motion ${id}`,
    dateFiled: "2018-07-09",
    summary: "The states ask for more.",
    states: [
      { jurisdiction: "WA", role: "lead", official: "bob-ferguson" },
      { jurisdiction: "NM", role: "joined", official: "hector-balderas" },
    ],
    demands: [{ text: "Reunify families.", category: "reunification", outcome: "pending" }],
    sources: [{ url: "https://example.org/motion.pdf", title: "Motion", publisher: "Court records" }],
    ...overrides,
  };
}

const sql = () => database.sql;
const ok = (result: SaveResult) => {
  if (!result.ok) throw new Error(`expected success, got ${JSON.stringify(result)}`);
  return result;
};
const revisions = (kind: string, id: string) =>
  sql()<{ version: number; action: string; actor_name: string; publication: string | null; before: unknown; after: Record<string, unknown>; reverted_from_id: string | null }[]>`
    SELECT version, action::text, actor_name, publication::text, before, after, reverted_from_id::text
    FROM revision WHERE record_kind = ${kind} AND record_id = ${id} ORDER BY id`;
const isPublic = async (table: "filing" | "lawsuit", id: string) => (await sql()`SELECT is_public FROM ${sql()(table)} WHERE id = ${id}`)[0].is_public as boolean;

describe("Importing", () => {
  it("records a published creation for every imported record, by the command line", async () => {
    const rows = await revisions("filing", "wa-v-us-2018-dkt-15");
    expect(rows).toEqual([expect.objectContaining({ version: 1, action: "create", actor_name: "Command-line import", publication: "published", before: null })]);
    expect(rows[0].after.title).toBe("States' Motion for Expedited Discovery and Regular Status Conferences");
    expect(await isPublic("filing", "wa-v-us-2018-dkt-15")).toBe(true);
  });

  it("records an update with the record before and after when a re-import changes it, and nothing when it does not", async () => {
    const text = await readFoundingDataset();
    await importDatasetText(sql(), text);
    expect(await revisions("filing", "wa-v-us-2018-dkt-1")).toHaveLength(1);

    const changed = JSON.parse(text);
    changed.filings.find((f: { id: string }) => f.id === "wa-v-us-2018-dkt-1").title = "Complaint (corrected)";
    await importDatasetText(sql(), JSON.stringify(changed));
    const rows = await revisions("filing", "wa-v-us-2018-dkt-1");
    expect(rows.map((r) => [r.version, r.action])).toEqual([[1, "create"], [2, "update"]]);
    expect((rows[1].before as { title: string }).title).not.toBe("Complaint (corrected)");
    expect(rows[1].after.title).toBe("Complaint (corrected)");
    expect((await loadRecord("filing", "wa-v-us-2018-dkt-1", sql()))!.version).toBe(2);
  });

  it("brings new records in as drafts when asked", async () => {
    const dataset = { format: "docketline/v1", courts: [], officials: [], lawsuits: [], filings: [newFiling("imported-as-draft", { lawsuit: null, kind: "letter" })] };
    await importDatasetText(sql(), JSON.stringify(dataset), { publication: "draft" });
    expect((await loadRecord("filing", "imported-as-draft", sql()))!.publication).toBe("draft");
    expect(await isPublic("filing", "imported-as-draft")).toBe(false);
  });
});

describe("Saving a record from a form", () => {
  it("creates a draft at version 1 with a revision naming the editor", async () => {
    const result = ok(await saveRecord("filing", newFiling("draft-motion-1"), { baseVersion: null, actor: ada }, sql()));
    expect(result).toEqual({ ok: true, id: "draft-motion-1", version: 1, changed: true });
    const loaded = await loadRecord("filing", "draft-motion-1", sql());
    expect(loaded).toMatchObject({ version: 1, publication: "draft", deletedAt: null });
    expect(loaded!.record.states).toHaveLength(2);
    expect(await isPublic("filing", "draft-motion-1")).toBe(false);
    expect(await revisions("filing", "draft-motion-1")).toEqual([expect.objectContaining({ action: "create", actor_name: "Ada Editor", publication: "draft" })]);
  });

  it("refuses an id already in use, naming the id field", async () => {
    const result = await saveRecord("filing", newFiling("wa-v-us-2018-dkt-15"), { baseVersion: null, actor: ada }, sql());
    expect(result).toEqual({ ok: false, reason: "invalid", problems: [{ path: ["id"], message: "is already the id of another filing" }] });
  });

  it("returns every problem with its path inside the record and writes nothing", async () => {
    const before = await snapshotTables(sql());
    const input = newFiling("bad-filing", {
      title: " ",
      states: [{ jurisdiction: "ZZ", role: "lead" }],
      sources: [{ url: "not a url", title: "x", publisher: "y" }],
      respondsTo: "no-such-filing",
    });
    const result = await saveRecord("filing", input, { baseVersion: null, actor: ada }, sql());
    expect(result.ok).toBe(false);
    const problems = (result as { problems: { path: unknown[] }[] }).problems.map((p) => p.path);
    expect(problems).toEqual(expect.arrayContaining([["title"], ["states", 0, "jurisdiction"], ["sources", 0, "url"]]));
    expect(await snapshotTables(sql())).toEqual(before);

    // References are checked once the record itself is valid.
    const dangling = await saveRecord("filing", newFiling("bad-filing", { respondsTo: "no-such-filing" }), { baseVersion: null, actor: ada }, sql());
    expect(dangling).toEqual({ ok: false, reason: "invalid", problems: [{ path: ["respondsTo"], message: "is not a filing that exists and is not deleted" }] });
    expect(await snapshotTables(sql())).toEqual(before);
  });

  it("updates with the version it was based on, and refuses a stale version with what the other editor changed", async () => {
    ok(await saveRecord("filing", newFiling("shared-motion"), { baseVersion: null, actor: ada }, sql()));
    // Both open version 1; Ada saves first.
    ok(await saveRecord("filing", newFiling("shared-motion", { summary: "Ada's summary." }), { baseVersion: 1, actor: ada }, sql()));
    const stale = await saveRecord("filing", newFiling("shared-motion", { title: "Ben's title" }), { baseVersion: 1, actor: ben }, sql());
    expect(stale.ok).toBe(false);
    if (stale.ok || stale.reason !== "conflict") throw new Error("expected a conflict");
    expect(stale.conflict.currentVersion).toBe(2);
    expect(stale.conflict.changes).toEqual([{ field: "summary", before: "The states ask for more.", after: "Ada's summary." }]);
    expect(stale.conflict.changedBy).toEqual([expect.objectContaining({ name: "Ada Editor", action: "update" })]);
    expect((await loadRecord("filing", "shared-motion", sql()))!.record.summary).toBe("Ada's summary.");

    // Ben re-applies his edit on the current version: both changes survive.
    const merged = { ...stale.conflict.current, title: "Ben's title" };
    expect(ok(await saveRecord("filing", merged, { baseVersion: 2, actor: ben }, sql())).version).toBe(3);
    expect((await loadRecord("filing", "shared-motion", sql()))!.record).toMatchObject({ title: "Ben's title", summary: "Ada's summary." });
  });

  it("reports an unchanged save without a new version or revision", async () => {
    ok(await saveRecord("court", { id: "test-court", shortName: "T. Ct.", fullName: "Test Court" }, { baseVersion: null, actor: ada }, sql()));
    const again = ok(await saveRecord("court", { id: "test-court", shortName: "T. Ct.", fullName: "Test Court" }, { baseVersion: 1, actor: ada }, sql()));
    expect(again).toEqual({ ok: true, id: "test-court", version: 1, changed: false });
    expect(await revisions("court", "test-court")).toHaveLength(1);
  });
});

describe("The lifecycle", () => {
  it("publishes a filing only once its lawsuit is public, and hides it again with its lawsuit", async () => {
    ok(await saveRecord("lawsuit", {
      id: "draft-lawsuit",
      caseName: "State of New Mexico v. Example",
      caseNameShort: "New Mexico v. Example",
      court: "wawd",
      docketNumber: "1:26-cv-00001",
      dateFiled: "2026-01",
      status: "open",
      summary: "A draft lawsuit.",
      plaintiffs: [{ jurisdiction: "NM", role: "lead" }],
    }, { baseVersion: null, actor: ada }, sql()));
    ok(await saveRecord("filing", newFiling("in-draft-lawsuit", { lawsuit: "draft-lawsuit" }), { baseVersion: null, actor: ada }, sql()));

    const early = await setPublication("filing", "in-draft-lawsuit", "published", { baseVersion: 1, actor: ada }, sql());
    expect(early).toEqual({ ok: false, reason: "refused", message: expect.stringContaining("Publish its lawsuit, New Mexico v. Example, first") });

    ok(await setPublication("lawsuit", "draft-lawsuit", "published", { baseVersion: 1, actor: ada }, sql()));
    expect(ok(await setPublication("filing", "in-draft-lawsuit", "published", { baseVersion: 1, actor: ada }, sql())).version).toBe(2);
    expect(await isPublic("filing", "in-draft-lawsuit")).toBe(true);

    ok(await setPublication("lawsuit", "draft-lawsuit", "draft", { baseVersion: 2, actor: ben }, sql()));
    expect(await isPublic("lawsuit", "draft-lawsuit")).toBe(false);
    expect(await isPublic("filing", "in-draft-lawsuit")).toBe(false);
    expect((await revisions("lawsuit", "draft-lawsuit")).map((r) => [r.action, r.publication, r.actor_name])).toEqual([
      ["create", "draft", "Ada Editor"],
      ["publish", "published", "Ada Editor"],
      ["unpublish", "draft", "Ben Editor"],
    ]);
  });

  it("deletes softly, refuses to delete a lawsuit that still has filings, and restores", async () => {
    const refusal = await deleteRecord("lawsuit", "washington-v-united-states-2018", { baseVersion: 1, actor: ada }, sql());
    expect(refusal).toEqual({ ok: false, reason: "refused", message: expect.stringMatching(/still has \d+ filings/) });

    const version = (await loadRecord("filing", "wa-v-us-2018-dkt-15", sql()))!.version;
    const deleted = ok(await deleteRecord("filing", "wa-v-us-2018-dkt-15", { baseVersion: version, actor: ada }, sql()));
    expect(await isPublic("filing", "wa-v-us-2018-dkt-15")).toBe(false);
    expect((await loadRecord("filing", "wa-v-us-2018-dkt-15", sql()))!.deletedAt).not.toBeNull();
    const edit = await saveRecord("filing", (await loadRecord("filing", "wa-v-us-2018-dkt-15", sql()))!.record, { baseVersion: deleted.version, actor: ada }, sql());
    expect(edit).toMatchObject({ ok: false, reason: "refused" });

    ok(await restoreRecord("filing", "wa-v-us-2018-dkt-15", { baseVersion: deleted.version, actor: ada }, sql()));
    expect(await isPublic("filing", "wa-v-us-2018-dkt-15")).toBe(true);
    expect((await revisions("filing", "wa-v-us-2018-dkt-15")).map((r) => r.action)).toEqual(["create", "delete", "restore"]);
  });

  it("no longer restores, and purges, what was deleted more than 30 days ago", async () => {
    ok(await saveRecord("filing", newFiling("long-gone"), { baseVersion: null, actor: ada }, sql()));
    ok(await deleteRecord("filing", "long-gone", { baseVersion: 1, actor: ada }, sql()));
    await sql()`UPDATE filing SET deleted_at = now() - interval '31 days' WHERE id = 'long-gone'`;
    const late = await restoreRecord("filing", "long-gone", { baseVersion: 2, actor: ada }, sql());
    expect(late).toMatchObject({ ok: false, reason: "refused", message: expect.stringContaining("more than 30 days ago") });

    expect((await purgeDeletedRecords(sql())).filings).toBe(1);
    expect(await loadRecord("filing", "long-gone", sql())).toBeNull();
    // The history outlives the record.
    expect((await revisions("filing", "long-gone")).map((r) => r.action)).toEqual(["create", "delete"]);
  });
});

describe("Reverting", () => {
  it("restores an earlier revision's content as a new revision that says where it came from", async () => {
    ok(await saveRecord("filing", newFiling("to-revert", { title: "First title" }), { baseVersion: null, actor: ada }, sql()));
    ok(await saveRecord("filing", newFiling("to-revert", { title: "Second title" }), { baseVersion: 1, actor: ben }, sql()));
    const [first] = await sql()<{ id: string }[]>`SELECT id::text FROM revision WHERE record_id = 'to-revert' AND version = 1`;

    const reverted = ok(await revertRecord("filing", "to-revert", first.id, { baseVersion: 2, actor: ada }, sql()));
    expect(reverted.version).toBe(3);
    expect((await loadRecord("filing", "to-revert", sql()))!.record.title).toBe("First title");
    const rows = await revisions("filing", "to-revert");
    expect(rows.map((r) => r.action)).toEqual(["create", "update", "revert"]);
    expect(rows[2].reverted_from_id).toBe(first.id);

    // A revert based on an old version is a conflict like any save.
    expect(await revertRecord("filing", "to-revert", first.id, { baseVersion: 2, actor: ben }, sql())).toMatchObject({ ok: false, reason: "conflict" });
    // Another record's revision cannot be applied here.
    expect(await revertRecord("filing", "shared-motion", first.id, { baseVersion: 3, actor: ben }, sql())).toEqual({ ok: false, reason: "not-found" });
  });
});
