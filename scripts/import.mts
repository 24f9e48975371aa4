// npm run import -- [--draft] [--memory] [--timings] <file.json>
// Reads a docketline/v1 file as a stream, checking every record, and imports it in one
// transaction only if all of it is valid. Imported data is reviewed data: new lawsuits
// and filings arrive published unless --draft.
import { stat } from "node:fs/promises";

import { importDatasetFile, RECORD_KINDS } from "@/lib/dataset/import";
import { formatTimings, ImportTimings } from "@/lib/dataset/timings";

import { fail, withDatabase } from "./support/cli.mts";
import { createMemoryMeter, createProgress, peakMemoryLine } from "./support/progress.mts";

const USAGE = `Usage: npm run import -- [--draft] [--memory] [--timings] <file.json>

  --draft   new lawsuits and filings arrive as drafts, for staff to review and publish
            (records already in the database keep their state)
  --memory  print the most live heap and resident memory the import used (slower: it
            collects garbage to measure)
  --timings print where the time went, phase by phase (reading, checking, each
            statement of the merge, the derived columns, ANALYZE, the commit)`;

const OPTIONS = new Set(["--draft", "--memory", "--timings"]);

async function main() {
  const args = process.argv.slice(2);
  if (args.includes("--help") || args.includes("-h")) {
    console.log(USAGE);
    return;
  }
  const draft = args.includes("--draft");
  const files = args.filter((a) => !OPTIONS.has(a));
  const unknown = files.filter((a) => a.startsWith("--"));
  if (unknown.length > 0) fail(new Error(`Unknown option ${unknown[0]}\n${USAGE}`));
  if (files.length !== 1) fail(new Error(USAGE));
  const file = files[0];
  await stat(file).catch((error: NodeJS.ErrnoException) => {
    fail(new Error(error.code === "ENOENT" ? `No such file: ${file}` : `Cannot read ${file}: ${error.message}`));
  });
  const memory = args.includes("--memory") ? createMemoryMeter() : null;
  const timings = args.includes("--timings") ? new ImportTimings() : undefined;
  const summary = await withDatabase(async ({ sql }) => {
    // Progress goes with the report, on standard output, timed from when the database is ready.
    const progress = createProgress(process.stdout, "Reading", "records");
    try {
      return await importDatasetFile(sql, file, {
        publication: draft ? "draft" : "published",
        timings,
        onProgress: (p) => {
          memory?.sample(p.bytes, p.totalBytes);
          if (p.phase === "reading") progress.update(p.bytes, p.totalBytes, p.records);
          else progress.step(p.phase === "checking" ? `Checking ${p.records.toLocaleString("en-US")} records against the database…` : "Writing to the database…");
        },
      });
    } finally {
      progress.end();
    }
  });
  console.log(`Imported ${file}${draft ? " (new records as drafts)" : ""}`);
  for (const kind of RECORD_KINDS) {
    const { created, updated, unchanged } = summary[kind];
    console.log(`  ${kind.padEnd(10)} ${created} created, ${updated} updated, ${unchanged} unchanged`);
  }
  if (memory) console.log(memory.report());
  else if (timings) console.log(peakMemoryLine());
  if (timings) console.log(`Timings:\n${formatTimings(timings.report())}`);
}

main().catch(fail);
