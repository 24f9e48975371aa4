// The generator's research coding (`npm run generate -- --coding`): deterministic for a
// seed, leaving the rest of the dataset exactly as without it (so the exports made from
// generated data keep their bytes, tests/export-golden.test.ts), importing without a
// problem, naming only the issue areas the migration seeds, and selecting filings
// through the coding filters.
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { generateDataset, SEEDED_ISSUE_AREAS } from "@/lib/dataset/generate";
import { importDatasetText } from "@/lib/dataset/import";
import { serializeDataset } from "@/lib/dataset/export";
import { parseFilter } from "@/lib/filters/schema";
import { countTimeline } from "@/lib/timeline/queries";

import { createTestDatabase, type TestDatabase } from "./support/database";

const OPTIONS = { filings: 400, seed: 3 };
let database: TestDatabase;

beforeAll(async () => {
  database = await createTestDatabase();
  process.env.DATABASE_URL = database.url;
});

afterAll(async () => {
  const { db } = await import("@/lib/db/client");
  await db.$disconnect();
  await database.drop();
});

const count = (params: Record<string, string | undefined>) => {
  const parsed = parseFilter(Object.fromEntries(Object.entries(params).filter(([, v]) => v !== undefined)) as Record<string, string>, { strict: true });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
  return countTimeline(parsed.filter);
};

describe("The generator's research coding", () => {
  it("is opt-in, the same for the same seed, and leaves every other part of the dataset as it was", () => {
    const plain = generateDataset(OPTIONS);
    expect(plain.policies).toBeUndefined();
    expect(plain.coding).toBeUndefined();
    const coded = generateDataset({ ...OPTIONS, coding: true });
    expect(serializeDataset(generateDataset({ ...OPTIONS, coding: true }))).toBe(serializeDataset(coded));
    const { policies, coding, ...rest } = coded;
    expect(rest).toEqual(plain);
    expect(policies!.length).toBeGreaterThan(0);
    expect(coding!.length).toBeGreaterThan(0);
    expect(serializeDataset(generateDataset({ ...OPTIONS, seed: 4, coding: true }))).not.toBe(serializeDataset(coded));
  });

  it("codes policies with agencies and dates, and lawsuits with sides, outcomes decided by their own orders and milestones after they were filed", () => {
    const dataset = generateDataset({ ...OPTIONS, coding: true });
    const lawsuitOf = new Map(dataset.filings!.map((f) => [f.id, f.lawsuit]));
    const filed = new Map(dataset.lawsuits!.map((l) => [l.id, l.dateFiled]));
    for (const policy of dataset.policies!) {
      expect(policy.agencies!.length).toBeGreaterThan(0);
      expect(policy.dateAnnounced).toMatch(/^\d{4}-\d{2}(-\d{2})?$/);
    }
    let decidedByOrder = 0;
    for (const c of dataset.coding!) {
      expect(c.stateSides!.length).toBeGreaterThan(0);
      if (c.outcome?.decidedBy) {
        decidedByOrder++;
        expect(lawsuitOf.get(c.outcome.decidedBy)).toBe(c.lawsuit);
        expect(dataset.filings!.find((f) => f.id === c.outcome!.decidedBy)!.kind).toBe("order");
      }
      for (const m of c.reliefMilestones ?? []) expect(m.date! >= filed.get(c.lawsuit)!.slice(0, 4)).toBe(true);
    }
    expect(decidedByOrder).toBeGreaterThan(0);
  });

  it("imports without a problem, names only seeded issue areas, and the coding filters select its filings", async () => {
    const seeded = await database.sql<{ slug: string }[]>`SELECT slug FROM issue_area ORDER BY slug`;
    expect([...SEEDED_ISSUE_AREAS].sort()).toEqual(seeded.map((a) => a.slug));

    const dataset = generateDataset({ ...OPTIONS, coding: true });
    await importDatasetText(database.sql, serializeDataset(dataset));
    const all = await count({});
    expect(all).toBe(OPTIONS.filings);
    // Values the generated coding holds (a lawsuit with filings, coded with a milestone).
    const coded = dataset.coding!.find((c) => (c.reliefMilestones ?? []).length > 0 && dataset.filings!.some((f) => f.lawsuit === c.lawsuit))!;
    const milestone = coded.reliefMilestones![0];
    for (const params of [
      { issueArea: coded.issueAreas![0] },
      { policy: coded.policies![0] },
      { agency: dataset.policies!.find((p) => p.id === coded.policies![0])!.agencies![0] },
      { administration: "obama" },
      { administration: "trump-1" },
      { lawsuitOutcome: coded.outcome!.class },
      { relief: milestone.relief, reliefStatus: milestone.status },
    ]) {
      const n = await count(params);
      expect(n, JSON.stringify(params)).toBeGreaterThan(0);
      expect(n, JSON.stringify(params)).toBeLessThan(all);
    }
  });
});
