// npm run export -- [--all | --codebook | filters] <file.json | file.csv>   ("-" writes JSON to standard output)
//
// An export holds what the public sees, like the web exports: drafts and deleted
// records are left out. The formats, their files and how each is written are the one
// list the routes and releases use (lib/exports/formats.ts); the file's extension and a
// flag (`--per-state`, `--codebook`) pick one. Without filters, a .json file gets every
// public record as a docketline/v1 dataset (import it into an empty database and export
// again: the same bytes). With filters, the file holds what the timeline shows for the
// same query parameters: `--state NM --kind motion out.csv`. `--all` is the backup:
// every record, drafts and deleted ones included, as plain records (the format has no
// field for a record's publication).
import { createWriteStream } from "node:fs";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";

import { exportDatasetText } from "@/lib/dataset/export";
import { EXPORT_FORMATS, fileNameParts, type ExportFormat, type ExportTally } from "@/lib/exports/formats";
import { countFilings } from "@/lib/exports/stream";
import { FILTER_KEYS, filterToSearchParams, parseFilter, REPEATABLE_PARAMS, type Filter } from "@/lib/filters/schema";
import { plural } from "@/lib/text";

import { fail, publicOrigin, withDatabase } from "./support/cli.mts";
import { createProgress } from "./support/progress.mts";

const FILTER_FLAGS = FILTER_KEYS.filter((key) => key !== "cursor");

/** A format's file extension: "csv" for filings.csv. */
const extensionOf = (file: string) => fileNameParts(file).extension;
const EXTENSIONS = [...new Set(EXPORT_FORMATS.map((f) => extensionOf(f.file)))];
const FORMAT_FLAGS = EXPORT_FORMATS.flatMap((f) => (f.option ? [{ ...f.option, format: f }] : []));

/** "--per-state   one row per…", aligned like the rest of the usage. */
const flagLine = (flag: string, help: string) => `  ${`--${flag}`.padEnd(13)} ${help}`;

// A flag of a format the filter does not change stands instead of filters; the others go with them.
const USAGE = `Usage: npm run export -- [${["all", ...FORMAT_FLAGS.filter((f) => !f.format.filtered).map((f) => f.flag)].map((f) => `--${f}`).join(" | ")} | filters] ${FORMAT_FLAGS.filter((f) => f.format.filtered).map((f) => `[--${f.flag}] `).join("")}[--bom] <file.${EXTENSIONS.join(" | file.")}>   (- writes JSON to standard output)

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

The file's extension picks the format (${EXPORT_FORMATS.filter((f) => !f.option).map((f) => `.${extensionOf(f.file)}: ${f.file}`).join(", ")}); these pick another:
${FORMAT_FLAGS.map((f) => flagLine(f.flag, `${f.help} (.${extensionOf(f.format.file)})`)).join("\n")}
${flagLine("bom", `start with a byte-order mark, for spreadsheet programs (${EXPORT_FORMATS.filter((f) => f.bom).map((f) => f.file).join(", ")})`)}

Examples:
  npm run export -- public.json
  npm run export -- --all backup.json
  npm run export -- --codebook codebook.json
  npm run export -- --state NM --kind motion new-mexico-motions.csv`;

interface Options {
  file: string;
  params: URLSearchParams;
  /** The flags that pick a format (FORMAT_FLAGS). */
  picked: string[];
  bom: boolean;
  all: boolean;
}

/** `--state NM`, `--state=NM`, the flags without values, and the file. */
function parseArgs(args: string[]): Options {
  const params = new URLSearchParams();
  const files: string[] = [];
  const picked: string[] = [];
  let bom = false;
  let all = false;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (FORMAT_FLAGS.some((f) => arg === `--${f.flag}`)) picked.push(arg.slice(2));
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
  return { file: files[0], params, picked, bom, all };
}

/** The filter, read as the web exports read query parameters: strictly, naming each bad flag. */
function parseFlags(params: URLSearchParams): Filter {
  const parsed = parseFilter(params, { strict: true });
  if (parsed.ok) return { ...parsed.filter, cursor: undefined };
  const lines = parsed.problems.map((p) => `  --${p.param}: ${p.message.replace(/is not a known parameter$/, "is not a known option")}`);
  throw new Error(`Nothing was exported. ${parsed.problems.length === 1 ? "One option has a problem" : "Some options have problems"}:\n${lines.join("\n")}`);
}

/** The format the file's extension and the flags pick, or an error saying why none fits. */
function pickFormat(options: Options): ExportFormat {
  const extension = options.file === "-" ? "json" : EXTENSIONS.find((e) => options.file.toLowerCase().endsWith(`.${e}`));
  if (!extension) throw new Error(`The file must end in ${EXTENSIONS.map((e) => `.${e}`).join(" or ")}: ${options.file}`);
  if (options.picked.length > 1) throw new Error(`${options.picked.map((f) => `--${f}`).join(" and ")} pick different formats: give one.`);
  const flag = FORMAT_FLAGS.find((f) => f.flag === options.picked[0]);
  if (flag && extensionOf(flag.format.file) !== extension) throw new Error(`--${flag.flag} is for .${extensionOf(flag.format.file)} files.`);
  const format = flag?.format ?? EXPORT_FORMATS.find((f) => !f.option && extensionOf(f.file) === extension)!;
  if (options.bom && !format.bom) throw new Error(`--bom is for ${EXPORT_FORMATS.filter((f) => f.bom).map((f) => f.file).join(" and ")}.`);
  // A backup is the whole database: a filtered or CSV view of drafts is what staff pages are for.
  if (options.all && !format.dataset) throw new Error(`--all writes a .json backup of the dataset: it does not make ${flag ? `--${flag.flag} files` : `.${extension} files`}.`);
  if (options.all && options.params.size > 0) throw new Error("--all exports every record: it takes no filters.");
  if (!format.filtered && options.params.size > 0) throw new Error(`--${flag?.flag} writes ${format.file}, which no filter changes: it takes no filters.`);
  return format;
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
  const format = pickFormat(options);
  const filtered = options.params.size > 0;
  const query = filterToSearchParams({ ...filter, sort: undefined }).toString();
  const toStdout = options.file === "-";
  const origin = publicOrigin();
  const tally: ExportTally = { lawsuits: 0, filings: 0, added: 0 };

  if (format.dataset && !filtered) {
    // Every public record (or, with --all, every record): the round-trip dataset.
    await withDatabase(async ({ sql }) => {
      // Counted before the export's cursor opens: nothing else may use the pool while it is open.
      const total = options.all ? (await sql<{ n: number }[]>`SELECT count(*)::int AS n FROM filing`)[0].n : await countFilings(sql, filter);
      // Progress goes with the report on standard output, unless the dataset itself does.
      const progress = createProgress(toStdout ? process.stderr : process.stdout, "Exporting", "filings");
      // The backup is not an export format: it holds what the public does not see.
      const chunks = options.all ? exportDatasetText(sql, { scope: "all", tally }) : format.everything(sql, { origin, tally });
      try {
        await write(options.file, chunks, () => progress.update(tally.filings, total, tally.filings));
      } finally {
        progress.end();
      }
    });
    if (toStdout) return;
    const what = options.all ? ", drafts and deleted records included," : "";
    console.log(`Exported ${plural(tally.lawsuits, "lawsuit")} and ${plural(tally.filings, "filing")}${what} to ${options.file}`);
    return;
  }

  const message = await withDatabase(async ({ sql }) => {
    if (!format.filtered) {
      await write(options.file, format.everything(sql, { origin }));
      return `Exported ${format.file} to ${options.file}`;
    }
    const matching = query ? ` matching ${query}` : "";
    const count = format.dataset ? 0 : await countFilings(sql, filter);
    await write(options.file, format.filtered(sql, filter, { origin, bom: options.bom, tally }));
    if (format.dataset) {
      const added = tally.added > 0 ? `, with ${plural(tally.added, "more filing")} they refer to,` : "";
      return `Exported ${plural(tally.filings, "filing")}${matching}${added} and ${plural(tally.lawsuits, "lawsuit")} to ${options.file}`;
    }
    return `Exported ${plural(count, "filing")}${matching} to ${options.file}${format.option ? ` (${format.label})` : ""}`;
  });
  if (!toStdout) console.log(message);
}

main().catch(fail);
