// Policies, lawsuit codings and issue areas are edited like courts (lib/editing/records.ts, docs/decisions/020): a save
// is validated with the importer's schema and references, a stale version is refused
// with what changed, and every change leaves a revision.
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { importFoundingDataset } from "@/lib/dataset/founding";
import { importDatasetText } from "@/lib/dataset/import";
import { loadRecord, revertRecord, saveRecord } from "@/lib/editing/records";
import { getStaffDashboard } from "@/lib/staff/dashboard";
import type { Actor, SaveResult } from "@/lib/editing/types";

import { createTestDatabase, readFoundingDataset, snapshotTables, type TestDatabase } from "./support/database";

const ada: Actor = { userId: "user-ada", name: "Ada Editor" };
const ben: Actor = { userId: "user-ben", name: "Ben Editor" };
const POLICY = "family-separation-zero-tolerance-2018";

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
  await importFoundingDataset(database.sql);
});
afterAll(async () => database?.drop());

const ok = (result: SaveResult) => {
  if (!result.ok) throw new Error(`expected success, got ${JSON.stringify(result)}`);
  return result;
};

describe("Saving a policy from the staff form", () => {
  it("creates a policy at version 1, with a revision naming the editor", async () => {
    const created = ok(
      await saveRecord(
        "policy",
        { id: "public-charge-rule-2019", name: "Public charge rule", agencies: ["U.S. Department of Homeland Security"], dateAnnounced: "2019-08", issueAreas: ["immigration"], sources: [{ url: "https://example.org/rule", title: "The rule", publisher: "Federal Register" }] },
        { baseVersion: null, actor: ada },
        database.sql,
      ),
    );
    expect(created).toEqual({ ok: true, id: "public-charge-rule-2019", version: 1, changed: true });
    const [revision] = await database.sql`SELECT action::text AS action, actor_name, version FROM revision WHERE record_kind = 'policy' AND record_id = 'public-charge-rule-2019'`;
    expect(revision).toEqual({ action: "create", actor_name: "Ada Editor", version: 1 });
    const [derived] = await database.sql`SELECT administration_of(date_announced, date_announced_precision) AS administration FROM policy WHERE id = 'public-charge-rule-2019'`;
    expect(derived).toEqual({ administration: "trump-1" });
  });

  it("refuses an unknown issue area and a policy without sources, naming the fields, and writes nothing", async () => {
    const before = await snapshotTables(database.sql);
    const unknownArea = await saveRecord("policy", { id: "x-policy", name: "X", issueAreas: ["immigraton"], sources: [{ url: "https://example.org/x", title: "X", publisher: "X" }] }, { baseVersion: null, actor: ada }, database.sql);
    expect(unknownArea).toEqual({ ok: false, reason: "invalid", problems: [{ path: ["issueAreas", 0], message: "is not an issue area in this dataset or the vocabulary" }] });
    const noSources = await saveRecord("policy", { id: "x-policy", name: "X", sources: [] }, { baseVersion: null, actor: ada }, database.sql);
    expect(noSources).toEqual({ ok: false, reason: "invalid", problems: [{ path: ["sources"], message: "must list at least one source" }] });
    expect(await snapshotTables(database.sql)).toEqual(before);
  });

  it("updates with the version it was based on, refuses a stale version with what the other editor changed, and reverts", async () => {
    const loaded = (await loadRecord("policy", POLICY, database.sql))!;
    expect(loaded.version).toBe(1);
    const record = loaded.record as Record<string, unknown>;
    ok(await saveRecord("policy", { ...record, citation: "Memorandum of April 6, 2018" }, { baseVersion: 1, actor: ada }, database.sql));
    const stale = await saveRecord("policy", { ...record, name: "Ben's name" }, { baseVersion: 1, actor: ben }, database.sql);
    if (stale.ok || stale.reason !== "conflict") throw new Error("expected a conflict");
    expect(stale.conflict.currentVersion).toBe(2);
    expect(stale.conflict.changes).toEqual([{ field: "citation", before: null, after: "Memorandum of April 6, 2018" }]);
    expect(stale.conflict.changedBy).toEqual([expect.objectContaining({ name: "Ada Editor", action: "update" })]);

    const [first] = await database.sql<{ id: string }[]>`SELECT id::text FROM revision WHERE record_kind = 'policy' AND record_id = ${POLICY} AND version = 1`;
    const reverted = ok(await revertRecord("policy", POLICY, first.id, { baseVersion: 2, actor: ben }, database.sql));
    expect(reverted.version).toBe(3);
    expect((await loadRecord("policy", POLICY, database.sql))!.record).toEqual(record);
  });

  it("shows on the staff dashboard's recent changes, beside the codings' own", async () => {
    const { changes } = await getStaffDashboard({}, database.sql);
    expect(changes.rows[0]).toMatchObject({ kind: "policy", id: POLICY, action: "revert", actorName: "Ben Editor" });
    expect(changes.rows).toContainEqual(expect.objectContaining({ kind: "lawsuit-coding", id: "washington-v-united-states-2018", action: "create", label: "washington-v-united-states-2018" }));
  });
});

describe("Saving a lawsuit's coding from the staff form", () => {
  let plain: TestDatabase;
  const LAWSUIT = "california-v-mcaleenan-2019";
  beforeAll(async () => {
    // The founding dataset without its coding: the lawsuit is not coded yet.
    plain = await createTestDatabase();
    await importDatasetText(plain.sql, await readFoundingDataset());
  });
  afterAll(async () => plain?.drop());

  const coding = (overrides: Record<string, unknown> = {}) => ({
    lawsuit: LAWSUIT,
    issueAreas: ["immigration"],
    sources: [{ url: "https://example.org/complaint", title: "Complaint", publisher: "Court records" }],
    stateSides: [{ jurisdiction: "CA", side: "plaintiff", filing: "california-v-mcaleenan-2019-complaint" }],
    outcome: { class: "unknown" },
    ...overrides,
  });

  it("codes a lawsuit, refuses a stale version and a filing of another lawsuit with the field named, and keeps every version", async () => {
    const created = ok(await saveRecord("lawsuit-coding", coding(), { baseVersion: null, actor: ada }, plain.sql));
    expect(created).toEqual({ ok: true, id: LAWSUIT, version: 1, changed: true });
    expect((await loadRecord("lawsuit-coding", LAWSUIT, plain.sql))!.record).toMatchObject({ lawsuit: LAWSUIT, stateSides: [{ jurisdiction: "CA", side: "plaintiff" }] });

    const again = await saveRecord("lawsuit-coding", coding(), { baseVersion: null, actor: ben }, plain.sql);
    expect(again).toMatchObject({ ok: false, reason: "refused" });

    const before = await snapshotTables(plain.sql);
    const foreign = await saveRecord("lawsuit-coding", coding({ outcome: { class: "settled", decidedBy: "ms-l-v-ice-2023-settlement-approval" } }), { baseVersion: 1, actor: ada }, plain.sql);
    expect(foreign).toEqual({
      ok: false,
      reason: "invalid",
      problems: [{ path: ["outcome", "decidedBy"], message: `is a filing of another lawsuit ("ms-l-v-ice-2018"), not of "${LAWSUIT}"` }],
    });
    expect(await snapshotTables(plain.sql)).toEqual(before);

    ok(await saveRecord("lawsuit-coding", coding({ outcome: { class: "pending", sources: [{ url: "https://example.org/docket", title: "Docket", publisher: "Court records" }] } }), { baseVersion: 1, actor: ada }, plain.sql));
    const stale = await saveRecord("lawsuit-coding", coding({ issueAreas: [] , sources: [] }), { baseVersion: 1, actor: ben }, plain.sql);
    if (stale.ok || stale.reason !== "conflict") throw new Error("expected a conflict");
    expect(stale.conflict.changes.map((c) => c.field)).toEqual(["outcome"]);
    const versions = await plain.sql`SELECT version, action::text AS action FROM revision WHERE record_kind = 'lawsuit-coding' AND record_id = ${LAWSUIT} ORDER BY id`;
    expect(versions).toEqual([{ version: 1, action: "create" }, { version: 2, action: "update" }]);
  });
});

describe("Saving an issue area (admins keep the vocabulary)", () => {
  it("edits a definition with a new version and a revision, and refuses a slug already taken", async () => {
    const area = (await loadRecord("issue-area", "immigration", database.sql))!;
    expect(area.version).toBe(1);
    const definition = "Admission, detention and removal of noncitizens, asylum, and border enforcement.";
    const saved = ok(await saveRecord("issue-area", { ...area.record, definition }, { baseVersion: 1, actor: ada }, database.sql));
    expect(saved.version).toBe(2);
    expect(await database.sql`SELECT definition FROM issue_area WHERE slug = 'immigration'`).toEqual([{ definition }]);
    const taken = await saveRecord("issue-area", { slug: "immigration", label: "Again", definition: "Again." }, { baseVersion: null, actor: ada }, database.sql);
    expect(taken).toEqual({ ok: false, reason: "invalid", problems: [{ path: ["slug"], message: "is already the slug of another issue area" }] });
    const [revision] = await database.sql`SELECT action::text AS action, version FROM revision WHERE record_kind = 'issue-area' AND record_id = 'immigration'`;
    expect(revision).toEqual({ action: "update", version: 2 });
  });
});
