// npm run bench:first-load -- [--url http://localhost:PORT]
// The JavaScript and CSS (gzip) that a first visit to `/` and to a filing page loads,
// file by file, measured as `npm run bench:http` measures it (scripts/support/first-load.mts)
// but in a minute rather than half an hour: without --url it starts the production app
// as `npm start` does on a throwaway database holding the founding dataset (building it
// first when the sources changed), and stops it afterwards. A measurement, not a test.
import { tmpdir } from "node:os";
import path from "node:path";

import { findFreePort } from "@/lib/free-port";

import { cleanUpRun, findFilingPath, makeWorkDir, startApp, withCleanup, type RunningApp } from "./support/bench-app.mts";
import { fail, parseScriptOptions } from "./support/cli.mts";
import { FIRST_LOAD_BUDGET, measureFirstLoad, measureSizes } from "./support/first-load.mts";
import { describeCommand, describeCommit, describeMachine, passOrMiss } from "./support/performance-doc.mts";

const USAGE = `Usage: npm run bench:first-load -- [options]

  --url URL   a running app (e.g. http://localhost:3000); without it, one is started
              on a throwaway database with the founding dataset and stopped afterwards`;

/** A first build can take several minutes on a busy machine. */
const RUN_LIMIT_MS = 30 * 60_000;

const kB = (bytes: number) => `${(bytes / 1000).toFixed(1)} kB`;

async function report(origin: string) {
  const pages = [
    { label: "/", path: "/" },
    { label: "/filings/{id}", path: await findFilingPath(origin) },
  ];
  console.log(`First-load JavaScript and CSS (gzip; kB are 1,000 bytes) at commit ${describeCommit()}, \`${describeCommand("bench:first-load")}\`.`);
  console.log(`Machine: ${describeMachine()}.\n`);
  for (const page of pages) {
    const html = await measureSizes(origin, page.path);
    if (html.status !== 200) throw new Error(`GET ${page.path} answered ${html.status}`);
    const first = await measureFirstLoad(origin, html.body.toString("utf8"));
    const total = first.js + first.css;
    const budget = page.path === "/" ? `budget ≤ ${kB(FIRST_LOAD_BUDGET)}: ${passOrMiss(total <= FIRST_LOAD_BUDGET && first.chrono.length === 0)}` : "no budget";
    console.log(`${page.label} (${page.path}): ${first.files} files, JS ${kB(first.js)} + CSS ${kB(first.css)} = ${kB(total)}${first.allServedGzip ? "" : " (some files not served gzip: the script's own gzip counted)"}; react-chrono in it: ${first.chrono.length ? first.chrono.join(", ") : "no"}; ${budget}`);
    if (first.noModule.length) console.log(`  not counted (<script nomodule>, which browsers that run modules never fetch): ${first.noModule.join(", ")}`);
    for (const asset of first.assets) console.log(`  ${kB(asset.gzip).padStart(9)} gzip ${kB(asset.raw).padStart(9)} raw  ${asset.type.padEnd(3)} ${asset.path}`);
    console.log("");
  }
}

async function main() {
  const { values } = parseScriptOptions({ url: { type: "string" }, help: { type: "boolean", short: "h" } }, USAGE);
  if (values.url) return report(new URL(values.url).origin);

  const workDir = await makeWorkDir("docketline-first-load-");
  const dataDir = path.join(workDir, "data");
  const logFile = path.join(tmpdir(), `docketline-first-load-${process.pid}.log`);
  let app: RunningApp | undefined;
  let succeeded = false;
  await withCleanup(
    RUN_LIMIT_MS,
    () => cleanUpRun({ app, dataDir, workDir, logFile, succeeded }),
    async () => {
      // An empty database: start.mts imports the founding dataset into it.
      app = startApp({ dataDir, port: await findFreePort(), logFile });
      await app.ready();
      await report(app.origin);
      succeeded = true;
    },
  );
}

main().catch(fail);
