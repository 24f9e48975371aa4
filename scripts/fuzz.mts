// npm run fuzz -- [--requests 10000] [--seed 1] [--concurrency 8] [--url http://…]
// Hostile GET and HEAD requests over every route under app/ (pages, the API, feeds,
// sitemaps, exports, the calendar, robots, OpenAPI, staff pages): hostile parameter
// names and values, malformed percent-encoding, paths that are not UTF-8, long values,
// values repeated hundreds of times (e2e/support/hostile-requests.ts). Starts the
// production app as `npm start` does, on a throwaway database holding the founding
// dataset, unless --url names a running one. Prints the counts by status and route;
// exits 1 on any answer of 500 or more, any failed connection, or any body that shows
// a stack trace. The same seed sends the same requests.
import { rm } from "node:fs/promises";
import path from "node:path";
import { performance } from "node:perf_hooks";

import { findFreePort } from "@/lib/free-port";

import { findKnownIds, listAppRoutes, sampleRequests, send, type HostileRequest } from "../e2e/support/hostile-requests";
import { makeWorkDir, seconds, startApp, withCleanup } from "./support/bench-app.mts";
import { parseScriptOptions } from "./support/cli.mts";

const USAGE = `Usage: npm run fuzz -- [options]

  --requests N      how many requests (default 10000)
  --seed S          the generator's seed (default 1)
  --concurrency N   requests in flight at once (default 8)
  --url URL         fuzz a running app instead of starting one`;
/** A first build can take minutes on a busy machine; the run itself a few more. */
const RUN_LIMIT_MS = 40 * 60_000;
const MAX_REPORTED = 25;

interface Failure {
  request: HostileRequest;
  status: number;
  why: string;
}

function parseOptions() {
  const { values, integer } = parseScriptOptions(
    {
      requests: { type: "string", default: "10000" },
      seed: { type: "string", default: "1" },
      concurrency: { type: "string", default: "8" },
      url: { type: "string" },
      help: { type: "boolean", short: "h" },
    },
    USAGE,
  );
  return {
    requests: integer("requests", values.requests, 1),
    seed: integer("seed", values.seed, 0),
    concurrency: integer("concurrency", values.concurrency, 1),
    url: values.url?.replace(/\/+$/, ""),
  };
}

async function fuzz(origin: string, options: ReturnType<typeof parseOptions>): Promise<boolean> {
  const routes = listAppRoutes();
  const ids = await findKnownIds(origin);
  console.log(`Fuzzing ${origin}: ${options.requests.toLocaleString("en-US")} requests over ${routes.length} routes (seed ${options.seed}, ${options.concurrency} at a time)`);
  const requests = sampleRequests(routes, ids, options.requests, options.seed);

  const byStatus = new Map<number, number>();
  const byRoute = new Map<string, { sent: number; ok: number; client: number }>(routes.map((r) => [r.pattern, { sent: 0, ok: 0, client: 0 }]));
  const failures: Failure[] = [];
  let next = 0;
  let done = 0;
  const started = performance.now();
  const worker = async () => {
    while (next < requests.length) {
      const request = requests[next++];
      const answer = await send(origin, request);
      byStatus.set(answer.status, (byStatus.get(answer.status) ?? 0) + 1);
      const route = byRoute.get(request.route)!;
      route.sent++;
      if (answer.status >= 200 && answer.status < 400) route.ok++;
      if (answer.status >= 400 && answer.status < 500) route.client++;
      if (answer.status >= 500) failures.push({ request, status: answer.status, why: answer.body.slice(0, 200) });
      else if (answer.status <= 0) failures.push({ request, status: answer.status, why: answer.body.slice(0, 200) });
      else if (answer.leak) failures.push({ request, status: answer.status, why: `the body shows ${JSON.stringify(answer.leak)}` });
      if (++done % 1000 === 0) console.log(`  ${done.toLocaleString("en-US")} sent, ${failures.length} failed (${seconds(performance.now() - started)})`);
    }
  };
  await Promise.all(Array.from({ length: options.concurrency }, worker));
  const elapsed = performance.now() - started;

  console.log(`\n${done.toLocaleString("en-US")} requests in ${seconds(elapsed)} (${Math.round(done / (elapsed / 1000))} a second)\n`);
  console.log("| status | responses |\n|---|---:|");
  for (const [status, count] of [...byStatus].sort((a, b) => a[0] - b[0])) console.log(`| ${status <= 0 ? "no answer" : status} | ${count.toLocaleString("en-US")} |`);
  console.log("\n| route | sent | 2xx–3xx | 4xx |\n|---|---:|---:|---:|");
  for (const [pattern, counts] of byRoute) console.log(`| \`${pattern}\` | ${counts.sent} | ${counts.ok} | ${counts.client} |`);
  const unreached = [...byRoute].filter(([, counts]) => counts.sent === 0).map(([pattern]) => pattern);
  if (unreached.length) console.log(`\nRoutes no request reached (raise --requests): ${unreached.join(", ")}`);

  if (failures.length === 0) {
    console.log(`\nNo answer of 500 or more, no failed connection, no stack trace in ${done.toLocaleString("en-US")} requests.`);
    return true;
  }
  console.error(`\n${failures.length} requests failed:`);
  for (const failure of failures.slice(0, MAX_REPORTED)) {
    console.error(`  ${failure.status} ${failure.request.method} ${failure.request.target.slice(0, 300)}\n      ${failure.why.replace(/\s+/g, " ")}`);
  }
  if (failures.length > MAX_REPORTED) console.error(`  … and ${failures.length - MAX_REPORTED} more`);
  return false;
}

async function main() {
  const options = parseOptions();
  if (options.url) {
    process.exit((await fuzz(options.url, options)) ? 0 : 1);
  }
  const workDir = await makeWorkDir("docketline-fuzz-");
  const app = startApp({ dataDir: path.join(workDir, "data"), port: await findFreePort(), logFile: path.join(workDir, "app.log") });
  let passed = false;
  await withCleanup(
    RUN_LIMIT_MS,
    async () => {
      await app.stop();
      // The app's log is kept when the run failed: it holds the server's side of each failure.
      if (passed) await rm(workDir, { recursive: true, force: true });
      else console.error(`The app's log: ${app.logFile}`);
    },
    async () => {
      await app.ready();
      passed = await fuzz(app.origin, options);
    },
  );
  process.exit(passed ? 0 : 1);
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
