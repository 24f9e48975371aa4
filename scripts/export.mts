// npm run export -- <file.json>   (or "-" for standard output)
// Writes every record in the database as a docketline/v1 dataset.
import { writeFile } from "node:fs/promises";

import { exportDataset, serializeDataset } from "@/lib/dataset/export";

import { fail, pluralize, withDatabase } from "./support/cli.mts";

const USAGE = "Usage: npm run export -- <file.json>   (- writes to standard output)";

async function main() {
  const args = process.argv.slice(2);
  if (args.includes("--help") || args.includes("-h")) {
    console.log(USAGE);
    return;
  }
  if (args.length !== 1) fail(new Error(USAGE));
  const file = args[0];
  const dataset = await withDatabase(({ sql }) => exportDataset(sql));
  const text = serializeDataset(dataset);
  if (file === "-") {
    process.stdout.write(text);
    return;
  }
  await writeFile(file, text);
  console.log(`Exported ${pluralize(dataset.lawsuits.length, "lawsuit")} and ${pluralize(dataset.filings.length, "filing")} to ${file}`);
}

main().catch(fail);
