import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { importDatasetText } from "@/lib/dataset/import";

import { createTestDatabase, readFoundingDataset, type TestDatabase } from "./support/database";

describe("The founding dataset", () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => database.drop());

  it("imports with 5 lawsuits and 22 filings", async () => {
    const summary = await importDatasetText(database.sql, await readFoundingDataset());
    expect(summary.lawsuits).toEqual({ created: 5, updated: 0, unchanged: 0 });
    expect(summary.filings).toEqual({ created: 22, updated: 0, unchanged: 0 });
    const [{ lawsuits }] = await database.sql`SELECT count(*)::int AS lawsuits FROM lawsuit`;
    const [{ filings }] = await database.sql`SELECT count(*)::int AS filings FROM filing`;
    expect({ lawsuits, filings }).toEqual({ lawsuits: 5, filings: 22 });
  });
});
