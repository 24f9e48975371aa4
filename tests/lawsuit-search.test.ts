// The lawsuit search behind the timeline's lawsuit field and GET /api/v1/lawsuits?q=:
// words of the caption (as prefixes, as a reader types them) or a docket number in any
// punctuation, public lawsuits only, the search document kept current by the database.
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import * as lawsuitsRoute from "@/app/api/v1/lawsuits/route";
import { LawsuitListSchema } from "@/lib/api/schema";
import { importDatasetText } from "@/lib/dataset/import";
import { listLawsuits } from "@/lib/lawsuits/queries";
import { parseLawsuitListParams } from "@/lib/lawsuits/schema";
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
  const { getBulkSql } = await import("@/lib/db/bulk");
  await getBulkSql().end({ timeout: 5 });
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

  it("answers GET /api/v1/lawsuits?q= with the matches in order and their total, and refuses other parameters", async () => {
    const get = (query: string) => (lawsuitsRoute.GET as (r: Request, c: unknown) => Promise<Response>)(new Request(`http://docketline.test/api/v1/lawsuits${query}`), { params: Promise.resolve({}) });
    const byDocket = LawsuitListSchema.parse(await (await get("?q=2%3A18-cv-00939")).json());
    expect(byDocket.data.map((l) => l.id)).toEqual(["washington-v-united-states-2018"]);
    expect(byDocket.total).toBe(1);
    expect(byDocket.links.self).toBe("http://docketline.test/api/v1/lawsuits?q=2%3A18-cv-00939");
    const several = LawsuitListSchema.parse(await (await get("?q=flores")).json());
    expect(several.data.map((l) => l.id).sort()).toEqual(["flores-v-barr-2019", "flores-v-sessions"]);
    expect(LawsuitListSchema.parse(await (await get("?q=zebra")).json())).toMatchObject({ data: [], total: 0 });
    // Without q, every lawsuit, as before.
    expect(LawsuitListSchema.parse(await (await get("")).json()).total).toBe(5);
    const refused = await get("?q=a&q=b&limit=3");
    expect(refused.status).toBe(400);
    expect(JSON.stringify(await refused.json())).toMatch(/limit is not a known parameter.*q may appear only once|q may appear only once.*limit is not a known parameter/);
    expect((await get(`?q=${"x".repeat(201)}`)).status).toBe(400);
  });

  it("pages the lawsuit list: each lawsuit once, in the list's order, with the total and the number of pages", async () => {
    for (const sort of ["filed", "name", "filings", "coalition"]) {
      const all = await listLawsuits(parseLawsuitListParams({ sort }));
      expect(all).toMatchObject({ total: 5, page: 1, pageCount: 1 });
      const pages = await Promise.all([1, 2, 3].map((page) => listLawsuits(parseLawsuitListParams({ sort, page: String(page) }), 2)));
      expect(pages.map((p) => p.lawsuits.length)).toEqual([2, 2, 1]);
      expect(pages.flatMap((p) => p.lawsuits.map((l) => l.id))).toEqual(all.lawsuits.map((l) => l.id));
      expect(pages.map((p) => [p.page, p.pageCount, p.total])).toEqual([[1, 3, 5], [2, 3, 5], [3, 3, 5]]);
    }
    const pastTheEnd = await listLawsuits(parseLawsuitListParams({ page: "4" }), 2);
    expect(pastTheEnd).toMatchObject({ lawsuits: [], total: 5, pageCount: 3 });
    const filtered = await listLawsuits(parseLawsuitListParams({ q: "flores" }), 1);
    expect(filtered).toMatchObject({ total: 2, pageCount: 2 });
  });

  it("follows an edit of the caption at once, and never finds a lawsuit that is not public", async () => {
    await database.sql`UPDATE lawsuit SET case_name_short = 'Evergreen State v. United States' WHERE id = 'washington-v-united-states-2018'`;
    expect(await idsFor("evergreen")).toEqual(["washington-v-united-states-2018"]);
    await database.sql`UPDATE lawsuit SET publication = 'draft' WHERE id = 'washington-v-united-states-2018'`;
    expect(await idsFor("evergreen")).toEqual([]);
    expect(await idsFor("2:18-cv-00939")).toEqual([]);
  });
});
