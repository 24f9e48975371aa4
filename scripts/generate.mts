// npm run generate -- [--filings 100000] [--seed 1] [--coding] <file.json>
// Writes a synthetic docketline/v1 dataset, the same for the same seed; with --coding,
// the research coding of its lawsuits too (the rest of the file unchanged).
import { writeFile } from "node:fs/promises";
import { parseArgs } from "node:util";

import { serializeDataset } from "@/lib/dataset/export";
import { generateDataset } from "@/lib/dataset/generate";

import { fail, pluralize } from "./support/cli.mts";

const USAGE = "Usage: npm run generate -- [--filings 100000] [--seed 1] [--coding] <file.json>";

async function main() {
  const { values, positionals } = parseArgs({
    options: {
      filings: { type: "string", default: "100000" },
      seed: { type: "string", default: "1" },
      coding: { type: "boolean", default: false },
      help: { type: "boolean", short: "h" },
    },
    allowPositionals: true,
  });
  if (values.help) return console.log(USAGE);
  const filings = Number(values.filings);
  const seed = Number(values.seed);
  if (positionals.length !== 1 || !Number.isInteger(filings) || filings < 1 || !Number.isInteger(seed)) fail(new Error(USAGE));
  const dataset = generateDataset({ filings, seed, coding: values.coding });
  await writeFile(positionals[0], serializeDataset(dataset));
  const coding = values.coding ? `, ${pluralize(dataset.coding?.length ?? 0, "lawsuit")} coded, ${`${(dataset.policies?.length ?? 0).toLocaleString("en-US")} policies`}` : "";
  console.log(`Wrote ${pluralize(filings, "filing")} in ${pluralize(dataset.lawsuits?.length ?? 0, "lawsuit")}${coding} to ${positionals[0]}`);
}

main().catch(fail);
