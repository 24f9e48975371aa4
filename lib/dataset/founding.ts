// The founding dataset and its research coding, imported together into an empty
// database by `npm start`. The dataset file stays a byte-identical copy of the shared
// one; the coding (docs/decisions/020) is a docketline/v1 file of its own that refers to
// the dataset's lawsuits and filings, written in the same transaction after it.
import "server-only";

import { readFile } from "node:fs/promises";
import path from "node:path";

import { writeDataset, type ImportSummary } from "@/lib/dataset/import";
import { parseDatasetJson, validateDataset } from "@/lib/dataset/validate";
import type { Sql } from "@/lib/db/sql";

export const FOUNDING_DATASET = path.join("prisma", "data", "family-separation-2018.json");
export const FOUNDING_CODING = path.join("prisma", "data", "family-separation-2018.coding.json");

export interface FoundingSummary {
  dataset: ImportSummary;
  coding: ImportSummary;
}

/** Validates both files before writing either; writes both or neither. */
export async function importFoundingDataset(sql: Sql, root = process.cwd()): Promise<FoundingSummary> {
  const [dataset, coding] = await Promise.all(
    [FOUNDING_DATASET, FOUNDING_CODING].map(async (file) => validateDataset(parseDatasetJson(await readFile(path.join(root, file), "utf8")))),
  );
  return (await sql.begin(async (tx) => {
    const t = tx as unknown as Sql;
    return { dataset: (await writeDataset(t, dataset)).summary, coding: (await writeDataset(t, coding)).summary };
  })) as FoundingSummary;
}
