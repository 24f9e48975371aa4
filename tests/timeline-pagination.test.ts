// Keyset pagination of the timeline over a generated dataset: walking the "next" links
// visits every filing once, in order; walking back with "previous" gives the same pages.
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { comparePartialDates } from "@/lib/dates/partial-date";
import { generateDataset } from "@/lib/dataset/generate";
import { importDataset } from "@/lib/dataset/import";
import { validateDataset } from "@/lib/dataset/validate";
import { FilterSchema, type Filter } from "@/lib/filters/schema";
import { getTimelinePage, listFilingIds } from "@/lib/timeline/queries";

import { createTestDatabase, type TestDatabase } from "./support/database";

const dataset = validateDataset(generateDataset({ filings: 230, seed: 7 }));
let database: TestDatabase;

beforeAll(async () => {
  database = await createTestDatabase();
  process.env.DATABASE_URL = database.url;
  await importDataset(database.sql, dataset);
});

afterAll(async () => {
  const { db } = await import("@/lib/db/client");
  await db.$disconnect();
  await database.drop();
});

/** The oracle: the dataset's own filings in timeline order (date, wider period first, id). */
function expectedOrder(filter: (f: (typeof dataset.filings)[number]) => boolean, newestFirst: boolean): string[] {
  const byCodeUnit = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  const sorted = dataset.filings.filter(filter).sort((a, b) => comparePartialDates(a.dateFiled, b.dateFiled) || byCodeUnit(a.id, b.id));
  return (newestFirst ? sorted.reverse() : sorted).map((f) => f.id);
}

async function walk(filter: Filter, pageSize: number) {
  const forward: string[][] = [];
  let page = await getTimelinePage(filter, pageSize);
  forward.push(page.items.map((i) => i.id));
  expect(page.previous).toBeNull();
  while (page.next) {
    page = await getTimelinePage({ ...filter, cursor: page.next }, pageSize);
    forward.push(page.items.map((i) => i.id));
  }
  const backward: string[][] = [page.items.map((i) => i.id)];
  while (page.previous) {
    page = await getTimelinePage({ ...filter, cursor: page.previous }, pageSize);
    backward.unshift(page.items.map((i) => i.id));
  }
  return { forward, backward };
}

describe("Paging through the timeline", () => {
  it("visits every filing once, newest first, and the previous links give back the same pages", async () => {
    const { forward, backward } = await walk(FilterSchema.parse({}), 50);
    expect(forward.flat()).toEqual(expectedOrder(() => true, true));
    expect(forward.length).toBe(Math.ceil(230 / 50));
    expect(backward).toEqual(forward);
  });

  it("does the same oldest first, under a filter", async () => {
    const state = dataset.filings.flatMap((f) => f.states.map((s) => s.jurisdiction))[0];
    const filter = FilterSchema.parse({ state: [state], sort: "oldest" });
    const { forward, backward } = await walk(filter, 7);
    const expected = expectedOrder((f) => f.states.some((s) => s.jurisdiction === state), false);
    expect(expected.length).toBeGreaterThan(14);
    expect(forward.flat()).toEqual(expected);
    expect(backward).toEqual(forward);
  });

  it("lists the same ids through the lean read that the API and exports use", async () => {
    const filter = FilterSchema.parse({ kind: ["order", "motion"] });
    const ids: string[] = [];
    let page = await listFilingIds(filter, 11);
    ids.push(...page.ids);
    while (page.next) {
      page = await listFilingIds({ ...filter, cursor: page.next }, 11);
      ids.push(...page.ids);
    }
    expect(ids).toEqual(expectedOrder((f) => f.kind === "order" || f.kind === "motion", true));
  });

  it("refuses a cursor that was not made by Docketline, and the query ignores one all the same", async () => {
    expect(FilterSchema.safeParse({ cursor: "a.bm90LWEtY3Vyc29y" }).success).toBe(false);
    const forged = { ...FilterSchema.parse({}), cursor: "a.bm90LWEtY3Vyc29y" };
    const page = await getTimelinePage(forged, 10);
    expect(page.items.map((i) => i.id)).toEqual(expectedOrder(() => true, true).slice(0, 10));
  });
});
