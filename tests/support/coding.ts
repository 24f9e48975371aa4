// The founding coding with more in it, for the tests of filters and insights on the
// research coding: written as a coding file and imported through the importer, like any.
import { readFile } from "node:fs/promises";

import { exportDataset } from "@/lib/dataset/export";
import { importFoundingDataset } from "@/lib/dataset/founding";
import { importDatasetText } from "@/lib/dataset/import";
import type { LawsuitCodingRecord, PolicyRecord } from "@/lib/dataset/schema";

import { createTestDatabase, FOUNDING_CODING_PATH, type TestDatabase } from "./database";

export const CALIFORNIA = "california-v-mcaleenan-2019";
export const FLORES_APPEAL = "flores-v-barr-2019";

/**
 * The founding coding with more to filter by: a state on the other side of the Flores
 * appeal, a preliminary injunction, an outcome and an intervenor in California v. McAleenan.
 */
export async function richerFoundingCoding(): Promise<string> {
  const file = JSON.parse(await readFile(FOUNDING_CODING_PATH, "utf8")) as { coding: LawsuitCodingRecord[]; policies: PolicyRecord[] };
  const source = { url: "https://example.org/coding-filters", title: "A test source", publisher: "Example", published: "2019-10" };
  const california = file.coding.find((c) => c.lawsuit === CALIFORNIA)!;
  california.outcome = { class: "success-injunction-only", sources: [source] } as LawsuitCodingRecord["outcome"];
  california.reliefMilestones = [
    { relief: "preliminary-injunction", status: "requested", date: "2019-08-30", sources: [source] },
    { relief: "preliminary-injunction", status: "granted", date: "2019-09-27", scope: "nationwide", sources: [source] },
  ] as LawsuitCodingRecord["reliefMilestones"];
  // Washington intervened rather than sued here: "plaintiff" with match=all of CA and WA leaves this lawsuit out.
  california.stateSides.find((s) => s.jurisdiction === "WA")!.side = "intervenor-plaintiff";
  file.coding.find((c) => c.lawsuit === FLORES_APPEAL)!.stateSides.push({ jurisdiction: "TX", side: "amicus-defendant-side", sources: [source] } as LawsuitCodingRecord["stateSides"][number]);
  return JSON.stringify(file);
}


/** The exported records the tests' oracles read, and each lawsuit's administration as administration_of derives it. */
export interface CodedExport {
  exported: Awaited<ReturnType<typeof exportDataset>>;
  administrationOf: Map<string, string | null>;
}

/** A database of the test's own with the founding dataset and the richer coding, and what it exports. */
export async function createCodedDatabase(): Promise<{ database: TestDatabase } & CodedExport> {
  const database = await createTestDatabase();
  process.env.DATABASE_URL = database.url;
  await importFoundingDataset(database.sql);
  await importDatasetText(database.sql, await richerFoundingCoding());
  const rows = await database.sql<{ id: string; administration: string | null }[]>`
    SELECT id, administration_of(date_filed, date_filed_precision) AS administration FROM lawsuit`;
  return { database, exported: await exportDataset(database.sql), administrationOf: new Map(rows.map((r) => [r.id, r.administration])) };
}
