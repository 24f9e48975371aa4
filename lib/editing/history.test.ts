// The history as people read it: field-by-field changes with list items and words, and
// who sees which revisions (the public from the first publication on, staff everything).
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { importDatasetText } from "@/lib/dataset/import";
import { describeChanges, diffList } from "@/lib/editing/changes";
import { getRecordHistory } from "@/lib/editing/history";
import { deleteRecord, revertRecord, saveRecord, setPublication } from "@/lib/editing/records";
import type { Actor, SaveResult } from "@/lib/editing/types";

import { createTestDatabase, readFoundingDataset, type TestDatabase } from "../../tests/support/database";

const ada: Actor = { userId: "user-ada", name: "Ada Editor" };
const ben: Actor = { userId: "user-ben", name: "Ben Editor" };

function filing(id: string, overrides: Record<string, unknown> = {}) {
  return {
    id,
    lawsuit: "washington-v-united-states-2018",
    kind: "motion",
    title: `Motion ${id}`,
    dateFiled: "2018-07-09",
    summary: "The states ask the court to order the reunification of every separated family.",
    states: [
      { jurisdiction: "WA", role: "lead", official: "bob-ferguson" },
      { jurisdiction: "NM", role: "joined", official: "hector-balderas" },
    ],
    demands: [
      { text: "Reunify families.", category: "reunification", outcome: "pending" },
      { text: "Stop separations.", category: "detention", outcome: "pending" },
    ],
    sources: [{ url: "https://example.org/motion.pdf", title: "Motion", publisher: "Court records" }],
    ...overrides,
  };
}

const ok = (result: SaveResult) => {
  if (!result.ok) throw new Error(`expected success, got ${JSON.stringify(result)}`);
  return result;
};

describe("A revision's changes, field by field", () => {
  it("names states added, removed and changed by jurisdiction and role", () => {
    const items = diffList(
      "states",
      [{ jurisdiction: "WA", role: "lead" }, { jurisdiction: "NM", role: "joined" }],
      [{ jurisdiction: "NM", role: "lead" }, { jurisdiction: "CA", role: "joined" }],
    );
    expect(items).toEqual([
      { type: "changed", text: "New Mexico", details: [{ label: "role", before: "joined", after: "lead" }] },
      { type: "added", text: "California (joined)", details: [] },
      { type: "removed", text: "Washington (lead)", details: [] },
    ]);
  });

  it("numbers demands and tells an outcome change from an added demand", () => {
    const before = [
      { text: "Reunify families.", category: "reunification", outcome: "pending" },
      { text: "Stop separations.", category: "detention", outcome: "pending" },
    ];
    const after = [
      { text: "Reunify families.", category: "reunification", outcome: "pending" },
      { text: "Stop separations.", category: "detention", outcome: "granted-in-part", decidedBy: "wa-v-us-2018-dkt-15" },
      { text: "Provide counsel.", category: "counsel", outcome: "unknown" },
    ];
    expect(diffList("demands", before, after)).toEqual([
      {
        type: "changed",
        text: "Demand 2",
        details: [
          { label: "outcome", before: "pending", after: "granted in part" },
          { label: "decided by", before: null, after: "wa-v-us-2018-dkt-15" },
        ],
      },
      { type: "added", text: "Demand 3: “Provide counsel.” (counsel, unknown)", details: [] },
    ]);
    // A demand whose text was reworded is the same demand, changed, not one removed and one added.
    const reworded = diffList("demands", before.slice(0, 1), [{ ...before[0], text: "Reunify all families." }]);
    expect(reworded).toEqual([{ type: "changed", text: "Demand 1", details: [{ label: "text", before: "Reunify families.", after: "Reunify all families." }] }]);
  });

  it("says when a list only changed its order", () => {
    const a = { url: "https://example.org/a", title: "A", publisher: "P" };
    const b = { url: "https://example.org/b", title: "B", publisher: "P" };
    expect(diffList("sources", [a, b], [b, a])).toEqual([{ type: "reordered", text: "Listed in a new order", details: [] }]);
  });

  it("labels scalar fields, reads their values, and compares long text word by word", () => {
    const before = filing("x", { title: "Old title", kind: "motion", dateFiled: "2018-07" });
    const after = filing("x", {
      title: "New title",
      kind: "amicus-brief",
      dateFiled: "2018-07-02",
      summary: "The states ask the court to order the prompt reunification of every separated family.",
    });
    const changes = describeChanges("filing", before, after);
    expect(changes.map((c) => c.label)).toEqual(["Kind", "Title", "Date filed", "Summary"]);
    expect(changes[0]).toMatchObject({ type: "value", before: "Motion", after: "Amicus brief" });
    expect(changes[1]).toMatchObject({ type: "value", before: "Old title", after: "New title" });
    expect(changes[2]).toMatchObject({ type: "value", before: "July 2018", after: "2 July 2018" });
    const summary = changes[3];
    if (summary.type !== "text") throw new Error("expected a word diff");
    expect(summary.segments.filter((s) => s.type === "added").map((s) => s.text.trim())).toEqual(["prompt"]);
    expect(summary.segments.filter((s) => s.type === "removed")).toEqual([]);
    expect(summary.segments.map((s) => (s.type === "removed" ? "" : s.text)).join("")).toBe(after.summary);
  });

  it("ignores the key order jsonb gives back", () => {
    const record = filing("x");
    const reversed = (value: unknown): unknown =>
      Array.isArray(value)
        ? value.map(reversed)
        : value && typeof value === "object"
          ? Object.fromEntries(Object.entries(value).reverse().map(([k, v]) => [k, reversed(v)]))
          : value;
    const shuffled = reversed(record) as Record<string, unknown>;
    expect(Object.keys(shuffled)[0]).toBe("sources");
    expect(describeChanges("filing", shuffled, record)).toEqual([]);
    expect(describeChanges("filing", shuffled, { ...record, title: "Other" })).toHaveLength(1);
  });

  it("lists every field of a created record as new", () => {
    const changes = describeChanges("filing", null, filing("x"));
    expect(changes.find((c) => c.field === "title")).toMatchObject({ before: null, after: "Motion x" });
    expect(changes.find((c) => c.field === "states")).toMatchObject({
      type: "list",
      items: [
        { type: "added", text: "Washington (lead, official bob-ferguson)" },
        { type: "added", text: "New Mexico (joined, official hector-balderas)" },
      ],
    });
  });
});

describe("Who sees which revisions", () => {
  let database: TestDatabase;
  const sql = () => database.sql;

  beforeAll(async () => {
    database = await createTestDatabase();
    await importDatasetText(database.sql, await readFoundingDataset());
    // Created and edited as a draft by Ada, published, then edited by Ben.
    ok(await saveRecord("filing", filing("hist-motion", { title: "Draft title" }), { baseVersion: null, actor: ada }, database.sql));
    ok(await saveRecord("filing", filing("hist-motion", { title: "Second draft title" }), { baseVersion: 1, actor: ada }, database.sql));
    ok(await setPublication("filing", "hist-motion", "published", { baseVersion: 2, actor: ada }, database.sql));
    ok(await saveRecord("filing", filing("hist-motion", { title: "Published title, corrected" }), { baseVersion: 3, actor: ben }, database.sql));
  });

  afterAll(async () => {
    await database?.drop();
  });

  it("shows the public only what happened from the first publication on, newest first", async () => {
    const history = await getRecordHistory("filing", "hist-motion", { staff: false }, sql());
    expect(history).not.toBeNull();
    expect(history!.fromFirstPublication).toBe(true);
    expect(history!.revisions.map((r) => [r.version, r.action, r.actorName])).toEqual([
      [4, "update", "Ben Editor"],
      [3, "publish", "Ada Editor"],
    ]);
    expect(history!.revisions[0].changes).toEqual([{ field: "title", label: "Title", type: "value", before: "Second draft title", after: "Published title, corrected" }]);
    // The draft titles never reach the public.
    expect(JSON.stringify(history)).not.toContain("Draft title");
    expect(history!.revisions.every((r) => !r.revertible)).toBe(true);
  });

  it("shows staff every revision, and which ones can be reverted to", async () => {
    const history = await getRecordHistory("filing", "hist-motion", { staff: true }, sql());
    expect(history!.revisions.map((r) => r.action)).toEqual(["update", "publish", "update", "create"]);
    expect(history!.current).toMatchObject({ version: 4, publication: "published", deletedAt: null, isPublic: true });
    // The latest is what the record holds; the others differ from it.
    expect(history!.revisions.map((r) => r.revertible)).toEqual([false, true, true, true]);
  });

  it("hides a draft's history from the public but not from staff", async () => {
    ok(await saveRecord("filing", filing("hist-draft"), { baseVersion: null, actor: ada }, sql()));
    expect(await getRecordHistory("filing", "hist-draft", { staff: false }, sql())).toBeNull();
    expect((await getRecordHistory("filing", "hist-draft", { staff: true }, sql()))!.revisions).toHaveLength(1);
    expect(await getRecordHistory("filing", "no-such-filing", { staff: true }, sql())).toBeNull();
  });

  it("offers no revert on a deleted record, and hides it from the public", async () => {
    ok(await saveRecord("filing", filing("hist-deleted"), { baseVersion: null, actor: ada }, sql()));
    ok(await saveRecord("filing", filing("hist-deleted", { title: "Changed" }), { baseVersion: 1, actor: ada }, sql()));
    ok(await deleteRecord("filing", "hist-deleted", { baseVersion: 2, actor: ada }, sql()));
    const history = await getRecordHistory("filing", "hist-deleted", { staff: true }, sql());
    expect(history!.current!.deletedAt).not.toBeNull();
    expect(history!.revisions.map((r) => r.revertible)).toEqual([false, false, false]);
    expect(await getRecordHistory("filing", "hist-deleted", { staff: false }, sql())).toBeNull();
  });

  it("says which version a revert restored", async () => {
    ok(await saveRecord("filing", filing("hist-revert", { title: "First" }), { baseVersion: null, actor: ada }, sql()));
    ok(await saveRecord("filing", filing("hist-revert", { title: "Second" }), { baseVersion: 1, actor: ada }, sql()));
    const before = await getRecordHistory("filing", "hist-revert", { staff: true }, sql());
    const first = before!.revisions.find((r) => r.version === 1)!;
    ok(await revertRecord("filing", "hist-revert", first.id, { baseVersion: 2, actor: ben }, sql()));

    const after = await getRecordHistory("filing", "hist-revert", { staff: true }, sql());
    const [revert] = after!.revisions;
    expect(revert).toMatchObject({ action: "revert", actorName: "Ben Editor", revertedFrom: { id: first.id, version: 1, actorName: "Ada Editor" } });
    expect(revert.changes).toEqual([expect.objectContaining({ label: "Title", before: "Second", after: "First" })]);
    // The reverted-to revision now matches the record: no point reverting to it again.
    expect(after!.revisions.find((r) => r.id === first.id)!.revertible).toBe(false);
  });
});
