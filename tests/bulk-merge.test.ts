// The importer's bulk merge (decision 030) writes a filing's coalition and demand tokens
// from the staged rows (coalitionTokens and demandTokens, the definitions in TypeScript)
// and its search document in one statement at the end, with the row triggers that
// derive them on every other write path idle for the merge. These tests hold the two
// paths to each other: what an import writes is what the triggers' own functions
// compute for the same rows, for a whole file as for the one record a staff save sends
// through the same merge; the facet counts
// are what the filing rows give; and the triggers are back for whatever the same
// transaction writes after the merge.
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { generateDataset } from "@/lib/dataset/generate";
import { importDatasetText, writeDataset } from "@/lib/dataset/import";
import { validateDataset } from "@/lib/dataset/validate";
import type { Sql } from "@/lib/db/sql";
import { saveRecord } from "@/lib/editing/records";
import type { Actor } from "@/lib/editing/types";

import { createTestDatabase, type TestDatabase } from "./support/database";
import { countMismatches } from "./support/facet-counts";

const editor: Actor = { userId: "user-bulk", name: "Bea Bulk" };
let database: TestDatabase;

beforeAll(async () => {
  database = await createTestDatabase();
  process.env.DATABASE_URL = database.url;
  await importDatasetText(database.sql, JSON.stringify(generateDataset({ filings: 400, seed: 28 })));
});

afterAll(async () => {
  const { db } = await import("@/lib/db/client");
  await db.$disconnect();
  await database.drop();
});

interface Derived {
  id: string;
  coalition: string[];
  demand_tokens: string[];
  document: string | null;
}

async function derived(sql: Sql, ids?: string[]): Promise<Derived[]> {
  return [
    ...(await sql<Derived[]>`
      SELECT f.id, f.coalition, f.demand_tokens, s.document::text AS document
      FROM filing f LEFT JOIN filing_search s ON s.filing_id = f.id
      WHERE ${ids ? sql`f.id = ANY(${ids})` : sql`TRUE`}
      ORDER BY f.id`),
  ];
}

/** What the triggers' refresh functions write for the same rows, in a transaction rolled back. */
async function derivedByTriggers(ids?: string[]): Promise<Derived[]> {
  let result: Derived[] = [];
  await database.sql
    .begin(async (tx) => {
      const sql = tx as unknown as Sql;
      const all = ids ?? (await sql<{ id: string }[]>`SELECT id FROM filing`).map((r) => r.id);
      await sql`SELECT refresh_filing_coalition(${all}::text[])`;
      await sql`SELECT refresh_filing_demand_tokens(${all}::text[])`;
      await sql`SELECT refresh_filing_search(${all}::text[])`;
      result = await derived(sql, ids);
      throw new Rollback();
    })
    .catch((error) => {
      if (!(error instanceof Rollback)) throw error;
    });
  return result;
}

class Rollback extends Error {}

/** Every kept count against the same counts summed from the filing rows as they are. */
async function expectCountsFromRows(sql: Sql) {
  expect(await countMismatches(sql)).toEqual([]);
}

describe("A bulk import", { timeout: 120_000 }, () => {
  it("writes the coalition, demand tokens and search document the triggers compute for the same rows", async () => {
    const imported = await derived(database.sql);
    expect(imported).toHaveLength(400);
    expect(imported.some((f) => f.coalition.length > 0)).toBe(true);
    expect(imported.some((f) => f.demand_tokens.length > 0)).toBe(true);
    expect(imported.every((f) => f.document !== null)).toBe(true);
    expect(await derivedByTriggers()).toEqual(imported);
    await expectCountsFromRows(database.sql);
  });

  it("writes for a one-record staff save, which goes through the same merge, what the triggers compute and what the import wrote for the same filing", async () => {
    const dataset = generateDataset({ filings: 400, seed: 28 });
    const source = dataset.filings!.find((f) => (f.states?.length ?? 0) > 3 && (f.demands?.length ?? 0) > 1 && f.lawsuit)!;
    const copy = { ...source, id: `${source.id}-saved-by-staff` };
    const result = await saveRecord("filing", copy, { baseVersion: null, actor: editor });
    expect(result.ok).toBe(true);
    const [saved] = await derived(database.sql, [copy.id]);
    const [imported] = await derived(database.sql, [source.id]);
    expect({ ...saved, id: source.id }).toEqual(imported);
    expect(await derivedByTriggers([copy.id])).toEqual([saved]);
  });

  it("re-imported with changed states, demands and lawsuit names, keeps them as the triggers would", async () => {
    const dataset = generateDataset({ filings: 400, seed: 28 });
    const lawsuit = dataset.lawsuits![0];
    lawsuit.caseName = `${lawsuit.caseName} (renamed)`;
    const changed = dataset.filings!.filter((f) => (f.states?.length ?? 0) > 1).slice(0, 25);
    for (const filing of changed) {
      filing.states = filing.states!.slice(1);
      filing.demands = [...(filing.demands ?? []).slice(1), { text: "A demand added by the re-import.", category: "added-demands", outcome: "granted" }];
      filing.title = `${filing.title} (amended)`;
    }
    const summary = await importDatasetText(database.sql, JSON.stringify(dataset));
    expect(summary.filings.updated).toBe(changed.length);
    expect(summary.lawsuits.updated).toBe(1);
    const after = await derived(database.sql);
    expect(await derivedByTriggers()).toEqual(after);
    // The lawsuit's other filings, unchanged themselves, are found by its new name.
    const [{ n }] = await database.sql<{ n: number }[]>`
      SELECT count(*)::int AS n FROM filing f JOIN filing_search s ON s.filing_id = f.id
      WHERE f.lawsuit_id = ${lawsuit.id} AND s.document @@ plainto_tsquery('english', 'renamed')`;
    const [{ all }] = await database.sql<{ all: number }[]>`SELECT count(*)::int AS all FROM filing WHERE lawsuit_id = ${lawsuit.id}`;
    expect(all).toBeGreaterThan(0);
    expect(n).toBe(all);
    await expectCountsFromRows(database.sql);
  });

  it("leaves the triggers working for what its transaction writes after the merge", async () => {
    const letter = {
      id: "bulk-merge-letter",
      lawsuit: null,
      kind: "letter",
      title: "A letter written with others",
      dateFiled: "2021-03-04",
      summary: "The states write.",
      states: [{ jurisdiction: "NM", role: "lead" }],
      demands: [{ text: "Answer us.", category: "procedure", outcome: "pending" }],
      sources: [],
    };
    const tokens = await database.sql.begin(async (tx) => {
      const sql = tx as unknown as Sql;
      await writeDataset(sql, validateDataset({ format: "docketline/v1", filings: [letter] }));
      expect((await sql<{ on: string }[]>`SELECT current_setting('docketline.bulk_merge', true) AS on`)[0].on).toBe("off");
      // Plain SQL in the same transaction: the triggers derive the columns again.
      await sql`INSERT INTO filing_state (filing_id, jurisdiction_code, role, position, updated_at) VALUES (${letter.id}, 'WA', 'joined', 1, now())`;
      await sql`INSERT INTO demand (filing_id, position, text, category, outcome, updated_at) VALUES (${letter.id}, 1, 'Reply in writing.', 'counsel', 'granted', now())`;
      return (await sql<Derived[]>`SELECT f.id, f.coalition, f.demand_tokens, s.document::text AS document FROM filing f JOIN filing_search s ON s.filing_id = f.id WHERE f.id = ${letter.id}`)[0];
    });
    expect(tokens.coalition).toEqual(["NM", "NM:lead", "WA", "WA:joined", "role:joined", "role:lead"]);
    expect(tokens.demand_tokens).toEqual(["category:counsel", "category:procedure", "counsel|granted", "outcome:granted", "outcome:pending", "procedure|pending"]);
    expect(tokens.document).toContain("'repli'");
    expect(await derivedByTriggers([letter.id])).toEqual([tokens]);
    await expectCountsFromRows(database.sql);
  });
});
