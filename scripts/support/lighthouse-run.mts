// Lighthouse 12 (mobile, its default form factor) on the public pages issue 9 names, run
// through Lighthouse's own CLI in a child process per page (it launches and always
// closes its Chromium), with the browser the end-to-end tests use.
import { spawn } from "node:child_process";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";

import { chromium } from "@playwright/test";

import { CHROMIUM_ARGS, findBrowser } from "../../e2e/support/browser";

import { describeCommit, describeMachine, passOrMiss, today, writeSection } from "./performance-doc.mts";

const LIGHTHOUSE_CLI = "node_modules/lighthouse/cli/index.js";
const PAGE_TIMEOUT_MS = 4 * 60_000;
const CATEGORIES = [
  { id: "performance", label: "performance", budget: 95 },
  { id: "accessibility", label: "accessibility", budget: 100 },
  { id: "best-practices", label: "best practices", budget: 100 },
  { id: "seo", label: "SEO", budget: 100 },
] as const;
/** Runs per page: an odd number, so that one run is the median. */
export const LIGHTHOUSE_RUNS = 3;
/** Lighthouse's own line between a passed and a failed audit. */
const PASSING_SCORE = 0.9;

interface Lhr {
  lighthouseVersion: string;
  environment: { benchmarkIndex: number; hostUserAgent: string };
  runtimeError?: { message: string };
  runWarnings: string[];
  categories: Record<string, { score: number | null; auditRefs: { id: string }[] }>;
  audits: Record<string, { score: number | null; scoreDisplayMode: string; numericValue?: number }>;
}

export interface LighthouseResult {
  label: string;
  path: string;
  /** Set when Lighthouse gave no report for the page (a timeout, a crash): every budget is missed. */
  error?: string;
  scores: Record<string, number | null>;
  tbt: number;
  lcp: number;
  cls: number;
  totalBytes: number;
  domSize: number;
  failing: string[];
  benchmarkIndex: number;
  version: string;
  /** The performance score of every run, in order; the row's figures are the median run's. */
  runs: (number | null)[];
  /** How long the page's first request took (a render nobody had asked for, before Lighthouse's runs found it cached). */
  firstResponseMs: number;
}

/** The Chromium to hand Lighthouse: the one the e2e tests use, or Playwright's own. */
function chromePath(): string {
  const browser = findBrowser({ install: true });
  return browser?.executablePath ?? chromium.executablePath();
}

function runCli(url: string, outputPath: string, chrome: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [
        LIGHTHOUSE_CLI,
        url,
        "--output=json",
        `--output-path=${outputPath}`,
        "--quiet",
        `--only-categories=${CATEGORIES.map((category) => category.id).join(",")}`,
        `--chrome-flags=--headless=new ${CHROMIUM_ARGS.join(" ")}`,
        "--max-wait-for-load=60000",
      ],
      { stdio: ["ignore", "inherit", "inherit"], env: { ...process.env, CHROME_PATH: chrome } },
    );
    const timer = setTimeout(() => {
      child.kill("SIGINT"); // Lighthouse closes its Chromium on SIGINT
      reject(new Error(`Lighthouse on ${url} took longer than ${PAGE_TIMEOUT_MS / 60_000} minutes`));
    }, PAGE_TIMEOUT_MS);
    child.on("error", reject);
    child.on("exit", (code, signal) => {
      clearTimeout(timer);
      if (code === 0) resolve();
      else reject(new Error(`Lighthouse on ${url} failed (${signal ?? `exit code ${code}`})`));
    });
  });
}

function summarise(label: string, pagePath: string, lhr: Lhr): Omit<LighthouseResult, "runs" | "firstResponseMs"> {
  if (lhr.runtimeError) throw new Error(`Lighthouse on ${pagePath}: ${lhr.runtimeError.message}`);
  const failing = new Set<string>();
  for (const category of CATEGORIES) {
    for (const ref of lhr.categories[category.id]?.auditRefs ?? []) {
      const audit = lhr.audits[ref.id];
      if (audit && audit.score !== null && ["binary", "numeric", "metricSavings"].includes(audit.scoreDisplayMode) && audit.score < PASSING_SCORE) failing.add(ref.id);
    }
  }
  const numeric = (id: string) => lhr.audits[id]?.numericValue ?? NaN;
  return {
    label,
    path: pagePath,
    scores: Object.fromEntries(CATEGORIES.map((category) => [category.id, lhr.categories[category.id]?.score ?? null])),
    tbt: numeric("total-blocking-time"),
    lcp: numeric("largest-contentful-paint"),
    cls: numeric("cumulative-layout-shift"),
    totalBytes: numeric("total-byte-weight"),
    domSize: numeric("dom-size"),
    failing: [...failing].sort(),
    benchmarkIndex: lhr.environment.benchmarkIndex,
    version: lhr.lighthouseVersion,
  };
}

const NO_REPORT = { scores: {}, tbt: NaN, lcp: NaN, cls: NaN, totalBytes: NaN, domSize: NaN, failing: [], benchmarkIndex: NaN, version: "", runs: [], firstResponseMs: NaN };

/**
 * The run whose performance score is the median of the runs (the lower middle one of an
 * even number): Lighthouse's own advice, as one run's score moves by several points with
 * the machine's load and the simulated network's luck.
 */
function medianRun<T extends { scores: Record<string, number | null> }>(runs: T[]): T {
  const sorted = [...runs].sort((a, b) => (a.scores.performance ?? -1) - (b.scores.performance ?? -1));
  return sorted[Math.floor((sorted.length - 1) / 2)];
}

/** Requests the page once, as its first reader would, and returns how long the whole response took. */
async function firstResponse(url: string): Promise<number> {
  const started = performance.now();
  const response = await fetch(url, { headers: { "accept-encoding": "gzip" } });
  await response.arrayBuffer();
  if (!response.ok) throw new Error(`${url} answered ${response.status}`);
  return performance.now() - started;
}

const score = (value: number | null) => (value === null ? "n/a" : String(Math.round(value * 100)));

export function formatLighthouse(results: LighthouseResult[], command: string, runs: number): string {
  const lines = [
    `Measured on ${today()} at commit ${describeCommit()} with \`${command}\`: Lighthouse ${results.find((result) => result.version)?.version ?? "12"} (mobile form factor, simulated throttling: its defaults) in headless ${path.basename(chromePath())}. Lighthouse's CPU benchmark index on this machine: ${results.filter((result) => !result.error).map((result) => Math.round(result.benchmarkIndex)).join(", ") || "none (no report)"} (one per page, from its median run; below ~1,000 its simulated phone is slower than a mid-range one). Each page was requested once first ("first response" below: a render from the database, unless an earlier request had left the page cached) and then measured ${runs} times as its later readers get it, from the cache of rendered pages (decision 009); the row gives the run with the median performance score, and "runs" every run's score. Machine: ${describeMachine()}.`,
    "",
    `Budgets (issue 9): ${CATEGORIES.map((category) => `${category.label} ≥ ${category.budget}`).join(", ")}. Failing audits are those scoring below ${PASSING_SCORE} in any of the four categories.`,
    "",
    `| page | ${CATEGORIES.map((category) => category.label).join(" | ")} | runs | first response | TBT | LCP | CLS | total bytes | DOM elements | failing audits |`,
    `|---|${CATEGORIES.map(() => "---|").join("")}---|---|---|---|---|---|---|---|`,
  ];
  for (const result of results) {
    if (result.error) {
      lines.push(`| ${result.label} | ${CATEGORIES.map(() => "— **miss**").join(" | ")} | — | — | — | — | — | — | — | no report: ${result.error} |`);
      continue;
    }
    const scores = CATEGORIES.map((category) => {
      const value = result.scores[category.id];
      return `${score(value)} ${passOrMiss(value !== null && Math.round(value * 100) >= category.budget)}`;
    });
    lines.push(
      `| ${result.label} | ${scores.join(" | ")} | ${result.runs.map(score).join(", ")} | ${Math.round(result.firstResponseMs).toLocaleString("en-US")} ms | ${Math.round(result.tbt).toLocaleString("en-US")} ms | ${(result.lcp / 1000).toFixed(1)} s | ${result.cls.toFixed(3)} | ${Math.round(result.totalBytes / 1000).toLocaleString("en-US")} kB | ${Math.round(result.domSize).toLocaleString("en-US")} | ${result.failing.map((id) => `\`${id}\``).join(", ") || "none"} |`,
    );
  }
  return lines.join("\n");
}

/** Runs Lighthouse `runs` times on each of `/`, a filing page, `/states/NM` and `/insights`, prints the table, and writes it with `write`. */
export async function runLighthouse(options: {
  origin: string;
  filingPath: string;
  write: boolean;
  command: string;
  /** Lighthouse runs per page (the median one is reported); LIGHTHOUSE_RUNS by default. */
  runs?: number;
}): Promise<LighthouseResult[]> {
  const runCount = options.runs ?? LIGHTHOUSE_RUNS;
  const pages = [
    { label: "`/`", path: "/" },
    { label: "`/filings/{id}`", path: options.filingPath },
    { label: "`/states/NM`", path: "/states/NM" },
    { label: "`/insights`", path: "/insights" },
  ];
  const chrome = chromePath();
  const dir = await mkdtemp(path.join(tmpdir(), "docketline-lighthouse-"));
  const results: LighthouseResult[] = [];
  try {
    console.log(`\nLighthouse (mobile) with ${chrome}…`);
    for (const page of pages) {
      const url = options.origin + page.path;
      const runs: ReturnType<typeof summarise>[] = [];
      let firstResponseMs = NaN;
      try {
        firstResponseMs = await firstResponse(url);
        for (let run = 0; run < runCount; run++) {
          const output = path.join(dir, `report-${results.length}-${run}.json`);
          await runCli(url, output, chrome);
          runs.push(summarise(page.label, page.path, JSON.parse(await readFile(output, "utf8")) as Lhr));
        }
      } catch (error) {
        // One page that never settles (a main thread busy for minutes) must not hide the others.
        const message = error instanceof Error ? error.message : String(error);
        console.log(`  ${page.path.padEnd(28)} ${message}`);
        results.push({ ...NO_REPORT, label: page.label, path: page.path, error: message });
        continue;
      }
      const result = { ...medianRun(runs), runs: runs.map((r) => r.scores.performance ?? null), firstResponseMs };
      results.push(result);
      console.log(
        `  ${page.path.padEnd(28)} ${CATEGORIES.map((category) => `${category.label} ${score(result.scores[category.id])}`).join(", ")} (performance in each run: ${result.runs.map(score).join(", ")})`,
      );
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
  const report = formatLighthouse(results, options.command, runCount);
  console.log(`\n${report}\n`);
  if (options.write) await writeSection("lighthouse", "Lighthouse", report);
  return results;
}
