// npm run generate -- [--filings 100000] [--seed 1] [--coding] <file.json>
// Writes a synthetic docketline/v1 dataset, the same for the same seed; with --coding,
// the research coding of its lawsuits too (the rest of the file unchanged).
import { createWriteStream } from "node:fs";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { parseArgs } from "node:util";

import { generateDatasetText } from "@/lib/dataset/generate";
import { plural } from "@/lib/text";

import { fail } from "./support/cli.mts";

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
  const options = { filings, seed, coding: values.coding };
  // Written as it is made: a file of a million filings is larger than a JavaScript string can be.
  const made = { lawsuits: 0, coded: 0, policies: 0 };
  await pipeline(Readable.from(generateDatasetText(options, made)), createWriteStream(positionals[0]));
  const coding = values.coding ? `, ${plural(made.coded, "lawsuit")} coded, ${plural(made.policies, "policy", "policies")}` : "";
  console.log(`Wrote ${plural(filings, "filing")} in ${plural(made.lawsuits, "lawsuit")}${coding} to ${positionals[0]}`);
}

main().catch(fail);
