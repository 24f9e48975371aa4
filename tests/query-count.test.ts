// Pages run a small, fixed number of SQL statements whatever the number of filings they
// show (no query per row): the statements behind a page are counted for a small and a
// large result, and must be the same. (Prisma reads each included relation with a
// statement of its own, so a detail page takes a dozen or so: fixed, not per row.)
import { PrismaPg } from "@prisma/adapter-pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { importDataset } from "@/lib/dataset/import";
import { validateDataset } from "@/lib/dataset/validate";
import { FilterSchema } from "@/lib/filters/schema";
import { PrismaClient } from "@/lib/generated/prisma/client";

import { createTestDatabase, readFoundingDataset, type TestDatabase } from "./support/database";

let database: TestDatabase;
let statements: string[] = [];

beforeAll(async () => {
  database = await createTestDatabase();
  process.env.DATABASE_URL = database.url;
  // The app's client, with query events on: lib/db/client.ts reuses a client it finds here.
  const client = new PrismaClient({ adapter: new PrismaPg({ connectionString: database.url }), log: [{ emit: "event", level: "query" }] });
  client.$on("query", (event) => statements.push(event.query));
  (globalThis as { docketlinePrisma?: PrismaClient }).docketlinePrisma = client;
  await importDataset(database.sql, validateDataset(JSON.parse(await readFoundingDataset())));
});

afterAll(async () => {
  await (globalThis as { docketlinePrisma?: PrismaClient }).docketlinePrisma?.$disconnect();
  await database.drop();
});

async function count(run: () => Promise<unknown>): Promise<number> {
  statements = [];
  await run();
  return statements.length;
}

describe("The number of SQL statements behind a page", () => {
  it("is the same for a timeline page of 2 filings and one of 22", async () => {
    const { getTimeline } = await import("@/lib/timeline/queries");
    const page = (filter: Record<string, unknown>) => () => getTimeline(FilterSchema.parse(filter));
    const few = await count(page({ kind: ["letter", "statement"] }));
    const all = await count(page({}));
    expect(few).toBeGreaterThan(0);
    expect(all).toBe(few);
    expect(all).toBeLessThanOrEqual(8);
  });

  it("is the same for a filing with 18 states and 3 demands and one with none", async () => {
    const { getFilingDetail } = await import("@/lib/filings/queries");
    const big = await count(() => getFilingDetail("wa-v-us-2018-dkt-15"));
    const small = await count(() => getFilingDetail("ms-l-v-ice-2018-dkt-32"));
    expect(big).toBeGreaterThan(0);
    expect(big).toBe(small);
    expect(big).toBeLessThanOrEqual(15);
  });

  it("is the same for a lawsuit with 10 filings and one with 1", async () => {
    const { getLawsuit } = await import("@/lib/lawsuits/queries");
    const big = await count(() => getLawsuit("washington-v-united-states-2018"));
    const small = await count(() => getLawsuit("flores-v-barr-2019"));
    expect(big).toBeGreaterThan(0);
    expect(big).toBe(small);
    expect(big).toBeLessThanOrEqual(15);
  });

  it("is the same for a state that joined 9 filings and one that joined none", async () => {
    const { getJurisdiction: getState } = await import("@/lib/jurisdictions/queries");
    const busy = await count(() => getState("NM"));
    const idle = await count(() => getState("WY"));
    expect(busy).toBeGreaterThan(0);
    expect(busy).toBe(idle);
    expect(busy).toBeLessThanOrEqual(15);
  });
});
