// npm run bench -- [--filings 100000] [--seed 1] [--runs 15]
// Measures Docketline at scale on a throwaway embedded PostgreSQL: importing a
// synthetic dataset, and the timeline's reads (a page, the facet counts) under
// typical filters. Prints figures; asserts nothing (timings belong here, not in tests).
import { chmod, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { parseArgs } from "node:util";

import { serializeDataset } from "@/lib/dataset/export";
import { generateDataset } from "@/lib/dataset/generate";
import { importDataset } from "@/lib/dataset/import";
import { validateDataset } from "@/lib/dataset/validate";
import { startEmbeddedDatabase } from "@/lib/db/embedded";
import { migrate } from "@/lib/db/migrate";
import { createSql } from "@/lib/db/sql";
import { FilterSchema } from "@/lib/filters/schema";

const { values } = parseArgs({
  options: { filings: { type: "string", default: "100000" }, seed: { type: "string", default: "1" }, runs: { type: "string", default: "15" } },
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
  const dataDir = await mkdtemp(path.join(tmpdir(), "docketline-bench-"));
  await chmod(dataDir, 0o755);
  const server = await startEmbeddedDatabase({ dataDir });
  const sql = createSql(server.url, { max: 4 });
  try {
    await migrate(sql);
    console.log(`Docketline benchmark: ${FILINGS.toLocaleString("en-US")} synthetic filings, ${RUNS} runs per read\n`);

    const [dataset, generateMs] = await time(async () => generateDataset({ filings: FILINGS, seed: Number(values.seed) }));
    const text = serializeDataset(dataset);
    console.log(`generate     ${ms(generateMs).padStart(12)}   ${mb(Buffer.byteLength(text))} of JSON`);

    const rssBefore = process.memoryUsage().rss;
    const [, importMs] = await time(() => importDataset(sql, validateDataset(JSON.parse(text))));
    console.log(`import       ${ms(importMs).padStart(12)}   process RSS +${mb(process.memoryUsage().rss - rssBefore)} (one transaction)`);
    const [, reimportMs] = await time(() => importDataset(sql, validateDataset(JSON.parse(text))));
    console.log(`re-import    ${ms(reimportMs).padStart(12)}   (nothing changes)`);
    await sql`ANALYZE`;

    process.env.DATABASE_URL = server.url;
    const { getTimelineFacets, getTimelinePage } = await import("@/lib/timeline/queries");
    const first = await getTimelinePage(FilterSchema.parse({}));
    const filters: [string, Record<string, unknown>][] = [
      ["no filter", {}],
      ["page 2 (cursor)", { cursor: first.next }],
      ["state=NM", { state: ["NM"] }],
      ["state=NM,WA match=all", { state: ["NM", "WA"], match: "all" }],
      ["state=NM role=lead", { state: ["NM"], role: "lead" }],
      ["kind=order 2018", { kind: ["order"], from: "2018", to: "2018" }],
      ["q=dolor", { q: "dolor" }],
      ["demandCategory+outcome", { demandCategory: "procedure", outcome: "granted" }],
      ["oldest first", { sort: "oldest" }],
    ];
    console.log(`\n${"timeline read".padEnd(26)} ${"page p50".padStart(10)} ${"page p95".padStart(10)} ${"facets p50".padStart(11)} ${"facets p95".padStart(11)}  matches`);
    for (const [name, raw] of filters) {
      const filter = FilterSchema.parse(raw);
      const pages: number[] = [];
      const facets: number[] = [];
      let total = 0;
      for (let i = 0; i < RUNS; i++) {
        const [page, pageMs] = await time(() => getTimelinePage(filter));
        const [, facetMs] = await time(() => getTimelineFacets(filter));
        total = page.total;
        pages.push(pageMs);
        facets.push(facetMs);
      }
      pages.sort((a, b) => a - b);
      facets.sort((a, b) => a - b);
      console.log(
        `${name.padEnd(26)} ${ms(percentile(pages, 50)).padStart(10)} ${ms(percentile(pages, 95)).padStart(10)} ${ms(percentile(facets, 50)).padStart(11)} ${ms(percentile(facets, 95)).padStart(11)}  ${total.toLocaleString("en-US")}`,
      );
    }
    const { db } = await import("@/lib/db/client");
    await db.$disconnect();
  } finally {
    await sql.end({ timeout: 5 });
    await server.stop();
    await rm(dataDir, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
