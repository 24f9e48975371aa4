// npm run crash -- [--filings 100000] [--seed 1] [--kills 5] [--save-rounds 3] [--limit-minutes 90]
// Crash safety, proven by crashing: everything is killed with SIGKILL (the importer or
// the app, and the embedded PostgreSQL they started, as a power cut would) at random
// moments, and what is left is checked.
//   1. `npm run import` of a generated dataset, killed at a random moment of its run
//      (drawn from the duration of a complete import measured first): afterwards the
//      database holds all of the import or none of it, never part.
//   2. `npm start` after those kills comes up and serves the timeline.
//   3. The app killed while a staff editor saves a filing again and again in a real
//      browser: every save the editor was told succeeded is in the database and its
//      history, in order; the filing's state is its last revision's; no version is torn.
// Exit code 1 when any check fails. A check, not a benchmark: the figures it prints go
// in docs/reliability.md. The short version is tests/crash-safety.test.ts in `npm test`.
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { parseArgs } from "node:util";

import { chromium, type Page } from "@playwright/test";

import { serializeDataset } from "@/lib/dataset/export";
import { generateDataset } from "@/lib/dataset/generate";
import { connectDatabase, type Connection } from "@/lib/db/connect";
import { contentFingerprint, type ContentFingerprint } from "@/lib/db/content-hash";
import { findFreePort } from "@/lib/free-port";

import { findBrowser } from "../e2e/support/browser";
import { findFilingPath, killGroup, makeWorkDir, seconds, startApp, stopLeftoverPostgres, withCleanup, type RunningApp } from "./support/bench-app.mts";
import { fail } from "./support/cli.mts";

const USAGE = `Usage: npm run crash -- [options]

  --filings N          generated filings in the dataset killed while importing (default 100000)
  --seed S             the generator's seed (default 1)
  --kills K            imports killed at random moments (default 5)
  --save-rounds R      times the app is killed while a staff editor saves (default 3)
  --limit-minutes M    stop everything after M minutes (default 90)`;

const TSX = ["node_modules/tsx/dist/cli.mjs", "--conditions=react-server"];
const log = (line: string) => console.log(line);
const failures: string[] = [];
const check = (ok: boolean, failure: string) => {
  if (!ok) {
    failures.push(failure);
    log(`  FAILED: ${failure}`);
  }
};

async function main() {
  const { values } = parseArgs({
    options: {
      filings: { type: "string", default: "100000" },
      seed: { type: "string", default: "1" },
      kills: { type: "string", default: "5" },
      "save-rounds": { type: "string", default: "3" },
      "limit-minutes": { type: "string", default: "90" },
      help: { type: "boolean", short: "h" },
    },
  });
  if (values.help) return log(USAGE);
  const [filings, seed, kills, saveRounds, limitMinutes] = [values.filings, values.seed, values.kills, values["save-rounds"], values["limit-minutes"]].map(Number);
  if (![filings, seed, kills, saveRounds, limitMinutes].every((n) => Number.isInteger(n) && n >= 0) || filings < 1) fail(new Error(USAGE));

  const workDir = await makeWorkDir("docketline-crash-");
  const referenceDir = path.join(workDir, "reference");
  const crashDir = path.join(workDir, "crashed");
  const apps: RunningApp[] = [];
  let finished = false;
  await withCleanup(
    limitMinutes * 60_000,
    async () => {
      for (const app of apps) await app.stop().catch(() => {});
      await stopLeftoverPostgres(referenceDir);
      await stopLeftoverPostgres(crashDir);
      // The apps' logs are what explains a failure: kept then.
      if (finished && failures.length === 0) await rm(workDir, { recursive: true, force: true });
      else log(`The apps' logs and databases are kept in ${workDir}`);
    },
    async () => {
      const file = path.join(workDir, "generated.json");
      await writeFile(file, serializeDataset(generateDataset({ filings, seed })));
      log(`Generated ${filings.toLocaleString("en-US")} filings (seed ${seed})`);

      // A complete import, for how long one takes and what it leaves.
      const started = performance.now();
      const completed = await runImport(file, referenceDir, null);
      const fullImportMs = performance.now() - started;
      if (!completed) throw new Error("The reference import did not complete");
      const all = await fingerprint(referenceDir);
      log(`A complete import takes ${seconds(fullImportMs)} and leaves ${all.tables.filing.rows.toLocaleString("en-US")} filings`);

      const none = await fingerprint(crashDir);
      let state: "none" | "all" = "none";
      for (let kill = 1; kill <= kills; kill++) {
        const delayMs = Math.random() * fullImportMs * 1.1;
        const finished = await runImport(file, crashDir, delayMs);
        const after = await fingerprint(crashDir);
        const found = sameTables(after, none) ? "none" : sameCounts(after, all) ? "all" : "part";
        log(`Import ${kill}/${kills}: ${finished ? "completed before" : "killed"} at ${seconds(delayMs)}; the database holds ${found} of it`);
        check(found !== "part", `import ${kill}: killed at ${seconds(delayMs)}, the database holds part of it: ${describeCounts(after)}`);
        check(!(state === "all" && found === "none"), `import ${kill}: a completed import was lost by a later killed re-import`);
        if (found !== "part") state = found;
      }

      log("\nnpm start after the kills…");
      const port = await findFreePort();
      let app = startApp({ dataDir: crashDir, port, logFile: path.join(workDir, "app-after-kills.log") });
      apps.push(app);
      await app.ready();
      const home = await fetch(`${app.origin}/`);
      check(home.ok, `npm start after the kills: GET / answered ${home.status}`);
      log(`  GET / answered ${home.status}`);

      if (saveRounds > 0) {
        const filingPath = await findFilingPath(app.origin);
        const filingId = decodeURIComponent(filingPath.split("/").pop()!);
        const editor = await createEditor(crashDir);
        const browserChoice = findBrowser();
        const browser = await chromium.launch({ executablePath: browserChoice?.executablePath });
        try {
          for (let round = 1; round <= saveRounds; round++) {
            if (round > 1) {
              app = startApp({ dataDir: crashDir, port, logFile: path.join(workDir, `app-round-${round}.log`) });
              apps.push(app);
              await app.ready();
            }
            const page = await (await browser.newContext({ baseURL: app.origin })).newPage();
            await signIn(page, editor);
            // After the first confirmed save, so that every round has saves to lose.
            const killAfterMs = Math.random() * 10_000;
            const confirmed = await saveUntilKilled(page, filingId, round, app, killAfterMs);
            apps.splice(apps.indexOf(app), 1);
            await page.context().close();
            const problems = await checkHistory(crashDir, filingId, confirmed);
            log(`Round ${round}/${saveRounds}: the app was killed ${seconds(killAfterMs)} after the first confirmed save, ${confirmed.length} saves confirmed; ${problems.length ? problems.join("; ") : "all of them kept, in order, and the filing is its last revision"}`);
            for (const problem of problems) check(false, `saves round ${round}: ${problem}`);
          }
        } finally {
          await browser.close();
        }
        log("\nnpm start after the last round…");
        app = startApp({ dataDir: crashDir, port, logFile: path.join(workDir, "app-after-saves.log") });
        apps.push(app);
        await app.ready();
        const again = await fetch(`${app.origin}${filingPath}`);
        check(again.ok, `npm start after the saves: GET ${filingPath} answered ${again.status}`);
        log(`  GET ${filingPath} answered ${again.status}`);
      }
      finished = true;
    },
  );
  log(failures.length ? `\n${failures.length} check(s) failed.` : "\nEvery check passed.");
  process.exit(failures.length ? 1 : 0);
}

/** `npm run import` into the embedded database of `dataDir`; with `killAfterMs`, killed with everything it started then, unless it has ended. True when it completed. */
async function runImport(file: string, dataDir: string, killAfterMs: number | null): Promise<boolean> {
  const child = spawn(process.execPath, [...TSX, "scripts/import.mts", file], {
    stdio: "ignore",
    // Its own process group: the importer, tsx's child and the PostgreSQL it starts.
    detached: true,
    env: { ...process.env, DOCKETLINE_DATA_DIR: dataDir, DATABASE_URL: "" },
  });
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  if (killAfterMs === null) return (await exited) === 0;
  const timer = new Promise<"kill">((resolve) => setTimeout(() => resolve("kill"), killAfterMs));
  const outcome = await Promise.race([exited, timer]);
  if (outcome !== "kill") return outcome === 0;
  await killGroup(child, exited);
  return false;
}

async function fingerprint(dataDir: string): Promise<ContentFingerprint> {
  const connection: Connection = await connectDatabase({ dataDir });
  try {
    return await contentFingerprint(connection.sql);
  } finally {
    await connection.close();
  }
}

function sameTables(a: ContentFingerprint, b: ContentFingerprint): boolean {
  return JSON.stringify(a.tables) === JSON.stringify(b.tables);
}

/** The same rows in every table the import writes (the ids are the dataset's; times differ between imports). */
function sameCounts(a: ContentFingerprint, b: ContentFingerprint): boolean {
  return Object.entries(b.tables).every(([name, { rows }]) => a.tables[name]?.rows === rows);
}

function describeCounts(print: ContentFingerprint): string {
  return Object.entries(print.tables).filter(([, { rows }]) => rows > 0).map(([name, { rows }]) => `${name} ${rows}`).join(", ");
}

interface StaffUser {
  email: string;
  password: string;
}

async function createEditor(dataDir: string): Promise<StaffUser> {
  const user = { email: `crash-${randomBytes(4).toString("hex")}@example.org`, password: `crash ${randomBytes(12).toString("base64url")} passphrase` };
  const child = spawn(process.execPath, [...TSX, "scripts/user-create.mts", "--email", user.email, "--role", "editor", "--name", "Crash Test Editor"], {
    stdio: "ignore",
    env: { ...process.env, DOCKETLINE_DATA_DIR: dataDir, DATABASE_URL: "", DOCKETLINE_USER_PASSWORD: user.password },
  });
  const code = await new Promise<number | null>((resolve) => child.once("exit", resolve));
  if (code !== 0) throw new Error(`npm run user:create failed (exit code ${code})`);
  return user;
}

async function signIn(page: Page, user: StaffUser) {
  await page.goto("/staff/sign-in");
  await page.getByLabel("E-mail address").fill(user.email);
  await page.getByLabel("Password", { exact: true }).fill(user.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL((url) => !url.pathname.startsWith("/staff/sign-in"), { timeout: 60_000 });
}

interface ConfirmedSave {
  summary: string;
  version: number;
}

/** Saves the filing's summary over and over until the app is killed, `killAfterMs` after the first confirmed save; returns the saves the page confirmed. */
async function saveUntilKilled(page: Page, filingId: string, round: number, app: RunningApp, killAfterMs: number): Promise<ConfirmedSave[]> {
  const confirmed: ConfirmedSave[] = [];
  let killed = false;
  let killing: Promise<void> | undefined;
  await page.goto(`/staff/filings/${encodeURIComponent(filingId)}`, { timeout: 120_000 });
  for (let save = 1; !killed; save++) {
    const summary = `Crash round ${round}, save ${save}: ${randomBytes(6).toString("hex")}`;
    try {
      await page.getByLabel("Summary (required)").fill(summary, { timeout: 60_000 });
      await page.getByRole("button", { name: "Save changes" }).click({ timeout: 60_000 });
      const status = page.getByRole("status").filter({ hasText: /Saved\. This is version \d+\./ });
      await status.waitFor({ timeout: 60_000 });
      const version = Number((await status.textContent())!.match(/version (\d+)/)![1]);
      if (!confirmed.some((c) => c.version === version)) confirmed.push({ summary, version });
      killing ??= new Promise<void>((resolve) => setTimeout(resolve, killAfterMs)).then(async () => {
        killed = true;
        await app.crash();
      });
      // The status stays until the next save: start each save from a fresh page.
      await page.reload({ timeout: 60_000 });
    } catch (error) {
      if (!killed) throw error;
    }
  }
  await killing;
  return confirmed;
}

/** What the database holds of the saves, after the crash: every confirmed one, in order, and the filing as its last revision says. */
async function checkHistory(dataDir: string, filingId: string, confirmed: ConfirmedSave[]): Promise<string[]> {
  const connection = await connectDatabase({ dataDir });
  const problems: string[] = [];
  try {
    const { sql } = connection;
    const [filing] = await sql<{ version: number; summary: string }[]>`SELECT version, summary FROM filing WHERE id = ${filingId}`;
    const revisions = await sql<{ version: number; summary: string }[]>`
      SELECT version, after->>'summary' AS summary FROM revision
      WHERE record_kind = 'filing' AND record_id = ${filingId} ORDER BY id`;
    const last = revisions[revisions.length - 1];
    if (!last || last.version !== filing.version) problems.push(`the filing is at version ${filing.version}, its last revision at ${last?.version}`);
    if (last && last.summary !== filing.summary) problems.push("the filing's summary is not its last revision's");
    const versions = revisions.map((r) => r.version);
    if (versions.some((v, i) => i > 0 && v !== versions[i - 1] + 1)) problems.push(`the history's versions are not consecutive: ${versions.join(", ")}`);
    for (const save of confirmed) {
      const kept = revisions.find((r) => r.version === save.version);
      if (kept?.summary !== save.summary) problems.push(`confirmed save of version ${save.version} is not in the history`);
    }
    const torn = await sql`
      SELECT f.id FROM filing f
      WHERE f.version <> (SELECT max(r.version) FROM revision r WHERE r.record_kind = 'filing' AND r.record_id = f.id)`;
    if (torn.length) problems.push(`${torn.length} filings' versions differ from their histories'`);
  } finally {
    await connection.close();
  }
  return problems;
}

main().catch(fail);
