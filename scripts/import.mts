// npm run import -- [--draft] <file.json>
// Validates a docketline/v1 file completely, then imports it in one transaction. Imported
// data is reviewed data: new lawsuits and filings arrive published unless --draft.
import { readFile } from "node:fs/promises";

import { importDataset, RECORD_KINDS } from "@/lib/dataset/import";
import { parseDatasetJson, validateDataset } from "@/lib/dataset/validate";

import { fail, withDatabase } from "./support/cli.mts";

const USAGE = `Usage: npm run import -- [--draft] <file.json>

  --draft   new lawsuits and filings arrive as drafts, for staff to review and publish
            (records already in the database keep their state)`;

async function main() {
  const args = process.argv.slice(2);
  if (args.includes("--help") || args.includes("-h")) {
    console.log(USAGE);
    return;
  }
  const draft = args.includes("--draft");
  const files = args.filter((a) => a !== "--draft");
  const unknown = files.filter((a) => a.startsWith("--"));
  if (unknown.length > 0) fail(new Error(`Unknown option ${unknown[0]}\n${USAGE}`));
  if (files.length !== 1) fail(new Error(USAGE));
  const file = files[0];
  const text = await readFile(file, "utf8").catch((error: NodeJS.ErrnoException) => {
    fail(new Error(error.code === "ENOENT" ? `No such file: ${file}` : `Cannot read ${file}: ${error.message}`));
  });
  // The file's own problems are reported before any database is needed.
  const dataset = validateDataset(parseDatasetJson(text));
  const summary = await withDatabase(({ sql }) => importDataset(sql, dataset, { publication: draft ? "draft" : "published" }));
  console.log(`Imported ${file}${draft ? " (new records as drafts)" : ""}`);
  for (const kind of RECORD_KINDS) {
    const { created, updated, unchanged } = summary[kind];
    console.log(`  ${kind.padEnd(10)} ${created} created, ${updated} updated, ${unchanged} unchanged`);
  }
}

main().catch(fail);
