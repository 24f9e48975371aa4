// npm run bench:exports -- [--filter 'state=NM&kind=motion']
// Times each export of the database that DATABASE_URL or DOCKETLINE_DATA_DIR names (as
// `npm run export` finds it), written to nowhere: wall time, time to the first chunk,
// the CPU time of this process and of the PostgreSQL backend that served it (the two
// figures a busy machine changes least), and peak memory. Prints figures; asserts
// nothing (timings belong here, not in tests).
import { readFileSync } from "node:fs";
import { performance } from "node:perf_hooks";

import { createSql } from "@/lib/db/sql";
import { EXPORT_FORMATS, exportFormat } from "@/lib/exports/formats";
import { parseFilter } from "@/lib/filters/schema";
import { DATASET_FILE } from "@/lib/releases/paths";

import { parseScriptOptions, withDatabase } from "./support/cli.mts";

const USAGE = `Usage: npm run bench:exports -- [--filter QUERY] [--only FILE]...

Times each /export format that takes a filter (filings.csv, filing-states.csv,
dataset.json: lib/exports/formats.ts), for the timeline query QUERY (none by default),
and npm run export's whole dataset; with --only, just the formats named.`;

const { values } = parseScriptOptions(
  { filter: { type: "string", default: "" }, only: { type: "string", multiple: true }, help: { type: "boolean" } },
  USAGE,
);
const parsed = parseFilter(new URLSearchParams(values.filter), { strict: true });
if (!parsed.ok) throw new Error(parsed.problems.map((p) => `${p.param}: ${p.message}`).join("\n"));
const filter = { ...parsed.filter, cursor: undefined };

/** CPU milliseconds a process has used, from /proc (Linux). */
function cpuOf(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1].split(" ");
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

await withDatabase(async ({ url }) => {
  // One connection, so that the backend measured is the one that serves the export.
  const sql = createSql(url, { max: 1 });
  try {
    const [{ pid }] = await sql<{ pid: number }[]>`SELECT pg_backend_pid() AS pid`;
    const origin = "https://docketline.example";
    // Every format as /export serves it for the filter (EXPORT_FORMATS), then the whole dataset.
    const exports: [string, () => AsyncIterable<string>][] = [
      ...EXPORT_FORMATS.flatMap((f): [string, () => AsyncIterable<string>][] => (f.filtered ? [[f.file, () => f.filtered!(sql, filter, { origin, bom: false })]] : [])),
      ["npm run export (whole dataset)", () => exportFormat(DATASET_FILE).everything(sql, { origin })],
    ];
    console.log(`Exports of ${values.filter ? `?${values.filter}` : "every filing"}; load average ${(await import("node:os")).loadavg().map((l) => l.toFixed(1)).join(", ")}\n`);
    console.log(`${"export".padEnd(32)} ${"MB".padStart(7)} ${"first".padStart(9)} ${"wall".padStart(9)} ${"node CPU".padStart(9)} ${"PG CPU".padStart(9)} ${"peak RSS".padStart(9)}`);
    for (const [name, run] of exports) {
      if (name.startsWith("npm") && (values.filter || values.only)) continue;
      if (values.only && !values.only.includes(name)) continue;
      global.gc?.();
      const rssBefore = process.memoryUsage().rss;
      let peak = rssBefore;
      const [pg0, cpu0, start] = [cpuOf(pid), process.cpuUsage(), performance.now()];
      let first = 0;
      let bytes = 0;
      for await (const chunk of run()) {
        if (!first) first = performance.now() - start;
        bytes += Buffer.byteLength(chunk);
        peak = Math.max(peak, process.memoryUsage().rss);
      }
      const wall = performance.now() - start;
      const cpu = process.cpuUsage(cpu0);
      const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
      console.log(
        `${name.padEnd(32)} ${(bytes / 1e6).toFixed(1).padStart(7)} ${s(first).padStart(9)} ${s(wall).padStart(9)} ${s((cpu.user + cpu.system) / 1000).padStart(9)} ${s(cpuOf(pid) - pg0).padStart(9)} ${`${(peak / 2 ** 20).toFixed(0)} MB`.padStart(9)}`,
      );
    }
  } finally {
    await sql.end({ timeout: 5 });
  }
});
