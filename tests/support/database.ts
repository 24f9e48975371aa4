// A fresh, migrated database for one test file, cloned from the run's template:
// no test depends on another's rows.
import { randomBytes } from "node:crypto";
import { readFile } from "node:fs/promises";
import path from "node:path";

import { inject } from "vitest";

import { createSql, type Sql } from "@/lib/db/sql";

import { withDatabase } from "./urls";

export interface TestDatabase {
  url: string;
  sql: Sql;
  drop(): Promise<void>;
}

export async function createTestDatabase(): Promise<TestDatabase> {
  const serverUrl = inject("serverUrl");
  const name = `test_${randomBytes(6).toString("hex")}`;
  const admin = createSql(serverUrl, { max: 1 });
  await admin.unsafe(`CREATE DATABASE ${name} TEMPLATE ${inject("templateDatabase")}`);
  await admin.end();
  const url = withDatabase(serverUrl, name);
  const sql = createSql(url);
  return {
    url,
    sql,
    async drop() {
      await sql.end({ timeout: 5 });
      const again = createSql(serverUrl, { max: 1 });
      await again.unsafe(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await again.end();
    },
  };
}

export const FOUNDING_DATASET_PATH = path.join(process.cwd(), "prisma", "data", "family-separation-2018.json");

/** The founding dataset's research coding, a docketline/v1 file imported after it (lib/dataset/founding.ts). */
export const FOUNDING_CODING_PATH = path.join(process.cwd(), "prisma", "data", "family-separation-2018.coding.json");

export function readFoundingDataset(): Promise<string> {
  return readFile(FOUNDING_DATASET_PATH, "utf8");
}

/** Every table's rows, for asserting that a failed import changed nothing. */
export async function snapshotTables(sql: Sql): Promise<Record<string, unknown[]>> {
  const tables = [
    "court", "official", "lawsuit", "lawsuit_plaintiff", "other_party", "lawsuit_relation", "filing", "filing_state", "demand", "source",
    "issue_area", "policy", "policy_issue_area", "lawsuit_coding", "lawsuit_policy", "lawsuit_issue_area", "lawsuit_state_side", "relief_milestone",
  ];
  const entries = await Promise.all(
    tables.map(async (table) => [table, await sql`SELECT * FROM ${sql(table)} ORDER BY 1, 2`] as const),
  );
  return Object.fromEntries(entries);
}
