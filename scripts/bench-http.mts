// npm run bench:http -- [--filings 100000] [--seed 1] [--duration 10] [--connections 10]
//                       [--reuse-data DIR] [--write] [--lighthouse] [--coding]
// What a reader waits for: the production app (started as `npm start` starts it, on a
// throwaway database holding a generated dataset) under load from autocannon, page by
// page, beside a static file of similar size served by the same server in the same run.
// Prints a Markdown table with issue 9's budgets (pass/miss); --write puts it in
// docs/performance.md. A benchmark, not a test: it asserts nothing.
import { readdir, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";

import autocannon from "autocannon";

import { findFreePort } from "@/lib/free-port";
import { JURISDICTIONS } from "@/lib/jurisdictions/reference";

import {
  cleanUpRun,
  countFilings,
  findFilingPath,
  makeWorkDir,
  prepareData,
  seconds,
  startApp,
  withCleanup,
  type RunningApp,
} from "./support/bench-app.mts";
import { fail, parseScriptOptions } from "./support/cli.mts";
import { FIRST_LOAD_BUDGET, measureFirstLoad, measureSizes, type Sizes } from "./support/first-load.mts";
import { runLighthouse } from "./support/lighthouse-run.mts";
import { describeCommand, describeCommit, describeMachine, passOrMiss, today, writeSection } from "./support/performance-doc.mts";

const USAGE = `Usage: npm run bench:http -- [options]

  --filings N        generated filings to import (default 100000)
  --seed S           the generator's seed (default 1)
  --duration S       seconds of load per URL (default 10)
  --connections N    concurrent connections (default 10)
  --reuse-data DIR   use (and keep) the database in DIR; generate and import into it
                     only when it holds none
  --write            replace the figures in docs/performance.md
  --lighthouse       also run Lighthouse on the same app (as npm run lighthouse)
  --coding           generate the research coding too (npm run generate -- --coding),
                     and also time the timeline filtered by it`;

// Issue 9's budgets, at 10 connections on a 2-core machine with 100,000 filings.
// Sizes in kB of 1,000 bytes, the stricter reading.
const BUDGET = {
  pageRatio: 0.4,
  pageP50: 30,
  pageP99: 150,
  pageGzip: 60_000,
  varyingP50: 100,
  apiP50: 10,
  firstLoad: FIRST_LOAD_BUDGET,
};
/** The generator's years (lib/dataset/generate.ts) and a few of its words. */
const YEARS = Array.from({ length: 16 }, (_, i) => 2010 + i);
const WORDS = ["dolor", "amet", "vero", "quia", "sint", "nemo", "odio", "vitae"];

type Kind = "page" | "api" | "feed";

interface Target {
  label: string;
  path: string;
  kind: Kind;
}

interface Load {
  rps: number;
  p50: number;
  p99: number;
  total: number;
  non2xx: number;
  errors: number;
}

interface StaticFile {
  path: string;
  size: number;
}

function parseOptions() {
  const { values, integer } = parseScriptOptions(
    {
      filings: { type: "string", default: "100000" },
      seed: { type: "string", default: "1" },
      duration: { type: "string", default: "10" },
      connections: { type: "string", default: "10" },
      "reuse-data": { type: "string" },
      write: { type: "boolean", default: false },
      lighthouse: { type: "boolean", default: false },
      coding: { type: "boolean", default: false },
      help: { type: "boolean", short: "h" },
    },
    USAGE,
  );
  return {
    filings: integer("filings", values.filings, 1),
    seed: integer("seed", values.seed, 0),
    duration: integer("duration", values.duration, 1),
    connections: integer("connections", values.connections, 1),
    reuseData: values["reuse-data"] ? path.resolve(values["reuse-data"]) : undefined,
    write: values.write,
    lighthouse: values.lighthouse,
    coding: values.coding,
  };
}

type Options = ReturnType<typeof parseOptions>;

/** autocannon at N connections for D seconds, asking for gzip as every browser does. */
async function load(origin: string, urlPath: string, options: Options, varying?: (i: number) => string): Promise<Load> {
  let i = 0;
  const result = await autocannon({
    url: origin + urlPath,
    connections: options.connections,
    duration: options.duration,
    timeout: 30,
    headers: { "accept-encoding": "gzip" },
    ...(varying ? { requests: [{ setupRequest: (request) => ({ ...request, path: varying(i++) }) }] } : {}),
  });
  return {
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    total: result.requests.total,
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
  };
}

/** Year ranges of one to five years within the generator's years. */
const RANGES = YEARS.flatMap((from) => YEARS.filter((to) => to >= from && to - from < 5).map((to) => [from, to] as const));

/**
 * The i-th of the different valid timeline filters (year range × state × search word),
 * so that no cache can answer two requests of one run.
 */
function varyingFilter(i: number): string {
  const [from, to] = RANGES[i % RANGES.length];
  let rest = Math.floor(i / RANGES.length);
  const state = rest % (JURISDICTIONS.length + 1);
  rest = Math.floor(rest / (JURISDICTIONS.length + 1));
  const word = rest % (WORDS.length + 1);
  const params = new URLSearchParams({ from: String(from), to: String(to) });
  if (state > 0) params.set("state", JURISDICTIONS[state - 1].code);
  if (word > 0) params.set("q", WORDS[word - 1]);
  return `/?${params}`;
}
const VARYING_CYCLE = RANGES.length * (JURISDICTIONS.length + 1) * (WORDS.length + 1);

async function listStaticFiles(): Promise<StaticFile[]> {
  const root = path.join(process.env.NEXT_DIST_DIR || ".next", "static");
  const found: StaticFile[] = [];
  const walk = async (dir: string) => {
    for (const entry of await readdir(dir, { withFileTypes: true })) {
      const file = path.join(dir, entry.name);
      if (entry.isDirectory()) await walk(file);
      else found.push({ path: `/_next/static/${path.relative(root, file).split(path.sep).join("/")}`, size: (await stat(file)).size });
    }
  };
  await walk(root);
  return found;
}

function closestBySize(files: StaticFile[], size: number): StaticFile {
  return files.reduce((best, file) => (Math.abs(file.size - size) < Math.abs(best.size - size) ? file : best));
}

const kB = (bytes: number) => (bytes >= 1_000_000 ? `${(bytes / 1_000_000).toFixed(2)} MB` : `${(bytes / 1000).toFixed(bytes < 10_000 ? 1 : 0)} kB`);
const ms = (value: number) => (value >= 1000 ? `${(value / 1000).toFixed(2)} s` : `${value < 10 ? value.toFixed(1) : Math.round(value)} ms`);
const rps = (value: number) => (value < 10 ? value.toFixed(1) : Math.round(value).toLocaleString("en-US"));
const percent = (value: number) => `${Math.round(value * 100)}%`;

async function main() {
  const options = parseOptions();
  const workDir = await makeWorkDir("docketline-bench-http-");
  const dataDir = options.reuseData ?? path.join(workDir, "data");
  const logFile = path.join(tmpdir(), `docketline-bench-http-${process.pid}.log`);
  let app: RunningApp | undefined;
  let succeeded = false;
  // Generation, import and a build take up to ~10 minutes here; then the load runs.
  const limitMs = (40 + (options.lighthouse ? 15 : 0)) * 60_000 + 30 * options.duration * 1000 * 2;

  await withCleanup(
    limitMs,
    () => cleanUpRun({ app, reuseData: options.reuseData, dataDir, workDir, logFile, succeeded: succeeded }),
    async () => {
      const started = performance.now();
      console.log(`HTTP benchmark: ${options.reuseData ? `the database in ${options.reuseData}` : `${options.filings.toLocaleString("en-US")} generated filings (seed ${options.seed})`}, ${options.connections} connections, ${options.duration} s per URL\n`);
      const note = await prepareData({ dataDir, workDir, filings: options.filings, seed: options.seed, coding: options.coding });
      app = startApp({ dataDir, port: await findFreePort(), logFile });
      await app.ready();
      const origin = app.origin;
      const publicFilings = await countFilings(origin);
      const filingPath = await findFilingPath(origin);

      const targets: Target[] = [
        { label: "`/` (unfiltered)", path: "/", kind: "page" },
        { label: "`/?q=dolor`", path: "/?q=dolor", kind: "page" },
        { label: "`/?state=NM&kind=order&from=2015&to=2020`", path: "/?state=NM&kind=order&from=2015&to=2020", kind: "page" },
        // The timeline filtered by the research coding (issue 12): an issue area, and an administration with an outcome.
        ...(options.coding
          ? ([
              { label: "`/?issueArea=immigration`", path: "/?issueArea=immigration", kind: "page" },
              { label: "`/?administration=trump-1&lawsuitOutcome=settled`", path: "/?administration=trump-1&lawsuitOutcome=settled", kind: "page" },
            ] as const)
          : []),
        { label: "`/filings/{id}`", path: filingPath, kind: "page" },
        { label: "`/states/NM`", path: "/states/NM", kind: "page" },
        { label: "`/lawsuits`", path: "/lawsuits", kind: "page" },
        { label: "`/insights`", path: "/insights", kind: "page" },
        { label: "`/insights/coalitions`", path: "/insights/coalitions", kind: "page" },
        { label: "`/api/v1/filings?limit=50`", path: "/api/v1/filings?limit=50", kind: "api" },
        { label: "`/api/v1/jurisdictions`", path: "/api/v1/jurisdictions", kind: "api" },
        { label: "`/feed.xml`", path: "/feed.xml", kind: "feed" },
      ];

      console.log(`\nFirst fetch of each URL (without and with gzip)…`);
      const sizes = new Map<string, Sizes>();
      for (const target of targets) {
        const measured = await measureSizes(origin, target.path);
        sizes.set(target.path, measured);
        console.log(`  ${target.path.padEnd(44)} ${measured.status}  ${kB(measured.raw).padStart(9)} raw  ${kB(measured.gzip).padStart(8)} gzip  first ${ms(measured.firstMs)}`);
      }
      // What a varying request weighs: a few filters of the cycle this run will not reach.
      const samples = [1, 2, 3].map((n) => varyingFilter(VARYING_CYCLE - n));
      const sampleSizes = await Promise.all(samples.map((sample) => measureSizes(origin, sample)));
      const mean = (values: number[]) => values.reduce((sum, value) => sum + value, 0) / values.length;
      const varyingSizes = {
        raw: mean(sampleSizes.map((s) => s.raw)),
        gzip: mean(sampleSizes.map((s) => s.gzip)),
        firstMs: mean(sampleSizes.map((s) => s.firstMs)),
        gzipServed: sampleSizes.every((s) => s.gzipServed),
      };

      const staticFiles = await listStaticFiles();
      const pairing = new Map<string, StaticFile>(targets.map((target) => [target.path, closestBySize(staticFiles, sizes.get(target.path)!.raw)]));
      const varyingStatic = closestBySize(staticFiles, varyingSizes.raw);
      const distinctStatic = [...new Set([...pairing.values(), varyingStatic])];
      const staticSizes = new Map<string, Sizes>();
      for (const file of distinctStatic) staticSizes.set(file.path, await measureSizes(origin, file.path));

      const loads = new Map<string, Load>();
      const VARYING = "(different filter each request)";
      const measure = async (label: string, urlPath: string, varying?: (i: number) => string) => {
        process.stdout.write(`  ${label.padEnd(44)} `);
        const result = await load(origin, urlPath, options, varying);
        loads.set(varying ? VARYING : urlPath, result);
        console.log(`${rps(result.rps).padStart(7)} req/s  p50 ${ms(result.p50).padStart(8)}  p99 ${ms(result.p99).padStart(8)}${result.non2xx + result.errors ? `  non-2xx ${result.non2xx}, errors ${result.errors}` : ""}`);
      };
      console.log(`\nLoad: ${options.connections} connections, ${options.duration} s each…`);
      for (const file of distinctStatic) await measure(`static ${kB(file.size)}`, file.path);
      for (const target of targets) await measure(target.path, target.path);
      await measure(VARYING, "/", varyingFilter);

      console.log(`\nFirst-load JS and CSS…`);
      const firstLoads = [
        { label: "`/`", ...(await measureFirstLoad(origin, sizes.get("/")!.body.toString("utf8"))) },
        { label: "`/filings/{id}`", ...(await measureFirstLoad(origin, sizes.get(filingPath)!.body.toString("utf8"))) },
      ];

      // ---- the report ----
      const lines: string[] = [];
      const datasetLine = note
        ? `${note.filings.toLocaleString("en-US")} generated filings (\`npm run generate -- --filings ${note.filings} --seed ${note.seed}${note.coding ? " --coding" : ""}\`), ${publicFilings.toLocaleString("en-US")} of them public`
        : `the database in ${options.reuseData} (${publicFilings.toLocaleString("en-US")} public filings)`;
      lines.push(
        `Measured on ${today()} at commit ${describeCommit()} with \`${describeCommand("bench:http")}\`: ${datasetLine}, the production app as \`npm start\` runs it, autocannon 9 at ${options.connections} connections for ${options.duration} s per URL, every request asking for gzip as browsers do. The static files are the build's own \`/_next/static/\` files closest in size, served by the same server in the same run. Machine: ${describeMachine()}. The whole run took ${seconds(performance.now() - started)}.`,
        "",
        `Budgets (issue 9): pages ≥ ${percent(BUDGET.pageRatio)} of the static file's req/s ("ratio"), p50 ≤ ${BUDGET.pageP50} ms, p99 ≤ ${BUDGET.pageP99} ms, ≤ ${kB(BUDGET.pageGzip)} of gzip HTML ("size"); a different filter on every request p50 ≤ ${BUDGET.varyingP50} ms; API reads p50 ≤ ${BUDGET.apiP50} ms. kB are 1,000 bytes. "first" is the first request to the URL after the app started (no cache warm). Requests still in flight when a run's time is up are not counted (autocannon), so a very slow URL shows few responses.`,
        "",
        "| request | req/s | p50 | p99 | non-2xx, errors | raw | gzip | first | static file of similar size: req/s, p50 | ratio | budgets |",
        "|---|---|---|---|---|---|---|---|---|---|---|",
      );
      const row = (label: string, result: Load, size: { raw: number; gzip: number; gzipServed: boolean; firstMs: number }, file: StaticFile, budgets: string) => {
        const staticLoad = loads.get(file.path)!;
        if (result.total === 0) {
          // autocannon counts only responses that arrive within the duration.
          lines.push(`| ${label} | 0 | — | — | ${result.non2xx}, ${result.errors} | ${kB(size.raw)} | ${kB(size.gzip)} | ${ms(size.firstMs)} | ${kB(file.size)}: ${rps(staticLoad.rps)}, ${ms(staticLoad.p50)} | 0% | **no response completed within ${options.duration} s**: every budget **missed** |`);
          return;
        }
        const gzip = `${kB(size.gzip)}${size.gzipServed ? "" : "*"}`;
        lines.push(
          `| ${label} | ${rps(result.rps)} | ${ms(result.p50)} | ${ms(result.p99)} | ${result.non2xx}, ${result.errors} | ${kB(size.raw)} | ${gzip} | ${ms(size.firstMs)} | ${kB(file.size)}: ${rps(staticLoad.rps)}, ${ms(staticLoad.p50)} | ${percent(result.rps / staticLoad.rps)} | ${budgets} |`,
        );
      };
      let anyBenchGzip = !varyingSizes.gzipServed;
      for (const target of targets) {
        const result = loads.get(target.path)!;
        const size = sizes.get(target.path)!;
        const file = pairing.get(target.path)!;
        anyBenchGzip ||= !size.gzipServed;
        const ratio = result.rps / loads.get(file.path)!.rps;
        const budgets = result.total === 0 ? "" :
          target.kind === "page"
            ? [
                `ratio ${passOrMiss(ratio >= BUDGET.pageRatio)}`,
                `p50 ${passOrMiss(result.p50 <= BUDGET.pageP50)}`,
                `p99 ${passOrMiss(result.p99 <= BUDGET.pageP99)}`,
                `size ${passOrMiss(size.gzip <= BUDGET.pageGzip)}`,
              ].join(" · ")
            : target.kind === "api"
              ? `p50 ${passOrMiss(result.p50 <= BUDGET.apiP50)}`
              : "none set";
        row(target.label, result, size, file, result.non2xx + result.errors > 0 || size.status >= 300 ? `${budgets} · **not all 2xx**` : budgets);
      }
      const varying = loads.get(VARYING)!;
      row(
        `\`/?from=…&to=…&state=…&q=…\`, a different filter each request`,
        varying,
        varyingSizes,
        varyingStatic,
        `p50 ≤ ${BUDGET.varyingP50} ms ${passOrMiss(varying.total > 0 && varying.p50 <= BUDGET.varyingP50)}`,
      );
      anyBenchGzip ||= firstLoads.some((first) => !first.allServedGzip) || [...staticSizes.values()].some((size) => !size.gzipServed);
      if (anyBenchGzip) lines.push("", "\\* The server sent this response (or, for first-load totals, at least one of the files) uncompressed; the figure counts the bench's own gzip (level 6) of it.");
      lines.push(
        "",
        `The varying run cycles through ${VARYING_CYCLE.toLocaleString("en-US")} different filters (${RANGES.length} \`from\`–\`to\` ranges of one to five years within 2010–2025 × no state or one of ${JURISDICTIONS.length} × no search or one of ${WORDS.length} words), e.g. \`${varyingFilter(1234)}\`; its sizes are the mean of three of them.`,
        "",
        "| static file | raw | gzip | req/s | p50 | p99 |",
        "|---|---|---|---|---|---|",
        ...distinctStatic.map((file) => {
          const size = staticSizes.get(file.path)!;
          const result = loads.get(file.path)!;
          return `| \`${file.path}\` | ${kB(size.raw)} | ${kB(size.gzip)}${size.gzipServed ? "" : "*"} | ${rps(result.rps)} | ${ms(result.p50)} | ${ms(result.p99)} |`;
        }),
        "",
        `First-load JavaScript and CSS: the \`<script src>\`, stylesheet, preload and modulepreload tags under \`/_next/\` in the served HTML, each fetched once with gzip, leaving out \`<script nomodule>\` (Next.js's polyfills, which browsers that run modules never fetch) (budget for \`/\`: ≤ ${kB(BUDGET.firstLoad)} gzip, react-chrono not in it).`,
        "",
        "| page | files | JS gzip | CSS gzip | total gzip | react-chrono in it | budget |",
        "|---|---|---|---|---|---|---|",
        ...firstLoads.map(
          (first) =>
            `| ${first.label} | ${first.files} | ${kB(first.js)} | ${kB(first.css)} | ${kB(first.js + first.css)}${first.allServedGzip ? "" : "*"} | ${first.chrono.length ? `yes: ${first.chrono.map((asset) => `\`${asset}\``).join(", ")}` : "no"} | ${
              first.label === "`/`" ? passOrMiss(first.js + first.css <= BUDGET.firstLoad && first.chrono.length === 0) : "none set"
            } |`,
        ),
      );
      const report = lines.join("\n");
      console.log(`\n${report}\n`);
      if (options.write) await writeSection("bench:http", "What a reader waits for (HTTP)", report);

      if (options.lighthouse) await runLighthouse({ origin, filingPath, write: options.write, command: describeCommand("bench:http") });
      succeeded = true;
    },
  );
}

main().catch(fail);
