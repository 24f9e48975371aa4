// npm run import -- <file.json>
// Validates a docketline/v1 file completely, then imports it in one transaction.
import { readFile } from "node:fs/promises";

import { importDataset, RECORD_KINDS } from "@/lib/dataset/import";
import { parseDatasetJson, validateDataset } from "@/lib/dataset/validate";

import { fail, withDatabase } from "./support/cli.mts";

const USAGE = "Usage: npm run import -- <file.json>";

async function main() {
  const args = process.argv.slice(2);
  if (args.includes("--help") || args.includes("-h")) {
    console.log(USAGE);
    return;
  }
  if (args.length !== 1) fail(new Error(USAGE));
  const file = args[0];
  const text = await readFile(file, "utf8").catch((error: NodeJS.ErrnoException) => {
    fail(new Error(error.code === "ENOENT" ? `No such file: ${file}` : `Cannot read ${file}: ${error.message}`));
  });
  // The file's own problems are reported before any database is needed.
  const dataset = validateDataset(parseDatasetJson(text));
  const summary = await withDatabase(({ sql }) => importDataset(sql, dataset));
  console.log(`Imported ${file}`);
  for (const kind of RECORD_KINDS) {
    const { created, updated, unchanged } = summary[kind];
    console.log(`  ${kind.padEnd(10)} ${created} created, ${updated} updated, ${unchanged} unchanged`);
  }
}

main().catch(fail);
