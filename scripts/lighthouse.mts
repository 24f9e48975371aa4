// npm run lighthouse -- [--url http://localhost:PORT] [--filings N] [--seed 1] [--reuse-data DIR] [--runs 3] [--write]
// Lighthouse 12 (mobile) on `/`, a filing page, `/states/NM` and `/insights`: scores,
// TBT, LCP, CLS, bytes, DOM size and the failing audits. Without --url it starts the
// production app as `npm start` does on a throwaway database (the founding dataset, or
// --filings N generated ones), and stops it afterwards. Each page is requested once, then
// measured --runs times from the cache; the median run is reported. --write updates
// docs/performance.md.
import { existsSync } from "node:fs";
import { rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";

import { findFreePort } from "@/lib/free-port";

import { findFilingPath, makeWorkDir, prepareData, startApp, stopLeftoverPostgres, withCleanup, type RunningApp } from "./support/bench-app.mts";
import { fail } from "./support/cli.mts";
import { LIGHTHOUSE_RUNS, runLighthouse } from "./support/lighthouse-run.mts";
import { describeCommand } from "./support/performance-doc.mts";

const USAGE = `Usage: npm run lighthouse -- [options]

  --url URL          a running app (e.g. http://localhost:3000); without it, one is
                     started on a throwaway database and stopped afterwards
  --filings N        that database holds N generated filings (default: the founding dataset)
  --seed S           the generator's seed (default 1)
  --reuse-data DIR   use (and keep) the database in DIR instead of a throwaway one
  --runs N           Lighthouse runs per page, the median one reported (default ${LIGHTHOUSE_RUNS})
  --write            replace the Lighthouse figures in docs/performance.md`;

const RUN_LIMIT_MS = 45 * 60_000;

async function main() {
  const { values } = parseArgs({
    options: {
      url: { type: "string" },
      filings: { type: "string" },
      seed: { type: "string", default: "1" },
      "reuse-data": { type: "string" },
      write: { type: "boolean", default: false },
      runs: { type: "string", default: String(LIGHTHOUSE_RUNS) },
      help: { type: "boolean", short: "h" },
    },
  });
  if (values.help) return console.log(USAGE);
  const filings = values.filings === undefined ? undefined : Number(values.filings);
  const seed = Number(values.seed);
  const runs = Number(values.runs);
  if (!Number.isInteger(runs) || runs < 1) throw new Error(USAGE);
  if ((filings !== undefined && (!Number.isInteger(filings) || filings < 1)) || !Number.isInteger(seed)) throw new Error(USAGE);
  const command = describeCommand("lighthouse");

  if (values.url) {
    const origin = new URL(values.url).origin;
    await runLighthouse({ origin, filingPath: await findFilingPath(origin), write: values.write, command, runs });
    return;
  }

  const workDir = await makeWorkDir("docketline-lighthouse-");
  const reuseData = values["reuse-data"] ? path.resolve(values["reuse-data"]) : undefined;
  const dataDir = reuseData ?? path.join(workDir, "data");
  const logFile = path.join(tmpdir(), `docketline-lighthouse-${process.pid}.log`);
  let app: RunningApp | undefined;
  let succeeded = false;
  await withCleanup(
    RUN_LIMIT_MS,
    async () => {
      if (app) await app.stop();
      else if (!reuseData) await stopLeftoverPostgres(dataDir);
      await rm(workDir, { recursive: true, force: true });
      if (succeeded) await rm(logFile, { force: true });
      else if (existsSync(logFile)) console.error(`The app's output is in ${logFile}`);
    },
    async () => {
      // Without --filings, start.mts imports the founding dataset into an empty database.
      if (filings !== undefined) await prepareData({ dataDir, workDir, filings, seed });
      app = startApp({ dataDir, port: await findFreePort(), logFile });
      await app.ready();
      await runLighthouse({ origin: app.origin, filingPath: await findFilingPath(app.origin), write: values.write, command, runs });
      succeeded = true;
    },
  );
}

main().catch(fail);
