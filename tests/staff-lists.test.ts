// The staff lists of lawsuits, officials and courts (lib/lawsuits/staff-queries.ts,
// lib/staff/reference-data.ts) and the save answer of their forms (lib/staff/record-save.ts)
// against a real database: the founding dataset, plus drafts, a deleted lawsuit and new
// reference data made through lib/editing as the staff forms make them. Expected sets
// come from the dataset file, never from SQL.
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { importDatasetText } from "@/lib/dataset/import";
import { comparePartialDates } from "@/lib/dates/partial-date";
import { db } from "@/lib/db/client";
import { deleteRecord, saveRecord, setPublication } from "@/lib/editing/records";
import type { Actor } from "@/lib/editing/types";
import { getLawsuitStatusForStaff, listLawsuitFilingsForStaff, listLawsuitsForStaff } from "@/lib/lawsuits/staff-queries";
import { STAFF_LIST_PAGE_SIZE, StaffRecordListParamsSchema } from "@/lib/staff/lists";
import { RecordSavePayloadSchema, savedResponse } from "@/lib/staff/record-save";
import { CourtListParamsSchema, listCourtsForStaff, listOfficialsForStaff, OfficialListParamsSchema } from "@/lib/staff/reference-data";

import { createTestDatabase, readFoundingDataset, type TestDatabase } from "./support/database";

interface Founding {
  courts: { id: string; shortName: string }[];
  officials: { id: string; name: string; jurisdiction: string }[];
  lawsuits: { id: string; caseNameShort: string; docketNumber: string; court: string }[];
  filings: { id: string; lawsuit: string | null; title: string }[];
}

const editor: Actor = { userId: null, name: "Lists test" };
const WASHINGTON = "washington-v-united-states-2018";

let database: TestDatabase;
let founding: Founding;

const lawsuit = (id: string, caseNameShort: string) => ({
  id,
  caseName: `${caseNameShort}, in full`,
  caseNameShort,
  court: "wawd",
  docketNumber: `9:30-cv-${id.length.toString().padStart(5, "0")}`,
  dateFiled: "2030-02",
  status: "open",
  summary: "A lawsuit made for the list tests.",
  plaintiffs: [{ jurisdiction: "OR", role: "lead" }],
});

async function save(kind: "lawsuit" | "official" | "court", record: Record<string, unknown>) {
  const result = await saveRecord(kind, record, { baseVersion: null, actor: editor }, database.sql);
  if (!result.ok) throw new Error(`could not save ${record.id}: ${JSON.stringify(result)}`);
  return result;
}

const lawsuitParams = (query: Record<string, string>) => StaffRecordListParamsSchema.parse(query);
const ids = (rows: { id: string }[]) => rows.map((row) => row.id).sort();

beforeAll(async () => {
  database = await createTestDatabase();
  process.env.DATABASE_URL = database.url;
  const text = await readFoundingDataset();
  founding = JSON.parse(text) as Founding;
  await importDatasetText(database.sql, text);

  await save("lawsuit", lawsuit("quokka-v-draft-2030", "Quokka v. Draft"));
  const published = await save("lawsuit", lawsuit("quokka-v-published-2030", "Quokka v. Published"));
  const publishedNow = await setPublication("lawsuit", published.id, "published", { baseVersion: published.version, actor: editor }, database.sql);
  if (!publishedNow.ok) throw new Error("could not publish the test lawsuit");
  const doomed = await save("lawsuit", lawsuit("quokka-v-deleted-2030", "Quokka v. Deleted"));
  const deleted = await deleteRecord("lawsuit", doomed.id, { baseVersion: doomed.version, actor: editor }, database.sql);
  if (!deleted.ok) throw new Error("could not delete the test lawsuit");

  await save("court", { id: "quokkad", shortName: "D. Quokka", fullName: "United States District Court for the District of Quokka" });
  await save("official", { id: "quinn-quokka", name: "Quinn Quokka", office: "Attorney General", jurisdiction: "OR", termStart: "2029" });
});

afterAll(async () => {
  await db.$disconnect();
  await database?.drop();
});

describe("listLawsuitsForStaff", () => {
  it("lists drafts and published lawsuits but not deleted ones by default", async () => {
    const { lawsuits, total } = await listLawsuitsForStaff(lawsuitParams({}));
    const expected = [...founding.lawsuits.map((l) => l.id), "quokka-v-draft-2030", "quokka-v-published-2030"].sort();
    expect(ids(lawsuits)).toEqual(expected);
    expect(total).toBe(expected.length);
  });

  it("shows one lifecycle state at a time: drafts, published or deleted", async () => {
    expect(ids((await listLawsuitsForStaff(lawsuitParams({ q: "quokka", show: "draft" }))).lawsuits)).toEqual(["quokka-v-draft-2030"]);
    expect(ids((await listLawsuitsForStaff(lawsuitParams({ q: "quokka", show: "published" }))).lawsuits)).toEqual(["quokka-v-published-2030"]);
    const deleted = (await listLawsuitsForStaff(lawsuitParams({ show: "deleted" }))).lawsuits;
    expect(ids(deleted)).toEqual(["quokka-v-deleted-2030"]);
    expect(deleted[0].deletedAt).not.toBeNull();
  });

  it("says which lawsuits the public sees", async () => {
    const { lawsuits } = await listLawsuitsForStaff(lawsuitParams({ q: "quokka v" }));
    const byId = Object.fromEntries(lawsuits.map((l) => [l.id, l]));
    expect(byId["quokka-v-draft-2030"]).toMatchObject({ publication: "draft", isPublic: false, dateFiled: "2030-02" });
    expect(byId["quokka-v-published-2030"]).toMatchObject({ publication: "published", isPublic: true });
  });

  it("finds a lawsuit by its docket number and by part of its caption, in any case", async () => {
    const washington = founding.lawsuits.find((l) => l.id === WASHINGTON)!;
    expect(ids((await listLawsuitsForStaff(lawsuitParams({ q: washington.docketNumber }))).lawsuits)).toEqual([WASHINGTON]);
    expect(ids((await listLawsuitsForStaff(lawsuitParams({ q: washington.caseNameShort.toUpperCase() }))).lawsuits)).toContain(WASHINGTON);
  });

  it("falls back to the first page and every live lawsuit on parameters that do not parse", async () => {
    const params = lawsuitParams({ show: "everything", page: "-3" });
    expect(params).toMatchObject({ show: "all", page: 1 });
    const page = await listLawsuitsForStaff(params);
    expect(page.page).toBe(1);
    expect(page.pageCount).toBe(Math.max(1, Math.ceil(page.total / STAFF_LIST_PAGE_SIZE)));
  });

  it("answers a page past the end with no rows", async () => {
    const page = await listLawsuitsForStaff(lawsuitParams({ page: "99" }));
    expect(page.lawsuits).toEqual([]);
    expect(page.total).toBeGreaterThan(0);
  });
});

describe("listLawsuitFilingsForStaff and getLawsuitStatusForStaff", () => {
  it("lists every filing of a lawsuit in docket order", async () => {
    const filings = await listLawsuitFilingsForStaff(WASHINGTON);
    expect(ids(filings)).toEqual(founding.filings.filter((f) => f.lawsuit === WASHINGTON).map((f) => f.id).sort());
    const dates = filings.map((f) => f.dateFiled);
    expect(dates.every((date, i) => i === 0 || comparePartialDates(dates[i - 1], date) <= 0)).toBe(true);
  });

  it("gives a lawsuit's lifecycle and its last change", async () => {
    const status = await getLawsuitStatusForStaff("quokka-v-published-2030");
    expect(status).toMatchObject({ publication: "published", isPublic: true, deletedAt: null, version: 2, lastChange: { name: "Lists test", action: "publish" } });
    expect(await getLawsuitStatusForStaff("no-such-lawsuit")).toBeNull();
  });
});

describe("listOfficialsForStaff and listCourtsForStaff", () => {
  it("lists every official, and those of one jurisdiction", async () => {
    const all = await listOfficialsForStaff(OfficialListParamsSchema.parse({}));
    expect(ids(all.officials)).toEqual([...founding.officials.map((o) => o.id), "quinn-quokka"].sort());
    const oregon = await listOfficialsForStaff(OfficialListParamsSchema.parse({ jurisdiction: "OR" }));
    expect(ids(oregon.officials)).toEqual([...founding.officials.filter((o) => o.jurisdiction === "OR").map((o) => o.id), "quinn-quokka"].sort());
    expect(oregon.officials.find((o) => o.id === "quinn-quokka")).toMatchObject({ jurisdiction: { code: "OR", name: "Oregon" }, termStart: "2029", termEnd: null });
  });

  it("finds officials by part of their name, and ignores a jurisdiction that does not exist", async () => {
    const someone = founding.officials[0];
    const found = await listOfficialsForStaff(OfficialListParamsSchema.parse({ q: someone.name.split(" ").at(-1)!.toLowerCase(), jurisdiction: "ZZ" }));
    expect(ids(found.officials)).toContain(someone.id);
  });

  it("lists courts with how many lawsuits each has, and finds one by its abbreviation", async () => {
    const courts = await listCourtsForStaff(CourtListParamsSchema.parse({}));
    expect(ids(courts)).toEqual([...founding.courts.map((c) => c.id), "quokkad"].sort());
    const wawd = courts.find((c) => c.id === "wawd")!;
    // Deleted and draft lawsuits are still in the court.
    expect(wawd.lawsuitCount).toBe(founding.lawsuits.filter((l) => l.court === "wawd").length + 3);
    expect(ids(await listCourtsForStaff(CourtListParamsSchema.parse({ q: "d. quokka" })))).toEqual(["quokkad"]);
  });
});

describe("savedResponse", () => {
  it("answers a save with the record as now stored and its version", async () => {
    const result = await saveRecord("official", { id: "quinn-quokka", name: "Quinn Q. Quokka", office: "Attorney General", jurisdiction: "OR", termStart: "2029" }, { baseVersion: 1, actor: editor }, database.sql);
    const response = await savedResponse("official", result);
    expect(response).toEqual({ ok: true, id: "quinn-quokka", version: 2, changed: true, record: { id: "quinn-quokka", name: "Quinn Q. Quokka", office: "Attorney General", jurisdiction: "OR", termStart: "2029" } });
  });

  it("passes a conflict on with what the current version refers to", async () => {
    const result = await saveRecord("court", { id: "quokkad", shortName: "D. Quok.", fullName: "United States District Court for the District of Quokka" }, { baseVersion: 7, actor: editor }, database.sql);
    const response = await savedResponse("court", result, async (current) => ({ seen: current.id }));
    expect(response).toMatchObject({ ok: false, reason: "conflict", conflict: { currentVersion: 1 }, references: { seen: "quokkad" } });
  });

  it("names the record kind when the record is gone", async () => {
    const response = await savedResponse("court", { ok: false, reason: "not-found" });
    expect(response).toMatchObject({ ok: false, reason: "not-found", message: expect.stringContaining("court") });
  });

  it("refuses a payload that is not a record with a version", () => {
    expect(RecordSavePayloadSchema.safeParse({ record: "x", baseVersion: null }).success).toBe(false);
    expect(RecordSavePayloadSchema.safeParse({ record: {}, baseVersion: 0 }).success).toBe(false);
    expect(RecordSavePayloadSchema.safeParse({ record: {}, baseVersion: null, extra: 1 }).success).toBe(false);
    expect(RecordSavePayloadSchema.safeParse({ record: { id: "x" }, baseVersion: 3 }).success).toBe(true);
  });
});
