// npm run bench -- [--filings 100000] [--seed 1] [--runs 15] [--coding] [--database-url postgresql://…]
// Measures Docketline at scale on a throwaway embedded PostgreSQL: importing a
// synthetic dataset, and the reads behind the public pages (a timeline page and its
// total, the facet counts, insights, a state page, the jurisdiction list) under typical
// filters, each the first time (nothing in PostgreSQL's buffers from an earlier run of
// the same read) and warm. With --database-url it measures the reads only, on a
// database already imported (e.g. by `npm run import`). With --coding, the dataset has
// the research coding too, and the reads include filters on it. Prints figures; asserts
// nothing (timings belong here, not in tests).
import { chmod, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { parseArgs } from "node:util";

import { serializeDataset } from "@/lib/dataset/export";
import { generateDataset } from "@/lib/dataset/generate";
import { importDatasetText } from "@/lib/dataset/import";
import { startEmbeddedDatabase } from "@/lib/db/embedded";
import { migrate } from "@/lib/db/migrate";
import { createSql } from "@/lib/db/sql";
import { FilterSchema } from "@/lib/filters/schema";

const { values } = parseArgs({
  options: {
    filings: { type: "string", default: "100000" },
    seed: { type: "string", default: "1" },
    runs: { type: "string", default: "15" },
    coding: { type: "boolean", default: false },
    "database-url": { type: "string" },
  },
});
const FILINGS = Number(values.filings);
const RUNS = Number(values.runs);
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
const ms = (value: number) => `${value.toFixed(1)} ms`;

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

async function time<T>(run: () => Promise<T>): Promise<[T, number]> {
  const start = performance.now();
  const result = await run();
  return [result, performance.now() - start];
}

async function main() {
  if (values["database-url"]) {
    await measureReads(values["database-url"]);
    return;
  }
  const dataDir = await mkdtemp(path.join(tmpdir(), "docketline-bench-"));
  await chmod(dataDir, 0o755);
  const server = await startEmbeddedDatabase({ dataDir });
  const sql = createSql(server.url, { max: 4 });
  try {
    await migrate(sql);
    console.log(`Docketline benchmark: ${FILINGS.toLocaleString("en-US")} synthetic filings, ${RUNS} runs per read\n`);

    const [dataset, generateMs] = await time(async () => generateDataset({ filings: FILINGS, seed: Number(values.seed), coding: values.coding }));
    const text = serializeDataset(dataset);
    console.log(`generate     ${ms(generateMs).padStart(12)}   ${mb(Buffer.byteLength(text))} of JSON`);

    const rssBefore = process.memoryUsage().rss;
    const [, importMs] = await time(() => importDatasetText(sql, text));
    console.log(`import       ${ms(importMs).padStart(12)}   process RSS +${mb(process.memoryUsage().rss - rssBefore)} (one transaction)`);
    const [, reimportMs] = await time(() => importDatasetText(sql, text));
    console.log(`re-import    ${ms(reimportMs).padStart(12)}   (nothing changes)`);
    await sql`ANALYZE`;
    await measureReads(server.url);
  } finally {
    await sql.end({ timeout: 5 });
    await server.stop();
    await rm(dataDir, { recursive: true, force: true });
  }
}

/** The reads behind the public pages, first time and warm (p50, p95 of RUNS). */
async function measureReads(url: string) {
  process.env.DATABASE_URL = url;
  const { getTimeline, getTimelineFacets, getTimelinePage } = await import("@/lib/timeline/queries");
  const { getInsights } = await import("@/lib/insights/queries");
  const { getJurisdiction, listJurisdictions } = await import("@/lib/jurisdictions/queries");
  const first = await getTimelinePage(FilterSchema.parse({}));
  const filters: [string, Record<string, unknown>][] = [
    ["no filter", {}],
    ["page 2 (cursor)", { cursor: first.next }],
    ["q=dolor", { q: "dolor" }],
    ["state=NM kind=order 2015-2020", { state: ["NM"], kind: ["order"], from: "2015", to: "2020" }],
    ["kind=motion", { kind: ["motion"] }],
    ["state=CA", { state: ["CA"] }],
    ["2015-01 to 2016-06", { from: "2015-01", to: "2016-06" }],
    ["state=NM,WA match=all", { state: ["NM", "WA"], match: "all" }],
    ["state=NM role=lead", { state: ["NM"], role: "lead" }],
    ["demandCategory+outcome", { demandCategory: "procedure", outcome: "granted" }],
    ["oldest first", { sort: "oldest" }],
    // Filters of bench:http's varying run: years × a state × a word.
    ["2012-2014 state=CA", { from: "2012", to: "2014", state: ["CA"] }],
    ["2012-2014 state=CA q=dolor", { from: "2012", to: "2014", state: ["CA"], q: "dolor" }],
    // The research coding's filters (issue 12), on data generated with it.
    ...(values.coding
      ? ([
          ["issueArea=immigration", { issueArea: "immigration" }],
          ["administration=trump-1 lawsuitOutcome=settled", { administration: "trump-1", lawsuitOutcome: "settled" }],
          ["state=CA side=plaintiff relief=preliminary-injunction", { state: ["CA"], side: "plaintiff", relief: "preliminary-injunction" }],
        ] as [string, Record<string, unknown>][])
      : []),
  ];
  const reads: [string, () => Promise<unknown>][] = [];
  for (const [name, raw] of filters) {
    const filter = FilterSchema.parse(raw);
    reads.push([`page+total  ${name}`, () => getTimelinePage(filter)]);
    reads.push([`facets      ${name}`, () => getTimelineFacets(filter)]);
    // What the timeline page waits for: its page, total and facets together.
    reads.push([`timeline    ${name}`, () => getTimeline(filter)]);
    if (!raw.cursor && !raw.sort) reads.push([`insights    ${name}`, () => getInsights(filter)]);
  }
  reads.push(["state page  NM", () => getJurisdiction("NM")]);
  reads.push(["jurisdictions list", () => listJurisdictions("name")]);

  console.log(`\n${"read".padEnd(44)} ${"first".padStart(10)} ${"warm p50".padStart(10)} ${"warm p95".padStart(10)}`);
  // Every read once first, before any is repeated: "first" is the first run of that
  // statement in this process (no count is remembered by the app).
  const firsts = new Map<string, number>();
  for (const [name, run] of reads) firsts.set(name, (await time(run))[1]);
  for (const [name, run] of reads) {
    const runs: number[] = [];
    for (let i = 0; i < RUNS; i++) runs.push((await time(run))[1]);
    runs.sort((a, b) => a - b);
    console.log(`${name.padEnd(44)} ${ms(firsts.get(name)!).padStart(10)} ${ms(percentile(runs, 50)).padStart(10)} ${ms(percentile(runs, 95)).padStart(10)}`);
  }
  const { db } = await import("@/lib/db/client");
  await db.$disconnect();
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
