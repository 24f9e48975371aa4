// The counts kept by the database (filing_count, migrations 20261202110000 and
// 20261211090000: per month too) stay exact
// after every kind of write: an import, a re-import that changes states and demands, a
// staff save, publish and unpublish, delete and restore, a lawsuit unpublished with its
// filings, a purge, and plain SQL. After each, every kept count is compared with a
// plain count over filing, filing_state and demand (not over the tokens the counts are
// computed from), and the public reads that use them (timeline facets and totals,
// insights, the state page, the jurisdiction list) with plain count(*) of the same filter.
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { generateDataset } from "@/lib/dataset/generate";
import { importDatasetText } from "@/lib/dataset/import";
import type { Sql } from "@/lib/db/sql";
import { deleteRecord, purgeDeletedRecords, restoreRecord, saveRecord, setPublication } from "@/lib/editing/records";
import type { Actor, SaveResult } from "@/lib/editing/types";
import { fromDbEnum } from "@/lib/filings/kinds";
import { FilterSchema } from "@/lib/filters/schema";
import { getInsights } from "@/lib/insights/queries";
import { getJurisdiction, listJurisdictions } from "@/lib/jurisdictions/queries";
import { TOP_LAWSUIT_OPTIONS } from "@/lib/lawsuits/filter";
import { countTimeline, getTimeline, getTimelinePage } from "@/lib/timeline/queries";

import { createTestDatabase, readFoundingDataset, type TestDatabase } from "./support/database";

const editor: Actor = { userId: "user-counts", name: "Cora Counts" };
const LAWSUIT = "washington-v-united-states-2018";
let database: TestDatabase;
const versions = new Map<string, number>();

function ok(result: SaveResult): number {
  if (!result.ok) throw new Error(`expected success, got ${JSON.stringify(result)}`);
  return result.version;
}

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

type Counts = Record<string, number>;

/** What filing_count holds, as "facet value" → count, counts of 0 left out. */
async function keptCounts(sql: Sql): Promise<Counts> {
  const rows = await sql<{ facet: string; value: string; count: number }[]>`SELECT facet, value, count FROM filing_count WHERE count <> 0`;
  return Object.fromEntries(rows.map((r) => [`${r.facet} ${r.value}`, r.count]));
}

/** The same counts, counted from scratch over the records themselves. */
async function countedCounts(sql: Sql): Promise<Counts> {
  const rows = await sql<{ key: string; count: number }[]>`
    WITH p AS (SELECT * FROM filing WHERE is_public),
         ps AS (SELECT fs.*, p.date_filed FROM filing_state fs JOIN p ON p.id = fs.filing_id),
         -- The period of the "dated-…" keys: the month of a filing dated to a day or a month, else its year.
         pp AS (SELECT p.*, CASE WHEN date_filed_precision = 'year' THEN extract(year FROM date_filed)::int || '-01-01|year|'
                                 ELSE to_char(date_filed, 'YYYY-MM') || '-01|month|' END AS period FROM p)
    SELECT 'total ' AS key, count(*)::int AS count FROM p
    UNION ALL SELECT 'kind ' || kind, count(*) FROM p GROUP BY kind
    UNION ALL SELECT 'lawsuit ' || lawsuit_id, count(*) FROM p WHERE lawsuit_id IS NOT NULL GROUP BY lawsuit_id
    UNION ALL SELECT 'period ' || concat_ws('|', CASE WHEN date_filed_precision = 'year' THEN '' ELSE to_char(date_filed, 'YYYY-MM') END,
                       extract(year FROM date_filed)::int, kind, CASE WHEN EXISTS (SELECT 1 FROM filing_state fs WHERE fs.filing_id = p.id) THEN 't' ELSE 'f' END), count(*)
              FROM p GROUP BY 1
    UNION ALL SELECT 'state ' || trim(jurisdiction_code), count(*) FROM ps GROUP BY 1
    UNION ALL SELECT 'state-year ' || trim(jurisdiction_code) || '|' || extract(year FROM date_filed)::int, count(*) FROM ps GROUP BY 1
    UNION ALL SELECT 'state-year ' || trim(jurisdiction_code) || ':' || role || '|' || extract(year FROM date_filed)::int, count(*) FROM ps GROUP BY 1
    UNION ALL SELECT 'pair ' || trim(a.jurisdiction_code) || '|' || trim(b.jurisdiction_code), count(*)
              FROM ps a JOIN ps b ON a.filing_id = b.filing_id AND a.jurisdiction_code < b.jurisdiction_code GROUP BY 1
    UNION ALL SELECT 'demandCategory ' || category, count(DISTINCT filing_id) FROM demand d JOIN p ON p.id = d.filing_id GROUP BY category
    UNION ALL SELECT 'outcome ' || outcome, count(DISTINCT filing_id) FROM demand d JOIN p ON p.id = d.filing_id GROUP BY outcome
    UNION ALL SELECT 'demand ' || category || '|' || outcome, count(*) FROM demand d JOIN p ON p.id = d.filing_id GROUP BY 1
    UNION ALL SELECT 'dated-kind ' || period || kind, count(*) FROM pp GROUP BY 1
    UNION ALL SELECT 'dated-state ' || period || trim(jurisdiction_code), count(DISTINCT filing_id) FROM filing_state fs JOIN pp ON pp.id = fs.filing_id GROUP BY 1
    UNION ALL SELECT 'dated-demandCategory ' || period || category, count(DISTINCT filing_id) FROM demand d JOIN pp ON pp.id = d.filing_id GROUP BY 1
    UNION ALL SELECT 'dated-outcome ' || period || outcome, count(DISTINCT filing_id) FROM demand d JOIN pp ON pp.id = d.filing_id GROUP BY 1`;
  return Object.fromEntries(rows.map((r) => [r.key, Number(r.count)] as const).filter(([, n]) => n > 0));
}

const FILTERS: Record<string, unknown>[] = [
  {},
  { kind: ["order"] },
  { kind: ["order", "motion"] },
  { state: ["NM"] },
  { state: ["NM"], role: "lead" },
  { state: ["NM", "WA"], match: "all" },
  { lawsuit: LAWSUIT },
  { demandCategory: "reunification" },
  { outcome: "granted" },
  { demandCategory: "reunification", outcome: "granted" },
  { from: "2018-07", to: "2019" },
  { q: "children" },
  { state: ["CA"], kind: ["complaint", "order"], from: "2018" },
  // Date ranges of whole months or years, alone or with one more facet, read the "dated-…" keys (migration 20261211090000).
  { from: "2018", to: "2018", state: ["NM"] },
  { from: "2018-06", kind: ["order", "motion"] },
  { from: "2019-06", to: "2020", outcome: "pending" },
  // A bound that is a day cuts a month in two: counted from the filings.
  { from: "2018-06-20", to: "2018-07", state: ["WA"] },
];

/** count(*) of public filings under a filter, written out without the app's filter builder. */
async function plainCount(sql: Sql, raw: Record<string, unknown>): Promise<number> {
  const filter = FilterSchema.parse(raw);
  const { filterConditions, whereClause } = await import("@/lib/timeline/queries");
  const where = whereClause(filterConditions(filter));
  const [{ n }] = await sql.unsafe<{ n: number }[]>(`SELECT count(*)::int AS n FROM filing f ${where.text.replace(/\$(\d+)/g, "$$$1")}`, where.values as never[]);
  return n;
}

/** Filings per lawsuit under every condition of a filter but its lawsuit (the lawsuit facet's counts), most first. */
async function plainLawsuitCounts(sql: Sql, raw: Record<string, unknown>): Promise<{ value: string; count: number }[]> {
  const { filterConditions, whereClause } = await import("@/lib/timeline/queries");
  const where = whereClause(filterConditions(FilterSchema.parse(raw), "lawsuit"));
  return sql.unsafe<{ value: string; count: number }[]>(
    `SELECT f.lawsuit_id AS value, count(*)::int AS count FROM filing f ${where.text.replace(/\$(\d+)/g, "$$$1")} ${where.text ? "AND" : "WHERE"} f.lawsuit_id IS NOT NULL GROUP BY 1 ORDER BY 2 DESC`,
    where.values as never[],
  );
}

/** Filings per jurisdiction ("NM" → count) and per pair of jurisdictions ("CA|NM") under a filter, counted over filing_state. */
async function plainPairs(sql: Sql, raw: Record<string, unknown>): Promise<Counts> {
  const { filterConditions, whereClause } = await import("@/lib/timeline/queries");
  const where = whereClause(filterConditions(FilterSchema.parse(raw)));
  const rows = await sql.unsafe<{ pair: string; n: number }[]>(
    `SELECT trim(a.jurisdiction_code) || '|' || trim(b.jurisdiction_code) AS pair, count(*)::int AS n
     FROM filing f JOIN filing_state a ON a.filing_id = f.id JOIN filing_state b ON b.filing_id = f.id AND a.jurisdiction_code < b.jurisdiction_code
     ${where.text.replace(/\$(\d+)/g, "$$$1")} GROUP BY 1
     UNION ALL
     SELECT trim(a.jurisdiction_code), count(*)::int FROM filing f JOIN filing_state a ON a.filing_id = f.id ${where.text.replace(/\$(\d+)/g, "$$$1")} GROUP BY 1`,
    where.values as never[],
  );
  return Object.fromEntries(rows.map((r) => [r.pair, r.n]));
}

/** Every public read that uses the kept counts agrees with plain counts of the records. */
async function expectExact(when: string) {
  const sql = database.sql;
  expect(await keptCounts(sql), when).toEqual(await countedCounts(sql));

  for (const raw of FILTERS) {
    const filter = FilterSchema.parse(raw);
    const total = await plainCount(sql, raw);
    expect({ when, raw, total: await countTimeline(filter) }).toEqual({ when, raw, total });
    expect({ when, raw, total: (await getTimelinePage(filter, 2)).total }).toEqual({ when, raw, total });
    const insights = await getInsights(filter);
    expect({ when, raw, total: insights.total }).toEqual({ when, raw, total });
    // Each jurisdiction's filings and the coalition matrix's pairs (counted apart from the kept keys under a filter).
    const codes = insights.matrix.jurisdictions.map((j) => j.code);
    const matrixPairs = Object.fromEntries([
      ...insights.activity.map((j) => [j.code, j.joined]),
      ...codes.flatMap((a, i) => codes.flatMap((b, j) => (a < b && insights.matrix.counts[i][j] > 0 ? [[`${a}|${b}`, insights.matrix.counts[i][j]]] : []))),
    ]);
    expect({ when, raw, pairs: matrixPairs }).toEqual({ when, raw, pairs: await plainPairs(sql, raw) });
    // The timeline page's total, counted from its facets when the page is full.
    const { page, facets } = await getTimeline(filter, 2);
    expect({ when, raw, total: page.total }).toEqual({ when, raw, total });
    // Each facet value's count is the total of the filter with that value put in the facet's place.
    // Every filing has one kind: a kind facet that missed a value would not add up.
    if (!filter.kind.length) expect({ when, raw, kinds: facets.kind.reduce((n, k) => n + k.count, 0) }).toEqual({ when, raw, kinds: total });
    for (const { value, count } of facets.kind) {
      expect({ when, raw, kind: value, count }).toEqual({ when, raw, kind: value, count: await plainCount(sql, { ...raw, kind: [value] }) });
    }
    for (const { value, count } of facets.state.slice(0, 5)) {
      expect({ when, raw, state: value, count }).toEqual({ when, raw, state: value, count: await plainCount(sql, { ...raw, state: [value], match: "any", role: undefined }) });
    }
    for (const { value, count } of facets.lawsuit.slice(0, 3)) {
      expect({ when, raw, lawsuit: value, count }).toEqual({ when, raw, lawsuit: value, count: await plainCount(sql, { ...raw, lawsuit: value }) });
    }
    for (const { value, count } of facets.demandCategory) {
      expect({ when, raw, category: value, count }).toEqual({ when, raw, category: value, count: await plainCount(sql, { ...raw, demandCategory: value }) });
    }
    for (const { value, count } of facets.outcome) {
      expect({ when, raw, outcome: value, count }).toEqual({ when, raw, outcome: value, count: await plainCount(sql, { ...raw, outcome: value }) });
    }
  }

  const [nm] = await sql<{ joined: number; led: number }[]>`
    SELECT count(*)::int AS joined, (count(*) FILTER (WHERE fs.role = 'lead'))::int AS led
    FROM filing_state fs JOIN filing f ON f.id = fs.filing_id AND f.is_public WHERE fs.jurisdiction_code = 'NM'`;
  const state = await getJurisdiction("NM");
  expect({ when, totals: { joined: state!.totals.joined, led: state!.totals.led } }).toEqual({ when, totals: nm });
  // Its latest filings (read through the coalition tokens), as filing_state lists them.
  const latest = await sql<{ id: string; role: string }[]>`
    SELECT f.id, fs.role::text AS role FROM filing_state fs JOIN filing f ON f.id = fs.filing_id AND f.is_public
    WHERE fs.jurisdiction_code = 'NM' ORDER BY f.date_filed DESC, f.id DESC LIMIT 50`;
  expect({ when, latest: state!.filings.map((f) => ({ id: f.id, role: f.role })) }).toEqual({ when, latest: latest.map((r) => ({ id: r.id, role: fromDbEnum(r.role) })) });
  const listed = (await listJurisdictions("name")).find((j) => j.code === "NM")!;
  expect({ when, joined: listed.joined, led: listed.led }).toEqual({ when, ...nm });
}

const filingIds = async (where: string) => (await database.sql.unsafe<{ id: string }[]>(`SELECT id FROM filing WHERE ${where} ORDER BY id`)).map((r) => r.id);

// Each step compares a few hundred counts: slower than the default timeout on a busy machine.
describe("The counts kept by the database", { timeout: 60_000 }, () => {
  it("match plain counts after an import", async () => {
    const [{ n }] = await database.sql<{ n: number }[]>`SELECT count(*)::int AS n FROM filing_count WHERE count > 0`;
    expect(n).toBeGreaterThan(50);
    await expectExact("after the founding import");
  });

  it("match plain counts after a re-import that changes a filing's kind, states and demands", async () => {
    const dataset = JSON.parse(await readFoundingDataset());
    const filing = dataset.filings.find((f: { states: unknown[]; demands: unknown[] }) => f.states.length > 2 && f.demands.length > 0);
    filing.kind = filing.kind === "order" ? "motion" : "order";
    filing.states = filing.states.slice(1).concat([{ jurisdiction: "GU", role: "joined" }]);
    filing.demands[0].outcome = filing.demands[0].outcome === "denied" ? "granted" : "denied";
    filing.demands.push({ text: "Count me twice.", category: filing.demands[0].category, outcome: filing.demands[0].outcome });
    await importDatasetText(database.sql, JSON.stringify(dataset));
    await expectExact("after a re-import");
  });

  it("match plain counts after staff create, publish, edit, unpublish, delete, restore and purge filings", async () => {
    const record = {
      id: "counting-letter",
      lawsuit: null,
      kind: "letter",
      title: "A letter that is counted",
      dateFiled: "2019-05",
      summary: "The states count children.",
      states: [{ jurisdiction: "NM", role: "lead" }, { jurisdiction: "GU", role: "joined" }],
      demands: [{ text: "Count them.", category: "reunification", outcome: "pending" }],
      sources: [{ url: "https://example.org/counting.pdf", title: "Counting", publisher: "Court records" }],
    };
    versions.set(record.id, ok(await saveRecord("filing", record, { baseVersion: null, actor: editor })));
    await expectExact("after a draft is created");
    versions.set(record.id, ok(await setPublication("filing", record.id, "published", { baseVersion: versions.get(record.id)!, actor: editor })));
    await expectExact("after it is published");
    const edited = { ...record, kind: "statement", dateFiled: "2020", states: [{ jurisdiction: "NM", role: "co-lead" }, { jurisdiction: "WA", role: "lead" }], demands: [] };
    versions.set(record.id, ok(await saveRecord("filing", edited, { baseVersion: versions.get(record.id)!, actor: editor })));
    await expectExact("after a staff save of a public filing");
    versions.set(record.id, ok(await setPublication("filing", record.id, "draft", { baseVersion: versions.get(record.id)!, actor: editor })));
    await expectExact("after it is unpublished");
    versions.set(record.id, ok(await setPublication("filing", record.id, "published", { baseVersion: versions.get(record.id)!, actor: editor })));
    versions.set(record.id, ok(await deleteRecord("filing", record.id, { baseVersion: versions.get(record.id)!, actor: editor })));
    await expectExact("after it is deleted");
    versions.set(record.id, ok(await restoreRecord("filing", record.id, { baseVersion: versions.get(record.id)!, actor: editor })));
    await expectExact("after it is restored");
    versions.set(record.id, ok(await deleteRecord("filing", record.id, { baseVersion: versions.get(record.id)!, actor: editor })));
    await database.sql`UPDATE filing SET deleted_at = now() - interval '40 days' WHERE id = ${record.id}`;
    expect((await purgeDeletedRecords(database.sql)).filings).toBe(1);
    await expectExact("after it is purged");
  }, 120_000);

  it("match plain counts when a lawsuit is unpublished and published again with its filings", async () => {
    const before = await filingIds(`lawsuit_id = '${LAWSUIT}' AND is_public`);
    expect(before.length).toBeGreaterThan(3);
    const [{ version }] = await database.sql<{ version: number }[]>`SELECT version FROM lawsuit WHERE id = ${LAWSUIT}`;
    const v = ok(await setPublication("lawsuit", LAWSUIT, "draft", { baseVersion: version, actor: editor }));
    expect(await filingIds(`lawsuit_id = '${LAWSUIT}' AND is_public`)).toEqual([]);
    await expectExact("after the lawsuit is unpublished");
    ok(await setPublication("lawsuit", LAWSUIT, "published", { baseVersion: v, actor: editor }));
    expect(await filingIds(`lawsuit_id = '${LAWSUIT}' AND is_public`)).toEqual(before);
    await expectExact("after the lawsuit is published again");
  });

  it("match plain counts after writes in plain SQL, a hard delete of public filings included", async () => {
    const sql = database.sql;
    await sql`UPDATE demand SET category = 'procedure' WHERE id = (SELECT min(id) FROM demand)`;
    await sql`UPDATE demand SET filing_id = (SELECT max(id) FROM filing WHERE is_public) WHERE id = (SELECT max(id) FROM demand)`;
    await sql`DELETE FROM filing_state WHERE jurisdiction_code = 'WA'`;
    await sql`UPDATE filing SET date_filed = date_filed + 400 WHERE kind = 'order'`;
    await expectExact("after plain updates");
    const victims = await filingIds(`is_public AND kind = 'motion'`);
    expect(victims.length).toBeGreaterThan(0);
    await sql`UPDATE filing SET responds_to_id = NULL WHERE responds_to_id = ANY(${victims})`;
    await sql`UPDATE demand SET decided_by_id = NULL WHERE decided_by_id = ANY(${victims})`;
    await sql`DELETE FROM filing WHERE id = ANY(${victims})`;
    await expectExact("after a hard delete of public filings");
  });

  it("give the lawsuit facet as the selected lawsuit and the true top lawsuits, not every lawsuit", async () => {
    // Hundreds of lawsuits, so that the top few are a choice.
    await importDatasetText(database.sql, JSON.stringify(generateDataset({ filings: 400, seed: 41 })));
    const [{ id: selected }] = await database.sql<{ id: string }[]>`SELECT lawsuit_id AS id FROM filing WHERE is_public AND lawsuit_id IS NOT NULL GROUP BY 1 ORDER BY count(*), 1 LIMIT 1`;
    for (const raw of [{}, { state: ["CA"] }, { kind: ["motion"] }, { from: "2015", to: "2020" }, { lawsuit: selected }, { lawsuit: selected, state: ["NM"] }] as Record<string, unknown>[]) {
      const filter = FilterSchema.parse(raw);
      const { facets } = await getTimeline(filter, 2);
      const lawsuits = await plainLawsuitCounts(database.sql, raw);
      expect(lawsuits.length).toBeGreaterThan(TOP_LAWSUIT_OPTIONS + 1);
      expect(facets.lawsuit.length).toBeLessThanOrEqual(TOP_LAWSUIT_OPTIONS + 1);
      const top = (list: { value: string; count: number }[]) => list.filter((l) => l.value !== filter.lawsuit).slice(0, TOP_LAWSUIT_OPTIONS).map((l) => l.count);
      expect({ raw, top: top(facets.lawsuit) }).toEqual({ raw, top: top(lawsuits) });
      const count = (list: { value: string; count: number }[]) => list.find((l) => l.value === filter.lawsuit)?.count;
      if (filter.lawsuit) expect({ raw, selected: count(facets.lawsuit) }).toEqual({ raw, selected: count(lawsuits) });
    }
  });
});
