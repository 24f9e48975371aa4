// npm run soak -- [--minutes 5] [--connections 50] [--rate R] [--filings 10000] [--seed 1]
//                 [--idle-seconds 30] [--reuse-data DIR] [--port P] [--write]
// Issue 10's soak: the production app (started as `npm start` starts it, on a throwaway
// database holding a generated dataset) under autocannon for minutes at 50 connections,
// mixing timeline, filing, API and feed requests over thousands of different URLs, while
// an editor made for the run saves a filing through the staff form's server action every
// second. It measures the same mix, saves included, on the quiet app first (one
// connection), samples the resident memory of the app's processes throughout, and fails
// (exit code 1) unless:
//   - no request failed: every read answered 2xx, no error or timeout, every save accepted;
//   - the p99 latency under load is at most 3× the quiet p99;
//   - memory does not grow after warm-up: the mean RSS of the run's last fifth (its last
//     minute, for 5 minutes) is within 10% of the mean of its second fifth, and the heap
//     still reachable after a forced garbage collection (scripts/support/memory-probe.mjs;
//     the least of three probes in each fifth) in the last fifth within 10% of the second's.
// Loopback only (the load goes to 127.0.0.1), bounded (a watchdog stops everything), and it
// stops by itself. --write puts the figures in docs/reliability.md, section "Load (soak)".
import { execFileSync } from "node:child_process";
import { mkdir, readFile } from "node:fs/promises";
import os, { tmpdir } from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { parseArgs } from "node:util";

import autocannon from "autocannon";

import { findFreePort } from "@/lib/free-port";
import { CACHE_STATUS_HEADER } from "@/lib/http-cache/front-server";
import { JURISDICTIONS } from "@/lib/jurisdictions/reference";

import { callServerAction, readEditForm, serverAction, signInOverHttp, type StaffSession } from "../e2e/support/staff-client.ts";
import { cleanUpRun, countFilings, makeWorkDir, prepareData, runScript, seconds, startApp, withCleanup, type RunningApp } from "./support/bench-app.mts";
import { fail } from "./support/cli.mts";
import { describeCommand, describeCommit, describeMachine, passOrMiss, today, writeSection } from "./support/performance-doc.mts";

const USAGE = `Usage: npm run soak -- [options]

  --minutes M        minutes of load (default 5)
  --connections N    concurrent connections (default 50)
  --rate R           requests per second across all connections (default: what one
                     connection got on the quiet app, so the load is one the machine
                     can serve and the latency is the app's, not a queue's)
  --filings N        generated filings to import (default 10000)
  --seed S           the generator's seed (default 1)
  --idle-seconds S   seconds of the quiet measurement before the load (default 30)
  --reuse-data DIR   use (and keep) the database in DIR; generate and import into it
                     only when it holds none
  --port P           the app's port (default: a free one)
  --write            replace the figures in docs/reliability.md`;

const DOC = "docs/reliability.md";
/** The criteria (issue 10). */
const P99_FACTOR = 3;
const RSS_GROWTH = 0.1;
const EDIT_INTERVAL_MS = 1000;
const RSS_INTERVAL_MS = 5000;
/** The probe in the app's processes (memory-probe.mjs) and how long its answer may take: a collection of a large heap. */
const MEMORY_PROBE = path.resolve("scripts/support/memory-probe.mjs");
const PROBE_TIMEOUT_MS = 30_000;
/** When the heap is probed, as fractions of the load: three times in the second fifth (the baseline) and three in the last. */
const PROBE_POINTS = [0.25, 0.3, 0.35, 0.85, 0.9, 0.95];
/** The generator's years (lib/dataset/generate.ts) and a few of its words. */
const YEARS = Array.from({ length: 16 }, (_, i) => 2010 + i);
const WORDS = ["dolor", "amet", "vero", "quia", "sint", "nemo", "odio", "vitae"];
const KINDS = ["complaint", "motion", "order", "brief", "letter"];

function parseOptions() {
  const { values } = parseArgs({
    options: {
      minutes: { type: "string", default: "5" },
      connections: { type: "string", default: "50" },
      rate: { type: "string" },
      filings: { type: "string", default: "10000" },
      seed: { type: "string", default: "1" },
      "idle-seconds": { type: "string", default: "30" },
      "reuse-data": { type: "string" },
      port: { type: "string" },
      write: { type: "boolean", default: false },
      help: { type: "boolean", short: "h" },
    },
  });
  if (values.help) {
    console.log(USAGE);
    process.exit(0);
  }
  const number = (name: string, value: string, min: number, whole = true) => {
    const n = Number(value);
    if (!Number.isFinite(n) || n < min || (whole && !Number.isInteger(n))) throw new Error(`--${name} must be a ${whole ? "whole " : ""}number of at least ${min}\n\n${USAGE}`);
    return n;
  };
  return {
    minutes: number("minutes", values.minutes, 0.5, false),
    connections: number("connections", values.connections, 1),
    rate: values.rate === undefined ? undefined : number("rate", values.rate, 1),
    filings: number("filings", values.filings, 1),
    seed: number("seed", values.seed, 0),
    idleSeconds: number("idle-seconds", values["idle-seconds"], 5),
    reuseData: values["reuse-data"] ? path.resolve(values["reuse-data"]) : undefined,
    port: values.port === undefined ? undefined : number("port", values.port, 1),
    write: values.write,
  };
}

type Options = ReturnType<typeof parseOptions>;

/**
 * The i-th request of the mix: timeline pages under different filters, filing pages,
 * API reads and feeds, each URL different over a long cycle so that the page cache
 * answers only some of them, as with real readers.
 */
function mixedRequest(i: number, filingIds: string[]): string {
  const from = YEARS[i % YEARS.length];
  const to = Math.min(from + (i % 4), YEARS.at(-1)!);
  const state = JURISDICTIONS[i % JURISDICTIONS.length].code;
  const word = WORDS[i % WORDS.length];
  const kind = KINDS[i % KINDS.length];
  const filing = filingIds[i % filingIds.length];
  switch (i % 10) {
    case 0:
    case 1:
    case 2:
      return `/?${new URLSearchParams({ from: String(from), to: String(to), ...(i % 3 ? { state } : {}), ...(i % 5 === 0 ? { q: word } : {}) })}`;
    case 3:
    case 4:
    case 5:
      return `/filings/${encodeURIComponent(filing)}`;
    case 6:
      return `/api/v1/filings?${new URLSearchParams({ limit: String(10 + (i % 40)), state, from: String(from) })}`;
    case 7:
      return `/api/v1/filings/${encodeURIComponent(filing)}`;
    case 8:
      return `/feed.xml?${new URLSearchParams({ kind })}`;
    default:
      return `/states/${state}`;
  }
}

interface Load {
  requests: number;
  rps: number;
  p50: number;
  p99: number;
  max: number;
  non2xx: number;
  errors: number;
  timeouts: number;
  /** Responses by the front server's cache status (CACHE_STATUS_HEADER): "hit", "miss", "miss, shared", "uncacheable". */
  cache: Record<string, number>;
}

/**
 * How many autocannon instances share the load. autocannon holds no more connections than
 * requests a second, and every connection of one instance sends at the start of that
 * instance's second, all together: one instance delivers its whole second's load as one
 * burst. Instances started a fraction of a second apart spread it over the second.
 */
const LOAD_GENERATORS = 10;

async function runLoad(origin: string, options: { connections: number; rate?: number; seconds: number; start: number; filingIds: string[] }): Promise<Load> {
  let i = options.start;
  const cache: Record<string, number> = {};
  // Every answer's time, as measured: the percentiles of all the instances together.
  const times: number[] = [];
  const generators = options.rate ? Math.min(LOAD_GENERATORS, options.connections) : 1;
  const share = (total: number, g: number) => Math.floor(total / generators) + (g < total % generators ? 1 : 0);
  const results = await Promise.all(
    Array.from({ length: generators }, async (_, g) => {
      await new Promise((resolve) => setTimeout(resolve, (g * 1000) / generators));
      return await new Promise<autocannon.Result>((resolve, reject) => {
        const instance = autocannon(
          {
            url: origin,
            connections: share(options.connections, g),
            // autocannon's correction for coordinated omission takes 1 / (requests per second of
            // a connection) as the expected interval in milliseconds where it is seconds: at 1
            // request a second it records a 500 ms answer as 500 answers of 1–500 ms. The correct
            // interval, 1,000 ms, adds nothing to answers under a second: the times as measured.
            ...(options.rate ? { overallRate: share(options.rate, g), ignoreCoordinatedOmission: true } : {}),
            duration: options.seconds,
            timeout: 30,
            headers: { "accept-encoding": "gzip" },
            requests: [
              {
                setupRequest: (request) => ({ ...request, path: mixedRequest(i++, options.filingIds) }),
                onResponse: (_status, _body, _context, headers) => {
                  const status = String(headers?.[CACHE_STATUS_HEADER] ?? "none");
                  cache[status] = (cache[status] ?? 0) + 1;
                },
              },
            ],
          },
          (error, result) => (error ? reject(error) : resolve(result)),
        );
        instance.on("response", (_client: unknown, _status: number, _bytes: number, responseTime: number) => times.push(responseTime));
      });
    }),
  );
  times.sort((a, b) => a - b);
  const percentile = (p: number) => times[Math.max(0, Math.ceil(times.length * p) - 1)] ?? 0;
  const sum = (of: (result: autocannon.Result) => number) => results.reduce((total, result) => total + of(result), 0);
  return {
    requests: sum((r) => r.requests.total),
    rps: sum((r) => r.requests.average),
    p50: percentile(0.5),
    p99: percentile(0.99),
    max: times.at(-1) ?? 0,
    non2xx: sum((r) => r.non2xx),
    errors: sum((r) => r.errors),
    timeouts: sum((r) => r.timeouts),
    cache,
  };
}

type Role = "front server" | "Next.js" | "PostgreSQL" | "launcher";

/**
 * The app's processes, found by walking the process tree from the launcher (tsx, which
 * runs scripts/start.mts: the front server), with their resident memory in kB.
 */
function appProcesses(rootPid: number): { pid: number; role: Role; rss: number }[] {
  const rows = execFileSync("ps", ["-e", "-o", "pid=,ppid=,rss=,args="], { encoding: "utf8" })
    .trim()
    .split("\n")
    .map((line) => line.trim().split(/\s+/))
    .map(([pid, ppid, rss, ...args]) => ({ pid: Number(pid), ppid: Number(ppid), rss: Number(rss), args: args.join(" ") }));
  const inTree = new Set([rootPid]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const row of rows) {
      if (inTree.has(row.ppid) && !inTree.has(row.pid)) {
        inTree.add(row.pid);
        grew = true;
      }
    }
  }
  const roleOf = (args: string): Role | null => {
    if (/postgres/.test(args)) return "PostgreSQL";
    if (/tsx\/dist\/cli/.test(args)) return "launcher";
    if (/scripts\/start\.mts/.test(args)) return "front server";
    if (/next/.test(args)) return "Next.js";
    return null;
  };
  return rows.flatMap((row) => {
    const role = inTree.has(row.pid) ? roleOf(row.args) : null;
    return role ? [{ pid: row.pid, role, rss: row.rss }] : [];
  });
}

/** Resident memory (kB) by role. PostgreSQL keeps shared buffers in every backend's RSS: it is reported, not judged. */
function sampleRss(rootPid: number): Record<Role, number> {
  const sums: Record<Role, number> = { "front server": 0, "Next.js": 0, PostgreSQL: 0, launcher: 0 };
  for (const process of appProcesses(rootPid)) sums[process.role] += process.rss;
  return sums;
}

/** The Node.js processes judged: the front server and Next.js (the launcher only waits). */
const JUDGED: Role[] = ["front server", "Next.js"];

interface HeapSample {
  role: Role;
  /** Bytes, after a forced full garbage collection. */
  heapUsed: number;
  /** Buffers and other memory outside V8's heap that JavaScript objects hold. */
  external: number;
  rss: number;
}

/** Per role, the probe that found the least heap (heapUsed + external): the heap the process keeps, with the least in flight. */
function leastHeaps(probes: HeapSample[][]): HeapSample[] {
  return JUDGED.flatMap((role) => {
    const byProbe = probes.map((heaps) => heaps.filter((h) => h.role === role)).filter((heaps) => heaps.length > 0);
    const size = (heaps: HeapSample[]) => heaps.reduce((sum, h) => sum + h.heapUsed + h.external, 0);
    return byProbe.length ? byProbe.reduce((least, heaps) => (size(heaps) < size(least) ? heaps : least)) : [];
  });
}

/** The largest heap V8 held between collections (the probe's samples every 5 s, uncollected), in bytes, by role. */
async function peakHeaps(rootPid: number, probeDir: string): Promise<Partial<Record<Role, number>>> {
  const peaks: Partial<Record<Role, number>> = {};
  for (const { pid, role } of appProcesses(rootPid).filter((p) => JUDGED.includes(p.role))) {
    const lines = await readFile(path.join(probeDir, `${pid}.samples.jsonl`), "utf8").catch(() => "");
    for (const line of lines.split("\n").filter(Boolean)) {
      const { heapTotal } = JSON.parse(line) as { heapTotal: number };
      peaks[role] = Math.max(peaks[role] ?? 0, heapTotal);
    }
  }
  return peaks;
}

/**
 * Asks the app's Node.js processes (through memory-probe.mjs: SIGUSR2) to collect their
 * garbage and say how much heap is still reachable. Resolves with one sample per process.
 */
async function probeHeaps(rootPid: number, probeDir: string): Promise<HeapSample[]> {
  const processes = appProcesses(rootPid).filter((p) => JUDGED.includes(p.role));
  const asked = Date.now();
  for (const { pid } of processes) process.kill(pid, "SIGUSR2");
  const samples: HeapSample[] = [];
  for (const { pid, role } of processes) {
    for (;;) {
      const sample = await readFile(path.join(probeDir, `${pid}.json`), "utf8").then(
        (text) => JSON.parse(text) as { at: number; heapUsed: number; external: number; rss: number },
        () => null,
      );
      if (sample && sample.at >= asked) {
        samples.push({ role, heapUsed: sample.heapUsed, external: sample.external, rss: sample.rss });
        break;
      }
      if (Date.now() - asked > PROBE_TIMEOUT_MS) throw new Error(`The ${role} process (pid ${pid}) did not answer the memory probe within ${PROBE_TIMEOUT_MS / 1000} s`);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
  return samples;
}

/** How many cores' worth of CPU the machine used over `ms`, from the kernel's counters. */
async function cpuBusy(ms: number): Promise<number> {
  const total = () => os.cpus().reduce((sum, cpu) => ({ idle: sum.idle + cpu.times.idle, all: sum.all + Object.values(cpu.times).reduce((a, b) => a + b, 0) }), { idle: 0, all: 0 });
  const before = total();
  await new Promise((resolve) => setTimeout(resolve, ms));
  const after = total();
  const all = after.all - before.all;
  return all > 0 ? ((all - (after.idle - before.idle)) / all) * os.cpus().length : 0;
}

/** Saves a filing every second as a signed-in editor, through the staff form's server action, until stopped. */
function startEditing(session: StaffSession, filingId: string) {
  const stats = { accepted: 0, failed: 0, conflicts: 0, failures: [] as string[], latencies: [] as number[] };
  let stopped = false;
  const done = (async () => {
    let form = await readEditForm<Record<string, unknown>>(session, `/staff/filings/${filingId}`);
    const original = String(form.record.summary);
    for (let n = 1; !stopped; n++) {
      const began = performance.now();
      const summary = `${original}\n\nSoak edit ${n} at ${new Date().toISOString()}.`;
      try {
        const answer = await callServerAction<{ ok: boolean; version?: number; record?: Record<string, unknown>; reason?: string; conflict?: { currentVersion: number; current: Record<string, unknown> } }>(
          session.origin,
          serverAction("saveFilingAction"),
          [{ record: { ...form.record, summary }, baseVersion: form.version }],
          { cookie: session.cookie, timeoutMs: 30_000 },
        );
        stats.latencies.push(performance.now() - began);
        if (answer.status === 200 && answer.value?.ok) {
          stats.accepted++;
          form = { record: answer.value.record!, version: answer.value.version! };
        } else if (answer.value?.reason === "conflict") {
          // Only this editor saves: a conflict would mean a version went missing.
          stats.conflicts++;
          stats.failures.push(`edit ${n}: conflict (version ${form.version} vs ${answer.value.conflict!.currentVersion})`);
          form = { record: answer.value.conflict!.current, version: answer.value.conflict!.currentVersion };
        } else {
          stats.failed++;
          stats.failures.push(`edit ${n}: HTTP ${answer.status} ${JSON.stringify(answer.value ?? null).slice(0, 200)}`);
        }
      } catch (error) {
        stats.failed++;
        stats.failures.push(`edit ${n}: ${error instanceof Error ? error.message : String(error)}`);
      }
      const wait = EDIT_INTERVAL_MS - (performance.now() - began);
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    }
  })();
  return {
    stats,
    async stop() {
      stopped = true;
      await done;
    },
  };
}

/** How the load's responses came: the share of cache hits, and the count of each status. */
function cacheShare(load: Load): string {
  const total = Object.values(load.cache).reduce((sum, n) => sum + n, 0);
  const counts = Object.entries(load.cache)
    .sort(([, a], [, b]) => b - a)
    .map(([status, n]) => `${n.toLocaleString("en-US")} ${status}`)
    .join(", ");
  return `${total ? Math.round(((load.cache.hit ?? 0) / total) * 100) : 0}% hits (${counts})`;
}

const ms = (value: number) => (value >= 1000 ? `${(value / 1000).toFixed(2)} s` : `${Math.round(value)} ms`);
const mb = (kb: number) => `${Math.round(kb / 1024)} MB`;
const mbBytes = (bytes: number) => mb(bytes / 1024);
const mean = (values: number[]) => values.reduce((sum, value) => sum + value, 0) / Math.max(values.length, 1);

async function main() {
  const options: Options = parseOptions();
  const workDir = await makeWorkDir("docketline-soak-");
  const dataDir = options.reuseData ?? path.join(workDir, "data");
  const logFile = path.join(tmpdir(), `docketline-soak-${process.pid}.log`);
  let app: RunningApp | undefined;
  let passed = false;
  const loadMs = options.minutes * 60_000;
  // Generation, import and a build take up to ~15 minutes on a busy 2-core machine.
  const limitMs = 30 * 60_000 + options.idleSeconds * 1000 + loadMs * 1.5;

  await withCleanup(
    limitMs,
    () => cleanUpRun({ app, reuseData: options.reuseData, dataDir, workDir, logFile, succeeded: passed }),
    async () => {
      const started = performance.now();
      // Someone else's work: the CPU used in the 3 s before anything of the run starts (the
      // load average would still count work that ended minutes ago).
      const busyBefore = await cpuBusy(3000);
      console.log(`Soak: ${options.minutes} min at ${options.connections} connections, a staff save every ${EDIT_INTERVAL_MS / 1000} s\n`);
      const note = await prepareData({ dataDir, workDir, filings: options.filings, seed: options.seed });
      const probeDir = path.join(workDir, "memory");
      await mkdir(probeDir);
      app = startApp({
        dataDir,
        port: options.port ?? (await findFreePort()),
        logFile,
        // The probe rides along in every Node.js process the app starts (start.mts passes its environment to Next.js).
        env: { NODE_OPTIONS: [process.env.NODE_OPTIONS, `--import=${MEMORY_PROBE}`].filter(Boolean).join(" "), DOCKETLINE_MEMORY_PROBE_DIR: probeDir },
      });
      await app.ready();
      const origin = app.origin;
      if (!["127.0.0.1", "[::1]", "localhost"].includes(new URL(origin).hostname)) throw new Error(`${origin} is not a loopback address`);
      const publicFilings = await countFilings(origin);
      const listed = (await (await fetch(`${origin}/api/v1/filings?limit=200`)).json()) as { data: { id: string }[] };
      const filingIds = listed.data.map((filing) => filing.id);
      const [edited, ...readIds] = filingIds;

      // An editor of this run only, made as an admin would on the command line.
      const editor = { email: `soak-${process.pid}@example.org`, password: `soak run ${process.pid} ${Date.now()} passphrase` };
      await runScript("user-create.mts", ["--email", editor.email, "--role", "editor", "--name", "Soak editor"], {
        ...process.env,
        DOCKETLINE_DATA_DIR: dataDir,
        DATABASE_URL: "",
        DOCKETLINE_USER_PASSWORD: editor.password,
      });
      const session = await signInOverHttp(origin, editor);

      console.log(`\nQuiet: the mix at 1 connection for ${options.idleSeconds} s…`);
      // The quiet run reads URLs from the far end of the cycle, so the load finds none of them cached.
      // The editor saves during the quiet run too: the same mix, writes included, so that its
      // rate is one the app sustains while saves forget cached pages, not the rate of a cache
      // nobody writes to (which, on 3 December 2026, was nine times what the app could render).
      const quietEditing = startEditing(session, edited);
      let idle: Load;
      try {
        idle = await runLoad(origin, { connections: 1, seconds: options.idleSeconds, start: 1_000_000, filingIds: readIds });
      } finally {
        await quietEditing.stop();
      }
      const quietEdits = quietEditing.stats;
      console.log(`  ${idle.requests} requests, p50 ${ms(idle.p50)}, p99 ${ms(idle.p99)}, non-2xx ${idle.non2xx}, errors ${idle.errors + idle.timeouts}`);
      // autocannon holds no more connections than requests a second: at least one a second
      // per connection, so that the load has all its connections.
      const rate = options.rate ?? Math.max(options.connections, Math.round(idle.rps));

      console.log(`\nLoad: ${options.connections} connections at ${rate} req/s for ${options.minutes} min, a save of ${edited} every second…`);
      const samples: ({ at: number } & Record<Role, number>)[] = [];
      const loadStart = performance.now();
      const sampler = setInterval(() => {
        const at = performance.now() - loadStart;
        const rss = sampleRss(app!.pid);
        samples.push({ at, ...rss });
        if (samples.length % 12 === 0) console.log(`  ${seconds(at).padStart(6)}: RSS front server ${mb(rss["front server"])}, Next.js ${mb(rss["Next.js"])}, PostgreSQL ${mb(rss.PostgreSQL)}`);
      }, RSS_INTERVAL_MS);
      // The heap after a forced collection, the same number of times in the second fifth
      // and the last (their RSS is then lowered alike), under the load: the least of each
      // window, as renders in flight at one probe add to what it finds.
      const probes: { at: number; heaps: Promise<HeapSample[]> }[] = [];
      const probeTimers = PROBE_POINTS.map((point) =>
        setTimeout(() => {
          const heaps = probeHeaps(app!.pid, probeDir);
          heaps.catch(() => {});
          probes.push({ at: point, heaps });
        }, point * loadMs),
      );
      const editing = startEditing(session, edited);
      let load: Load;
      try {
        load = await runLoad(origin, { connections: options.connections, rate, seconds: Math.round(loadMs / 1000), start: 0, filingIds: readIds });
      } finally {
        clearInterval(sampler);
        probeTimers.forEach(clearTimeout);
        await editing.stop();
      }
      const edits = editing.stats;
      if (probes.length < PROBE_POINTS.length) throw new Error(`The load ended before its memory probes (${probes.length} of ${PROBE_POINTS.length})`);
      const probed = await Promise.all(probes.map(async ({ at, heaps }) => ({ at, heaps: await heaps })));
      const heapsBefore = leastHeaps(probed.filter((p) => p.at < 0.4).map((p) => p.heaps));
      const heapsAfter = leastHeaps(probed.filter((p) => p.at >= 0.8).map((p) => p.heaps));
      const peaks = await peakHeaps(app.pid, probeDir);

      // Memory: the run in fifths; the first is warm-up, the second the baseline, the last the verdict.
      const fifth = (k: number) => samples.filter((s) => s.at >= (k * loadMs) / 5 && s.at < ((k + 1) * loadMs) / 5);
      const judged = (s: Record<Role, number>) => JUDGED.reduce((sum, role) => sum + s[role], 0);
      const baseline = mean(fifth(1).map(judged));
      const last = mean(fifth(4).map(judged));
      const growth = baseline > 0 ? last / baseline - 1 : Number.NaN;
      const heapOf = (heaps: HeapSample[], role?: Role) => heaps.filter((h) => !role || h.role === role).reduce((sum, h) => sum + h.heapUsed + h.external, 0);
      const heapGrowth = heapOf(heapsAfter) / heapOf(heapsBefore) - 1;
      const change = (value: number) => `${value >= 0 ? "+" : ""}${(value * 100).toFixed(1)}%`;
      const byRole = (role: Role) => `${role} ${mb(mean(fifth(1).map((s) => s[role])))} → ${mb(mean(fifth(4).map((s) => s[role])))}`;
      const heapByRole = (role: Role) => `${role} ${mbBytes(heapOf(heapsBefore, role))} → ${mbBytes(heapOf(heapsAfter, role))}`;

      const errors = load.non2xx + load.errors + load.timeouts + idle.non2xx + idle.errors + idle.timeouts + edits.failed + edits.conflicts + quietEdits.failed + quietEdits.conflicts;
      const checks = {
        errors: errors === 0 && edits.accepted > 0,
        p99: load.p99 <= P99_FACTOR * idle.p99,
        memory: Number.isFinite(growth) && growth <= RSS_GROWTH && Number.isFinite(heapGrowth) && heapGrowth <= RSS_GROWTH,
      };
      passed = checks.errors && checks.p99 && checks.memory;

      const window = (k: number) => `${seconds((k * loadMs) / 5)}–${seconds(((k + 1) * loadMs) / 5)}`;
      const datasetLine = note
        ? `${note.filings.toLocaleString("en-US")} generated filings (\`npm run generate -- --filings ${note.filings} --seed ${note.seed}\`), ${publicFilings.toLocaleString("en-US")} of them public`
        : `the database in ${options.reuseData} (${publicFilings.toLocaleString("en-US")} public filings)`;
      const editP99 = [...edits.latencies].sort((a, b) => a - b)[Math.max(0, Math.ceil(edits.latencies.length * 0.99) - 1)] ?? 0;
      const lines = [
        `Measured on ${today()} at commit ${describeCommit()} with \`${describeCommand("soak")}\`: ${datasetLine}, the production app as \`npm start\` runs it on loopback. Machine: ${describeMachine()}.${busyBefore > 0.5 ? ` Other work used ${busyBefore.toFixed(1)} of the ${os.cpus().length} cores in the seconds before the run began, so the latencies are those of a busy machine.` : ""} The whole run took ${seconds(performance.now() - started)}.`,
        "",
        `The mix, one URL after another over a long cycle so that the page cache answers only some: 30% timeline pages under different filters, 30% filing pages (${readIds.length} filings), 10% \`/api/v1/filings\` lists, 10% \`/api/v1/filings/{id}\`, 10% \`/feed.xml\` by kind, 10% state pages; every request asks for gzip. autocannon 9 holds ${Math.min(options.connections, rate)} connections${rate < options.connections ? ` (not ${options.connections}: autocannon keeps no more connections than requests per second)` : ""} and sends ${rate} requests per second across them (${options.rate ? "--rate" : "what one connection got on the quiet app, or one a second per connection if more"}: a fixed rate the machine can serve, so that the latency measures the app rather than the length of autocannon's queue). The connections are shared by ${Math.min(LOAD_GENERATORS, options.connections)} autocannon instances started ${Math.round(1000 / Math.min(LOAD_GENERATORS, options.connections))} ms apart: the connections of one instance send at the start of its second, all together, so the instances spread the load over the second in bursts of about ${Math.round(rate / Math.min(LOAD_GENERATORS, options.connections))} requests. Latencies are every answer's time as measured, all instances together. Meanwhile an editor created for the run (\`npm run user:create\`), signed in through the sign-in form, saves filing \`${edited}\` through the staff form's server action every second from the version the last save returned, in the quiet run as under the load; each save forgets the cached pages that show that filing, its lawsuit and its states, and every list (decision 025)`,
        "",
        `Criteria (issue 10): no error (every read 2xx, no socket error or timeout, every save accepted); p99 under load ≤ ${P99_FACTOR}× the p99 of the same mix on the quiet app at 1 connection, measured first; no memory growth after warm-up: the mean RSS of the Node.js processes (front server and Next.js) in the last fifth of the run within ${Math.round(RSS_GROWTH * 100)}% of the mean in the second fifth (the first fifth is warm-up), and their heap still reachable after a forced full garbage collection (V8's heap and the buffers it holds, \`heapUsed + external\`; the least of three probes in each fifth, since renders in flight add to it) in the last fifth within ${Math.round(RSS_GROWTH * 100)}% of the same in the second fifth. RSS alone cannot tell a leak from garbage V8 has not collected yet; the heap after a collection can. PostgreSQL's RSS is reported, not judged: it counts the shared buffers each backend has touched.`,
        "",
        "| | requests | req/s | p50 | p99 | max | non-2xx | errors, timeouts |",
        "|---|---|---|---|---|---|---|---|",
        `| quiet (1 connection, ${options.idleSeconds} s) | ${idle.requests.toLocaleString("en-US")} | ${idle.rps.toFixed(0)} | ${ms(idle.p50)} | ${ms(idle.p99)} | ${ms(idle.max)} | ${idle.non2xx} | ${idle.errors}, ${idle.timeouts} |`,
        `| load (${Math.min(options.connections, rate)} connections, ${options.minutes} min) | ${load.requests.toLocaleString("en-US")} | ${load.rps.toFixed(0)} | ${ms(load.p50)} | ${ms(load.p99)} | ${ms(load.max)} | ${load.non2xx} | ${load.errors}, ${load.timeouts} |`,
        "",
        `Answered from the front server's cache under load: ${cacheShare(load)} (renders are what every write costs).`,
        "",
        `Staff saves in the quiet run: ${quietEdits.accepted} accepted, ${quietEdits.conflicts} conflicts, ${quietEdits.failed} failed.`,
        "",
        `Staff saves under the load: ${edits.accepted} accepted, ${edits.conflicts} conflicts, ${edits.failed} failed; p99 ${ms(editP99)}.${edits.failures.length ? ` First failures: ${edits.failures.slice(0, 3).join("; ")}.` : ""}`,
        "",
        `Memory (RSS, sampled every ${RSS_INTERVAL_MS / 1000} s): Node.js ${mb(baseline)} in ${window(1)} → ${mb(last)} in ${window(4)} (${change(growth)}: ${byRole("front server")}, ${byRole("Next.js")}); PostgreSQL ${mb(mean(fifth(1).map((s) => s.PostgreSQL)))} → ${mb(mean(fifth(4).map((s) => s.PostgreSQL)))}. Heap after a forced collection, the least of three probes in each window: ${mbBytes(heapOf(heapsBefore))} in ${window(1)} → ${mbBytes(heapOf(heapsAfter))} in ${window(4)} (${change(heapGrowth)}: ${heapByRole("front server")}, ${heapByRole("Next.js")}); between collections V8's heap reached ${JUDGED.map((role) => `${mbBytes(peaks[role] ?? 0)} (${role})`).join(", ")}.`,
        "",
        "| criterion | result |",
        "|---|---|",
        `| errors = 0 | ${errors} — ${passOrMiss(checks.errors)} |`,
        `| p99 ≤ ${P99_FACTOR}× quiet p99 | ${ms(load.p99)} vs ${P99_FACTOR} × ${ms(idle.p99)} = ${ms(P99_FACTOR * idle.p99)} — ${passOrMiss(checks.p99)} |`,
        `| RSS growth ≤ ${Math.round(RSS_GROWTH * 100)}% after warm-up | ${change(growth)} — ${passOrMiss(Number.isFinite(growth) && growth <= RSS_GROWTH)} |`,
        `| heap growth after a forced collection ≤ ${Math.round(RSS_GROWTH * 100)}% | ${change(heapGrowth)} — ${passOrMiss(Number.isFinite(heapGrowth) && heapGrowth <= RSS_GROWTH)} |`,
      ];
      const report = lines.join("\n");
      console.log(`\n${report}\n`);
      if (options.write) await writeSection("soak", "Load (soak)", report, DOC);
    },
  );
  if (!passed) {
    console.error("The soak failed: see the criteria above.");
    process.exit(1);
  }
}

main().catch(fail);
