// The staff dashboard's sections against a real database: what lands in each, and why.
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { importDatasetText } from "@/lib/dataset/import";
import { deleteRecord, saveRecord } from "@/lib/editing/records";
import type { Actor, SaveResult } from "@/lib/editing/types";
import { DASHBOARD_ROWS, getStaffDashboard } from "@/lib/staff/dashboard";

import { createTestDatabase, readFoundingDataset, type TestDatabase } from "../../tests/support/database";

const ada: Actor = { userId: "user-ada", name: "Ada Editor" };
let database: TestDatabase;
const sql = () => database.sql;

const ok = (result: SaveResult) => {
  if (!result.ok) throw new Error(`expected success, got ${JSON.stringify(result)}`);
  return result;
};

function filing(id: string, overrides: Record<string, unknown> = {}) {
  return {
    id,
    lawsuit: "washington-v-united-states-2018",
    kind: "motion",
    title: `Dashboard motion ${id}`,
    dateFiled: "2018-07-09",
    summary: "The states ask for more.",
    states: [{ jurisdiction: "WA", role: "lead" }],
    demands: [],
    sources: [{ url: "https://example.org/motion.pdf", title: "Motion", publisher: "Court records" }],
    ...overrides,
  };
}

beforeAll(async () => {
  database = await createTestDatabase();
  await importDatasetText(database.sql, await readFoundingDataset());
});

afterAll(async () => {
  await database?.drop();
});

describe("The staff dashboard", () => {
  it("lists the latest changes first, with the fields an update changed", async () => {
    ok(await saveRecord("filing", filing("dash-edited"), { baseVersion: null, actor: ada }, sql()));
    ok(await saveRecord("filing", filing("dash-edited", { title: "Dashboard motion, retitled" }), { baseVersion: 1, actor: ada }, sql()));
    const { changes } = await getStaffDashboard({}, sql());
    expect(changes.rows[0]).toMatchObject({ kind: "filing", id: "dash-edited", action: "update", actorName: "Ada Editor", label: "Dashboard motion, retitled", fields: ["Title"] });
    expect(changes.rows[1]).toMatchObject({ id: "dash-edited", action: "create", fields: [] });
    expect(changes.rows).toHaveLength(DASHBOARD_ROWS);
    expect(changes.total).toBeGreaterThan(DASHBOARD_ROWS);
    expect((await getStaffDashboard({ show: "changes" }, sql())).changes.rows.length).toBe(changes.total);
  });

  it("lists drafts that are not deleted, and deleted records with the date until which they can be restored", async () => {
    ok(await saveRecord("filing", filing("dash-draft"), { baseVersion: null, actor: ada }, sql()));
    ok(await saveRecord("filing", filing("dash-deleted"), { baseVersion: null, actor: ada }, sql()));
    ok(await deleteRecord("filing", "dash-deleted", { baseVersion: 1, actor: ada }, sql()));
    const { drafts, deleted } = await getStaffDashboard({}, sql());
    expect(drafts.rows.map((r) => r.id)).toContain("dash-draft");
    expect(drafts.rows.map((r) => r.id)).not.toContain("dash-deleted");
    const gone = deleted.rows.find((r) => r.id === "dash-deleted")!;
    expect(new Date(gone.restorableUntil).getTime() - new Date(gone.deletedAt).getTime()).toBe(30 * 86_400_000);
    expect(deleted.total).toBe(1);
  });

  it("flags missing sources, unknown and long-pending outcomes, and coalitions without a lead, saying which", async () => {
    ok(await saveRecord("filing", filing("dash-no-source", { sources: [] }), { baseVersion: null, actor: ada }, sql()));
    ok(await saveRecord("filing", filing("dash-outcomes", {
      demands: [
        { text: "One.", category: "reunification", outcome: "unknown" },
        { text: "Two.", category: "reunification", outcome: "unknown" },
        { text: "Three.", category: "reunification", outcome: "pending" },
      ],
    }), { baseVersion: null, actor: ada }, sql()));
    ok(await saveRecord("filing", filing("dash-recent-pending", { dateFiled: new Date().toISOString().slice(0, 7), demands: [{ text: "Soon.", category: "reunification", outcome: "pending" }] }), { baseVersion: null, actor: ada }, sql()));
    ok(await saveRecord("filing", filing("dash-no-lead", { states: [{ jurisdiction: "WA", role: "joined" }, { jurisdiction: "NM", role: "joined" }] }), { baseVersion: null, actor: ada }, sql()));
    ok(await saveRecord("filing", filing("dash-co-lead", { states: [{ jurisdiction: "WA", role: "co-lead" }, { jurisdiction: "NM", role: "joined" }] }), { baseVersion: null, actor: ada }, sql()));

    const { attention } = await getStaffDashboard({ show: "attention" }, sql());
    const reasons = (id: string) => attention.rows.find((r) => r.id === id)?.reasons.map((r) => ("count" in r && r.count ? `${r.type}:${r.count}` : r.type));
    expect(reasons("dash-no-source")).toEqual(["no-source"]);
    expect(reasons("dash-outcomes")).toEqual(["stale-pending:1", "unknown-outcome:2"]);
    expect(reasons("dash-recent-pending")).toBeUndefined();
    expect(reasons("dash-no-lead")).toEqual(["no-lead"]);
    expect(reasons("dash-co-lead")).toBeUndefined();
    expect(attention.counts["no-lead"]).toBeGreaterThanOrEqual(1);
    expect(attention.total).toBe(attention.rows.length);
  });
});
