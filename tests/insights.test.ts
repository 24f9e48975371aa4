// The insights page's numbers (lib/insights/queries.ts) against the founding dataset.
// The oracle counts straight from the JSON file, never through SQL.
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { importDatasetText } from "@/lib/dataset/import";
import { db } from "@/lib/db/client";
import { parseFilter, type Filter } from "@/lib/filters/schema";
import { getInsights, TOP_PARTNERS } from "@/lib/insights/queries";

import { createTestDatabase, readFoundingDataset, type TestDatabase } from "./support/database";

interface FoundingFiling {
  id: string;
  kind: string;
  dateFiled: string;
  states: { jurisdiction: string; role: string }[];
  demands: { category: string; outcome: string }[];
}

let database: TestDatabase;
let founding: FoundingFiling[];

beforeAll(async () => {
  database = await createTestDatabase();
  // lib/env reads the environment once, on first use; lib/db/client connects on first query.
  process.env.DATABASE_URL = database.url;
  const text = await readFoundingDataset();
  founding = (JSON.parse(text) as { filings: FoundingFiling[] }).filings;
  await importDatasetText(database.sql, text);
});

afterAll(async () => {
  await db.$disconnect();
  await database?.drop();
});

function filterOf(params: Record<string, string>): Filter {
  const parsed = parseFilter(params);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
  return parsed.filter;
}

const joinedBy = (code: string) => (f: FoundingFiling) => f.states.some((s) => s.jurisdiction === code);

/** "A|B" (A < B) → filings both joined, and "A|A" → filings A joined, from the JSON. */
function oracleMatrix(filings: FoundingFiling[]): Map<string, number> {
  const counts = new Map<string, number>();
  const add = (key: string) => counts.set(key, (counts.get(key) ?? 0) + 1);
  for (const filing of filings) {
    const codes = filing.states.map((s) => s.jurisdiction);
    for (const a of codes) {
      add(`${a}|${a}`);
      for (const b of codes) if (a < b) add(`${a}|${b}`);
    }
  }
  return counts;
}

/** The matrix as the same "A|B" map, checking on the way that it is symmetric. */
function matrixAsMap(matrix: Awaited<ReturnType<typeof getInsights>>["matrix"]): Map<string, number> {
  const counts = new Map<string, number>();
  const codes = matrix.jurisdictions.map((j) => j.code);
  codes.forEach((a, i) =>
    codes.forEach((b, j) => {
      expect(matrix.counts[i][j], `${a}×${b} equals ${b}×${a}`).toBe(matrix.counts[j][i]);
      if (a <= b && matrix.counts[i][j] > 0) counts.set(`${a}|${b}`, matrix.counts[i][j]);
    }),
  );
  return counts;
}

/** "YYYY-MM|kind" → filings, from the JSON (every founding date is known to the day). */
function oracleMonths(filings: FoundingFiling[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const f of filings) counts.set(`${f.dateFiled.slice(0, 7)}|${f.kind}`, (counts.get(`${f.dateFiled.slice(0, 7)}|${f.kind}`) ?? 0) + 1);
  return counts;
}

function oracleOutcomes(filings: FoundingFiling[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const d of filings.flatMap((f) => f.demands)) counts.set(`${d.category}|${d.outcome}`, (counts.get(`${d.category}|${d.outcome}`) ?? 0) + 1);
  return counts;
}

describe("insights over the founding dataset", () => {
  it("counts every filing, and those that jurisdictions joined", async () => {
    const insights = await getInsights(filterOf({}));
    expect(insights.total).toBe(founding.length);
    expect(insights.withJurisdictions).toBe(founding.filter((f) => f.states.length > 0).length);
  });

  it("the coalition matrix holds, for every pair of jurisdictions, the filings both joined", async () => {
    const { matrix } = await getInsights(filterOf({}));
    const expected = oracleMatrix(founding);
    expect(matrix.jurisdictions.map((j) => j.code).sort()).toEqual([...new Set(founding.flatMap((f) => f.states.map((s) => s.jurisdiction)))].sort());
    expect(matrixAsMap(matrix)).toEqual(expected);
    expect(matrix.max).toBe(Math.max(...[...expected].filter(([key]) => key.slice(0, 2) !== key.slice(3)).map(([, n]) => n)));
    // The founding coalition is large: the test is not comparing two empty matrices.
    expect(matrix.jurisdictions.length).toBeGreaterThan(20);
  });

  it("filings per month and kind equal the JSON's, with the months between shown empty", async () => {
    const { overTime } = await getInsights(filterOf({}));
    expect(overTime.unit).toBe("month");
    expect(overTime.yearOnly).toEqual([]);
    const found = new Map<string, number>();
    for (const bar of overTime.bars) for (const [kind, n] of Object.entries(bar.counts)) found.set(`${bar.period}|${kind}`, n);
    expect(found).toEqual(oracleMonths(founding));

    const months = founding.map((f) => f.dateFiled.slice(0, 7)).sort();
    expect(overTime.bars[0].period).toBe(months[0]);
    expect(overTime.bars.at(-1)!.period).toBe(months.at(-1));
    // One bar per month, consecutive: February 2018 to December 2023 is 71 months.
    expect(overTime.bars).toHaveLength(71);
    expect(overTime.bars.find((b) => b.period === "2018-04")).toMatchObject({ label: "April 2018", total: 0 });
    expect(new Set(overTime.kinds)).toEqual(new Set(founding.map((f) => f.kind)));
  });

  it("demand outcomes per category equal the JSON's", async () => {
    const { outcomes } = await getInsights(filterOf({}));
    const found = new Map<string, number>();
    for (const row of outcomes.categories) for (const [outcome, n] of Object.entries(row.counts)) found.set(`${row.category}|${outcome}`, n);
    expect(found).toEqual(oracleOutcomes(founding));
    expect(outcomes.total).toBe(founding.flatMap((f) => f.demands).length);
    expect(outcomes.categories.map((c) => c.total)).toEqual([...outcomes.categories.map((c) => c.total)].sort((a, b) => b - a));
  });

  it("each jurisdiction's filings joined and led equal the JSON's", async () => {
    const { activity } = await getInsights(filterOf({}));
    for (const j of activity) {
      const joined = founding.filter(joinedBy(j.code));
      expect({ code: j.code, joined: j.joined, led: j.led }).toEqual({
        code: j.code,
        joined: joined.length,
        led: joined.filter((f) => f.states.some((s) => s.jurisdiction === j.code && s.role === "lead")).length,
      });
    }
  });

  it("follows the timeline's filter: with state=NM every count is over the filings New Mexico joined", async () => {
    const nm = founding.filter(joinedBy("NM"));
    expect(nm.length).toBeGreaterThan(1);
    expect(nm.length).toBeLessThan(founding.length);
    const insights = await getInsights(filterOf({ state: "NM" }));
    expect(insights.total).toBe(nm.length);
    expect(matrixAsMap(insights.matrix)).toEqual(oracleMatrix(nm));
    const months = new Map<string, number>();
    for (const bar of insights.overTime.bars) for (const [kind, n] of Object.entries(bar.counts)) months.set(`${bar.period}|${kind}`, n);
    expect(months).toEqual(oracleMonths(nm));
    const outcomes = new Map<string, number>();
    for (const row of insights.outcomes.categories) for (const [outcome, n] of Object.entries(row.counts)) outcomes.set(`${row.category}|${outcome}`, n);
    expect(outcomes).toEqual(oracleOutcomes(nm));
    // With one state chosen, its partners are the ones listed.
    expect(insights.topPartners?.of.code).toBe("NM");
  });

  it("counts the same without the pairs, for a page that shows none, filtered or not", async () => {
    for (const filter of [filterOf({}), filterOf({ state: "NM" })]) {
      const [all, withoutPairs] = await Promise.all([getInsights(filter), getInsights(filter, undefined, { pairs: false })]);
      expect(withoutPairs.matrix.max).toBe(0);
      expect(all.matrix.max).toBeGreaterThan(0);
      expect({ ...withoutPairs, matrix: null, topPartners: null }).toEqual({ ...all, matrix: null, topPartners: null });
    }
  });

  it("follows other filters too: kind and date range", async () => {
    const expected = founding.filter((f) => f.kind === "complaint" && f.dateFiled >= "2018-06" && f.dateFiled < "2019-01");
    expect(expected.length).toBeGreaterThan(0);
    const insights = await getInsights(filterOf({ kind: "complaint", from: "2018-06", to: "2018-12" }));
    expect(insights.total).toBe(expected.length);
    expect(matrixAsMap(insights.matrix)).toEqual(oracleMatrix(expected));
    // The months span the filter's range, not only the months with filings.
    expect(insights.overTime.bars.map((b) => b.period)).toEqual(["2018-06", "2018-07", "2018-08", "2018-09", "2018-10", "2018-11", "2018-12"]);
  });

  it("lists Washington and New Mexico among each other's top partners, with the filings they joined together", async () => {
    const together = founding.filter((f) => joinedBy("NM")(f) && joinedBy("WA")(f)).length;
    for (const [of, partner] of [
      ["NM", "WA"],
      ["WA", "NM"],
    ]) {
      const { topPartners } = await getInsights(filterOf({}), { matrixSort: "filings", partnersOf: of });
      expect(topPartners?.of.code).toBe(of);
      expect(topPartners?.partners.find((p) => p.code === partner)).toMatchObject({ together, rank: 1 });
      const counts = topPartners!.partners.map((p) => p.together);
      expect(counts).toEqual([...counts].sort((a, b) => b - a));
      // Ten, and any tied with the tenth.
      expect(topPartners!.partners.length).toBeGreaterThanOrEqual(TOP_PARTNERS);
      expect(topPartners!.partners.filter((p) => p.together > counts[TOP_PARTNERS - 1]).length).toBeLessThan(TOP_PARTNERS);
    }
  });

  it("orders the matrix by postal code, by filings, or by partners of the chosen jurisdiction", async () => {
    const byCode = (await getInsights(filterOf({}), { matrixSort: "code" })).matrix;
    const codes = byCode.jurisdictions.map((j) => j.code);
    expect(codes).toEqual([...codes].sort());

    const byFilings = (await getInsights(filterOf({}), { matrixSort: "filings" })).matrix;
    const joined = byFilings.jurisdictions.map((j) => j.joined);
    expect(joined).toEqual([...joined].sort((a, b) => b - a));

    const byPartners = (await getInsights(filterOf({}), { matrixSort: "partners", partnersOf: "IA" })).matrix;
    expect(byPartners.jurisdictions[0].code).toBe("IA");
    const withIowa = byPartners.counts[0].slice(1);
    expect(withIowa).toEqual([...withIowa].sort((a, b) => b - a));
  });

  it("says when the chosen jurisdiction joined none of the filings, and lists another's partners", async () => {
    const insights = await getInsights(filterOf({}), { matrixSort: "filings", partnersOf: "TX" });
    expect(insights.partnersOfInactive).toBe("TX");
    expect(insights.topPartners?.of.code).toBe(insights.activity[0].code);
  });

  it("gives empty pictures, not errors, when nothing matches", async () => {
    const insights = await getInsights(filterOf({ q: "zzzznotaword" }));
    expect(insights).toMatchObject({ total: 0, withJurisdictions: 0, activity: [], topPartners: null });
    expect(insights.overTime.bars).toEqual([]);
    expect(insights.matrix.counts).toEqual([]);
    expect(insights.outcomes.categories).toEqual([]);
  });
});
