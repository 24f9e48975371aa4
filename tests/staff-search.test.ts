// The staff pickers' lookups (lib/staff/search.ts) against a real database: the
// founding dataset, plus drafts and a deleted filing made through lib/editing as the
// staff forms make them. Expected sets come from the dataset file, never from SQL.
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { importDatasetText } from "@/lib/dataset/import";
import { db } from "@/lib/db/client";
import { deleteRecord, saveRecord } from "@/lib/editing/records";
import type { Actor } from "@/lib/editing/types";
import { looksLikeList, matchJurisdictions, parseJurisdictionList } from "@/components/staff/fields/jurisdiction-list";
import { getRecordSummaries, listDemandCategories, listOfficials, searchFilings, searchLawsuits } from "@/lib/staff/search";

import { createTestDatabase, readFoundingDataset, type TestDatabase } from "./support/database";

interface Founding {
  lawsuits: { id: string; caseNameShort: string; docketNumber: string }[];
  officials: { id: string; jurisdiction: string }[];
  filings: { id: string; lawsuit: string | null; title: string; demands: { category: string }[] }[];
}

const WASHINGTON = "washington-v-united-states-2018";
const editor: Actor = { userId: null, name: "Search test" };

let database: TestDatabase;
let founding: Founding;

const draftFiling = (id: string, lawsuit: string | null, title: string) => ({
  id,
  lawsuit,
  kind: lawsuit ? "motion" : "letter",
  title,
  dateFiled: "2030-01-15",
  summary: "A filing made for the search tests.",
  states: [{ jurisdiction: "WA", role: "lead" }],
});

async function save(kind: "filing" | "lawsuit", record: Record<string, unknown>) {
  const result = await saveRecord(kind, record, { baseVersion: null, actor: editor }, database.sql);
  if (!result.ok) throw new Error(`could not save ${record.id}: ${JSON.stringify(result)}`);
  return result;
}

beforeAll(async () => {
  database = await createTestDatabase();
  process.env.DATABASE_URL = database.url;
  const text = await readFoundingDataset();
  founding = JSON.parse(text) as Founding;
  await importDatasetText(database.sql, text);

  await save("filing", draftFiling("draft-zebra-motion-2030", WASHINGTON, "Draft Zebra Motion for Testing"));
  await save("filing", draftFiling("draft-zebra-letter-2030", null, "Draft zebra letter outside any lawsuit"));
  const doomed = await save("filing", draftFiling("deleted-zebra-motion-2030", WASHINGTON, "Deleted Zebra Motion"));
  const deleted = await deleteRecord("filing", doomed.id, { baseVersion: doomed.version, actor: editor }, database.sql);
  if (!deleted.ok) throw new Error("could not delete the test filing");
  await save("lawsuit", {
    id: "draft-zebra-v-nowhere-2030",
    caseName: "State of Zebra v. Nowhere",
    caseNameShort: "Zebra v. Nowhere",
    court: "wawd",
    docketNumber: "9:30-cv-99999",
    dateFiled: "2030-01-01",
    status: "open",
    summary: "A draft lawsuit for the search tests.",
  });
});

afterAll(async () => {
  await db.$disconnect();
  await database?.drop();
});

describe("searchFilings", () => {
  it("finds drafts by part of the title, in any case, and marks them as drafts", async () => {
    const found = await searchFilings("zebra");
    expect(found.map((f) => f.id).sort()).toEqual(["draft-zebra-letter-2030", "draft-zebra-motion-2030"]);
    expect(found.every((f) => f.draft && !f.deleted)).toBe(true);
    const motion = found.find((f) => f.id === "draft-zebra-motion-2030")!;
    expect(motion).toMatchObject({ title: "Draft Zebra Motion for Testing", date: "2030-01-15", kind: "Motion", detail: "Washington v. United States" });
  });

  it("finds published filings as published, by part of their id", async () => {
    const target = founding.filings[5];
    const found = await searchFilings(target.id.slice(0, -2));
    expect(found.map((f) => f.id)).toContain(target.id);
    expect(found.find((f) => f.id === target.id)).toMatchObject({ title: target.title, draft: false });
  });

  it("puts the filing whose id is typed exactly first", async () => {
    const target = founding.filings.find((f) => f.lawsuit === WASHINGTON)!;
    const found = await searchFilings(target.id);
    expect(found[0].id).toBe(target.id);
  });

  it("restricts to one lawsuit's filings, drafts included", async () => {
    const expected = new Set([...founding.filings.filter((f) => f.lawsuit === WASHINGTON).map((f) => f.id), "draft-zebra-motion-2030"]);
    const found = await searchFilings("", { lawsuitId: WASHINGTON, limit: 50 });
    expect(new Set(found.map((f) => f.id))).toEqual(expected);
    expect(await searchFilings("zebra", { lawsuitId: WASHINGTON })).toHaveLength(1);
  });

  it("leaves out the filing being edited", async () => {
    const found = await searchFilings("zebra", { excludeId: "draft-zebra-motion-2030" });
    expect(found.map((f) => f.id)).toEqual(["draft-zebra-letter-2030"]);
  });

  it("never offers a deleted filing, but still names one that a record refers to", async () => {
    expect((await searchFilings("deleted zebra")).map((f) => f.id)).toEqual([]);
    const { filings } = await getRecordSummaries({ filings: ["deleted-zebra-motion-2030"] });
    expect(filings["deleted-zebra-motion-2030"]).toMatchObject({ title: "Deleted Zebra Motion", deleted: true });
  });

  it("keeps to the limit", async () => {
    expect(await searchFilings("", { limit: 3 })).toHaveLength(3);
  });
});

describe("searchLawsuits", () => {
  it("finds a lawsuit by its docket number and a draft lawsuit by its caption", async () => {
    const washington = founding.lawsuits.find((l) => l.id === WASHINGTON)!;
    const byDocket = await searchLawsuits(washington.docketNumber);
    expect(byDocket.map((l) => l.id)).toEqual([WASHINGTON]);
    expect(byDocket[0]).toMatchObject({ title: washington.caseNameShort, draft: false });

    const drafts = await searchLawsuits("ZEBRA");
    expect(drafts).toHaveLength(1);
    expect(drafts[0]).toMatchObject({ id: "draft-zebra-v-nowhere-2030", title: "Zebra v. Nowhere", draft: true });
  });

  it("lists every lawsuit for an empty search, except the one excluded", async () => {
    const all = await searchLawsuits("", { excludeId: WASHINGTON });
    expect(new Set(all.map((l) => l.id))).toEqual(new Set([...founding.lawsuits.map((l) => l.id), "draft-zebra-v-nowhere-2030"].filter((id) => id !== WASHINGTON)));
  });
});

describe("reference lists", () => {
  it("lists the officials of the jurisdictions asked for", async () => {
    const officials = await listOfficials({ jurisdictions: ["NM", "WA"] });
    expect(officials.map((o) => o.id).sort()).toEqual(founding.officials.filter((o) => ["NM", "WA"].includes(o.jurisdiction)).map((o) => o.id).sort());
    expect((await listOfficials()).length).toBe(founding.officials.length);
  });

  it("lists every demand category in use, once each", async () => {
    const expected = [...new Set(founding.filings.flatMap((f) => f.demands.map((d) => d.category)))].sort();
    expect(await listDemandCategories()).toEqual(expected);
  });
});

// The jurisdiction picker's lookups need no database: the 56 jurisdictions ship with the code.
describe("the jurisdiction picker's lookups", () => {
  it("reads pasted lists of codes and names, in any case and with any separator, and names what it cannot read", () => {
    expect(parseJurisdictionList("WA, NM, CA")).toEqual({ codes: ["WA", "NM", "CA"], unknown: [] });
    expect(parseJurisdictionList("wa nm\nca;  dc")).toEqual({ codes: ["WA", "NM", "CA", "DC"], unknown: [] });
    expect(parseJurisdictionList("New Mexico and Rhode Island & Maryland")).toEqual({ codes: ["NM", "RI", "MD"], unknown: [] });
    expect(parseJurisdictionList("WA, ZZ, New Mexco, WA")).toEqual({ codes: ["WA"], unknown: ["ZZ", "New Mexco"] });
  });

  it("tells a list from the start of one name", () => {
    expect(looksLikeList("WA, NM")).toBe(true);
    expect(looksLikeList("WA NM")).toBe(true);
    expect(looksLikeList("New Mex")).toBe(false);
    expect(looksLikeList("Maryland")).toBe(false);
  });

  it("offers the exact code first, then names starting with what is typed, never one already chosen", () => {
    expect(matchJurisdictions("ne").map((j) => j.code).slice(0, 6)).toEqual(["NE", "NV", "NH", "NJ", "NM", "NY"]);
    expect(matchJurisdictions("new").map((j) => j.code)).toEqual(["NH", "NJ", "NM", "NY"]);
    expect(matchJurisdictions("new", ["NJ"]).map((j) => j.code)).toEqual(["NH", "NM", "NY"]);
    expect(matchJurisdictions("")).toHaveLength(56);
  });
});
