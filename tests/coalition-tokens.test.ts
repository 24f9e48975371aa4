// The coalition tokens have one definition in TypeScript (lib/timeline/coalition-tokens.ts)
// and a copy the database must write in SQL (refresh_filing_coalition). The copy is held
// to the definition here: once the SQL has written them, every filing carries exactly the tokens that
// coalitionTokens() gives for its filing_state rows, and a filter by state finds exactly
// the filings whose rows say so.
import { afterAll, beforeAll, expect, it } from "vitest";

import { importDatasetText } from "@/lib/dataset/import";
import type { CoalitionRole } from "@/lib/dataset/schema";
import { FilterSchema } from "@/lib/filters/schema";
import { coalitionTokens } from "@/lib/timeline/coalition-tokens";
import { countTimeline } from "@/lib/timeline/queries";

import { createTestDatabase, readFoundingDataset, type TestDatabase } from "./support/database";

let database: TestDatabase;

beforeAll(async () => {
  database = await createTestDatabase();
  process.env.DATABASE_URL = database.url;
  await importDatasetText(database.sql, await readFoundingDataset());
  // The importer writes the tokens coalitionTokens() computes (decision 030); the trigger's
  // copy is what every other write path uses: have it write them again, so that what is
  // compared below is the SQL.
  await database.sql`UPDATE filing SET coalition = '{}'`;
  await database.sql`SELECT refresh_filing_coalition(ARRAY(SELECT id FROM filing))`;
});

afterAll(async () => {
  const { db } = await import("@/lib/db/client");
  await db.$disconnect();
  await database.drop();
});

it("every filing carries the tokens that coalitionTokens gives for its states and roles", async () => {
  const filings = await database.sql<{ id: string; coalition: string[] }[]>`SELECT id, coalition FROM filing ORDER BY id`;
  const members = await database.sql<{ filing_id: string; code: string; role: CoalitionRole }[]>`
    SELECT filing_id, jurisdiction_code AS code, role::text AS role FROM filing_state`;
  expect(members.length).toBeGreaterThan(100);
  const expected = (id: string) => coalitionTokens(members.filter((m) => m.filing_id === id));
  expect(filings.map((f) => ({ id: f.id, coalition: f.coalition }))).toEqual(filings.map((f) => ({ id: f.id, coalition: expected(f.id) })));
  expect(filings.some((f) => f.coalition.some((token) => token.startsWith("role:")))).toBe(true);
});

it("a filter by state, by state and role, and by role alone finds the filings whose rows say so", async () => {
  const count = async (where: string) =>
    (await database.sql.unsafe<{ n: number }[]>(`SELECT count(DISTINCT f.id)::int AS n FROM filing f JOIN filing_state fs ON fs.filing_id = f.id WHERE f.is_public AND ${where}`))[0].n;
  expect(await countTimeline(FilterSchema.parse({ state: ["NM"] }))).toBe(await count(`fs.jurisdiction_code = 'NM'`));
  expect(await countTimeline(FilterSchema.parse({ state: ["WA"], role: "lead" }))).toBe(await count(`fs.jurisdiction_code = 'WA' AND fs.role = 'lead'`));
  expect(await countTimeline(FilterSchema.parse({ role: "lead" }))).toBe(await count(`fs.role = 'lead'`));
});
