// npm run export -- [--all | filters] <file.json | file.csv>   ("-" writes JSON to standard output)
//
// An export holds what the public sees, like the web exports: drafts and deleted
// records are left out. Without filters, a .json file gets every public record as a
// docketline/v1 dataset (import it into an empty database and export again: the same
// bytes). With filters, the file holds what the timeline shows for the same query
// parameters (lib/exports/): `--state NM --kind motion out.csv`. `--all` is the backup:
// every record, drafts and deleted ones included, as plain records (the format has no
// field for a record's publication).
import { createWriteStream } from "node:fs";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";

import { exportDatasetText } from "@/lib/dataset/export";
import { filteredDatasetJson, planFilteredDataset } from "@/lib/exports/dataset-json";
import { filingStatesCsv } from "@/lib/exports/filing-states-csv";
import { filingsCsv } from "@/lib/exports/filings-csv";
import { countFilings } from "@/lib/exports/stream";
import { FILTER_KEYS, filterToSearchParams, parseFilter, REPEATABLE_PARAMS, type Filter } from "@/lib/filters/schema";

import { fail, pluralize, publicOrigin, withDatabase } from "./support/cli.mts";
import { createProgress } from "./support/progress.mts";

const FILTER_FLAGS = FILTER_KEYS.filter((key) => key !== "cursor");

const USAGE = `Usage: npm run export -- [--all | filters] <file.json | file.csv>   (- writes JSON to standard output)

An export holds what the public sees: published lawsuits and filings, never drafts or
deleted records.

  --all         a backup of every record, drafts and deleted ones (still restorable)
                included, in a .json file, without filters. The docketline/v1 format has
                no publication field: drafts are written as plain records. Imported into
                an empty database, they arrive published (or all as drafts with
                \`npm run import -- --draft\`); records already there keep their state.

Filters are the timeline's query parameters, as flags:
  ${FILTER_FLAGS.map((key) => `--${key}`).join(" ")}
  (${REPEATABLE_PARAMS.map((key) => `--${key}`).join(" and ")} may be repeated)
CSV only:
  --per-state   one row per filing and jurisdiction instead of one per filing
  --bom         start with a byte-order mark, for spreadsheet programs

Examples:
  npm run export -- public.json
  npm run export -- --all backup.json
  npm run export -- --state NM --kind motion new-mexico-motions.csv`;

interface Options {
  file: string;
  params: URLSearchParams;
  perState: boolean;
  bom: boolean;
  all: boolean;
}

/** `--state NM`, `--state=NM`, the flags without values, and the file. */
function parseArgs(args: string[]): Options {
  const params = new URLSearchParams();
  const files: string[] = [];
  let perState = false;
  let bom = false;
  let all = false;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === "--per-state") perState = true;
    else if (arg === "--bom") bom = true;
    else if (arg === "--all") all = true;
    else if (arg.startsWith("--")) {
      const [name, inline] = arg.slice(2).split(/=(.*)/s, 2);
      const value = inline ?? args[++i];
      if (value === undefined) throw new Error(`--${name} needs a value.\n\n${USAGE}`);
      params.append(name, value);
    } else files.push(arg);
  }
  if (files.length !== 1) throw new Error(USAGE);
  return { file: files[0], params, perState, bom, all };
}

/** The filter, read as the web exports read query parameters: strictly, naming each bad flag. */
function parseFlags(params: URLSearchParams): Filter {
  const parsed = parseFilter(params, { strict: true });
  if (parsed.ok) return { ...parsed.filter, cursor: undefined };
  const lines = parsed.problems.map((p) => `  --${p.param}: ${p.message.replace(/is not a known parameter$/, "is not a known option")}`);
  throw new Error(`Nothing was exported. ${parsed.problems.length === 1 ? "One option has a problem" : "Some options have problems"}:\n${lines.join("\n")}`);
}

async function write(file: string, chunks: AsyncIterable<string>, afterChunk?: () => void) {
  const observed = afterChunk
    ? (async function* () {
        for await (const chunk of chunks) {
          yield chunk;
          afterChunk();
        }
      })()
    : chunks;
  await pipeline(Readable.from(observed), file === "-" ? process.stdout : createWriteStream(file));
}

async function main() {
  const args = process.argv.slice(2);
  if (args.includes("--help") || args.includes("-h")) {
    console.log(USAGE);
    return;
  }
  const options = parseArgs(args);
  const filter = parseFlags(options.params);
  const format = options.file === "-" || options.file.toLowerCase().endsWith(".json") ? "json" : options.file.toLowerCase().endsWith(".csv") ? "csv" : null;
  if (!format) throw new Error(`The file must end in .json or .csv: ${options.file}`);
  if (format === "json" && (options.perState || options.bom)) throw new Error("--per-state and --bom are for .csv files.");
  // A backup is the whole database: a filtered or CSV view of drafts is what staff pages are for.
  if (options.all && format !== "json") throw new Error("--all writes a .json backup: it does not make .csv files.");
  if (options.all && [...options.params.keys()].length > 0) throw new Error("--all exports every record: it takes no filters.");
  const query = filterToSearchParams({ ...filter, sort: undefined }).toString();
  const toStdout = options.file === "-";

  if (format === "json" && [...options.params.keys()].length === 0) {
    // Every public record (or, with --all, every record): the round-trip dataset.
    const tally = { lawsuits: 0, filings: 0 };
    await withDatabase(async ({ sql }) => {
      // Counted before the export's cursor opens: nothing else may use the pool while it is open.
      const total = options.all ? (await sql<{ n: number }[]>`SELECT count(*)::int AS n FROM filing`)[0].n : await countFilings(sql, filter);
      // Progress goes with the report on standard output, unless the dataset itself does.
      const progress = createProgress(toStdout ? process.stderr : process.stdout, "Exporting", "filings");
      try {
        await write(options.file, exportDatasetText(sql, { scope: options.all ? "all" : "public", tally }), () => progress.update(tally.filings, total, tally.filings));
      } finally {
        progress.end();
      }
    });
    if (toStdout) return;
    const what = options.all ? ", drafts and deleted records included," : "";
    console.log(`Exported ${pluralize(tally.lawsuits, "lawsuit")} and ${pluralize(tally.filings, "filing")}${what} to ${options.file}`);
    return;
  }

  const message = await withDatabase(async ({ sql }) => {
    const matching = query ? ` matching ${query}` : "";
    if (format === "json") {
      const plan = await planFilteredDataset(sql, filter);
      await write(options.file, filteredDatasetJson(sql, filter, { plan }));
      const added = plan.context.length > 0 ? `, with ${pluralize(plan.context.length, "more filing")} they refer to,` : "";
      return `Exported ${pluralize(plan.matched, "filing")}${matching}${added} and ${pluralize(plan.lawsuits.length, "lawsuit")} to ${options.file}`;
    }
    const count = await countFilings(sql, filter);
    const csvOptions = { origin: publicOrigin(), bom: options.bom };
    await write(options.file, options.perState ? filingStatesCsv(sql, filter, csvOptions) : filingsCsv(sql, filter, csvOptions));
    return `Exported ${pluralize(count, "filing")}${matching}${options.perState ? ", one row per jurisdiction," : ""} to ${options.file}`;
  });
  if (!toStdout) console.log(message);
}

main().catch(fail);
