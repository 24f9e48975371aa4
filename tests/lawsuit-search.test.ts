// The lawsuit search behind the timeline's lawsuit field and GET /api/v1/lawsuits?q=:
// words of the caption (as prefixes, as a reader types them) or a docket number in any
// punctuation, public lawsuits only, the search document kept current by the database.
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { importDatasetText } from "@/lib/dataset/import";
import { searchLawsuits } from "@/lib/lawsuits/search";

import { createTestDatabase, readFoundingDataset, type TestDatabase } from "./support/database";

let database: TestDatabase;

beforeAll(async () => {
  database = await createTestDatabase();
  process.env.DATABASE_URL = database.url;
  await importDatasetText(database.sql, await readFoundingDataset());
});

afterAll(async () => {
  const { db } = await import("@/lib/db/client");
  await db.$disconnect();
  await database.drop();
});

const idsFor = async (text: string) => (await searchLawsuits(text)).matches.map((m) => m.id);

describe("Searching lawsuits", () => {
  it("finds a lawsuit by words of its short or full caption, typed in part and in any case", async () => {
    expect(await idsFor("Washington")).toEqual(["washington-v-united-states-2018"]);
    expect(await idsFor("washing v. unit")).toEqual(["washington-v-united-states-2018"]);
    // "McAleenan" is only in the captions; "Kevin" only in the full caption.
    expect(await idsFor("mcalee")).toEqual(["california-v-mcaleenan-2019"]);
    expect(await idsFor("Kevin")).toEqual(["california-v-mcaleenan-2019"]);
  });

  it("offers every lawsuit that matches, with their number, when the words fit several", async () => {
    const result = await searchLawsuits("Flores");
    expect(result.total).toBe(2);
    expect(result.matches.map((m) => m.id).sort()).toEqual(["flores-v-barr-2019", "flores-v-sessions"]);
    expect(result.matches[0]).toMatchObject({ caseNameShort: expect.stringMatching(/^Flores v\./), court: expect.any(String), docketNumber: expect.any(String) });
    const bounded = await searchLawsuits("Flores", 1);
    expect(bounded.matches).toHaveLength(1);
    expect(bounded.total).toBe(2);
  });

  it("finds a lawsuit by its docket number, whole, in part, without its division or with other punctuation", async () => {
    expect(await idsFor("2:18-cv-00939-MJP")).toEqual(["washington-v-united-states-2018"]);
    expect(await idsFor("2:18-cv-00939")).toEqual(["washington-v-united-states-2018"]);
    expect(await idsFor("18-cv-00939")).toEqual(["washington-v-united-states-2018"]);
    expect(await idsFor("2 18 CV 00939")).toEqual(["washington-v-united-states-2018"]);
    expect(await idsFor("19-56326")).toEqual(["flores-v-barr-2019"]);
    expect(await idsFor("CV 85-4544")).toEqual(["flores-v-sessions"]);
  });

  it("finds nothing for words no caption has, for a docket number no lawsuit has, and for punctuation alone", async () => {
    expect(await searchLawsuits("zebra")).toEqual({ matches: [], total: 0 });
    expect(await searchLawsuits("Washington zebra")).toEqual({ matches: [], total: 0 });
    expect(await searchLawsuits("4:99-cv-12345")).toEqual({ matches: [], total: 0 });
    expect(await searchLawsuits(" & | ! :* ( ) ' ")).toEqual({ matches: [], total: 0 });
  });

  it("follows an edit of the caption at once, and never finds a lawsuit that is not public", async () => {
    await database.sql`UPDATE lawsuit SET case_name_short = 'Evergreen State v. United States' WHERE id = 'washington-v-united-states-2018'`;
    expect(await idsFor("evergreen")).toEqual(["washington-v-united-states-2018"]);
    await database.sql`UPDATE lawsuit SET publication = 'draft' WHERE id = 'washington-v-united-states-2018'`;
    expect(await idsFor("evergreen")).toEqual([]);
    expect(await idsFor("2:18-cv-00939")).toEqual([]);
  });
});
