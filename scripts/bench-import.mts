// npm run bench:import -- [--filings 100000] [--seed 1]
// Times `npm run import` of a synthetic dataset into an empty throwaway embedded
// PostgreSQL, then the same file again (nothing changes), each as a user runs it (a
// child process), with the importer's peak resident memory; then once more with
// --memory for its peak live heap, whose full collections would slow the timed runs.
// Prints a table, then where each run spent its time, phase by phase (`npm run import --
// --timings`); asserts nothing (timings belong here, not in tests).
import { execFile } from "node:child_process";
import { createWriteStream } from "node:fs";
import { chmod, mkdtemp, rm, stat } from "node:fs/promises";
import { loadavg, tmpdir } from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";

import { generateDatasetText } from "@/lib/dataset/generate";
import { startEmbeddedDatabase } from "@/lib/db/embedded";
import { migrate } from "@/lib/db/migrate";
import { createSql } from "@/lib/db/sql";

import { parseScriptOptions } from "./support/cli.mts";
import { PEAK_MEMORY_LINE } from "./support/progress.mts";

const USAGE = "Usage: npm run bench:import -- [--filings 100000] [--seed 1]";
const { values, integer } = parseScriptOptions(
  { filings: { type: "string", default: "100000" }, seed: { type: "string", default: "1" }, help: { type: "boolean" } },
  USAGE,
);
const FILINGS = integer("filings", values.filings!, 1);
const SEED = integer("seed", values.seed!, 0);

function runImport(file: string, url: string, options: string[]): Promise<{ seconds: number; stdout: string }> {
  const start = performance.now();
  return new Promise((resolve, reject) => {
    // Through npm, as the README says to run it: with the Node options of package.json's script.
    execFile(
      "npm",
      ["run", "--silent", "import", "--", ...options, file],
      { env: { ...process.env, DATABASE_URL: url }, maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) => (error ? reject(new Error(`${error.message}\n${stderr}`)) : resolve({ seconds: (performance.now() - start) / 1000, stdout })),
    );
  });
}

const dir = await mkdtemp(path.join(tmpdir(), "docketline-bench-import-"));
await chmod(dir, 0o755);
const server = await startEmbeddedDatabase({ dataDir: path.join(dir, "data") });
try {
  const sql = createSql(server.url, { max: 1 });
  await migrate(sql);
  await sql.end({ timeout: 5 });
  const file = path.join(dir, "generated.json");
  await pipeline(Readable.from(generateDatasetText({ filings: FILINGS, seed: SEED })), createWriteStream(file));
  const { size } = await stat(file);
  const load = () => loadavg()[0];
  console.log(`npm run import of ${FILINGS.toLocaleString("en-US")} synthetic filings (seed ${SEED}, ${(size / 1e6).toFixed(0)} MB)`);
  console.log(`${"run".padEnd(36)} ${"wall".padStart(9)} ${"live heap".padStart(10)} ${"peak RSS".padStart(10)} ${"load".padStart(6)}`);
  const phases: string[] = [];
  const runs = [
    { name: "into an empty database", options: ["--timings"] },
    { name: "again (nothing changes)", options: ["--timings"] },
    { name: "again, measuring the live heap", options: ["--timings", "--memory"] },
  ];
  for (const { name, options } of runs) {
    const before = load();
    const { seconds, stdout } = await runImport(file, server.url, options);
    const memory = PEAK_MEMORY_LINE.exec(stdout);
    const filings = /filings +(.*)/.exec(stdout)?.[1] ?? "";
    phases.push(`\n${name}:\n${stdout.slice(stdout.indexOf("Timings:\n") + "Timings:\n".length).trimEnd()}`);
    console.log(
      `${name.padEnd(36)} ${`${seconds.toFixed(1)} s`.padStart(9)} ${(memory?.[1] ? `${memory[1]} MB` : "—").padStart(10)} ${`${memory?.[2]} MB`.padStart(10)} ${Math.max(before, load()).toFixed(1).padStart(6)}   filings: ${filings}`,
    );
  }
  console.log(phases.join("\n"));
  const busy = load() > 2;
  if (busy) console.log("\nLoad average above the 2 cores: timings from a busy machine.");
} finally {
  await server.stop();
  await rm(dir, { recursive: true, force: true });
}
