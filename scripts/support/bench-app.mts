// What the HTTP benchmark and the Lighthouse script share: a throwaway data folder with
// a generated dataset imported through the public CLI, the production app started
// exactly as `npm start` starts it, and stopping all of it again (Ctrl-C included).
import { spawn, type ChildProcess } from "node:child_process";
import { createWriteStream, existsSync } from "node:fs";
import { chmod, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";

const TSX = ["node_modules/tsx/dist/cli.mjs", "--conditions=react-server"];
/** Long enough for a first build (3-5 minutes here) on a busy machine. */
const START_TIMEOUT_MS = 20 * 60_000;
const STOP_TIMEOUT_MS = 60_000;
/** Written beside the database, so that a reused folder says what it holds. */
const DATASET_NOTE = "bench-dataset.json";

const log = (line: string) => console.log(line);

export interface DatasetNote {
  filings: number;
  seed: number;
  /** Generated with the research coding (`npm run generate -- --coding`). */
  coding?: boolean;
}

/** Runs a project script (scripts/<name>.mts) as `npm run` would, inheriting the output. */
export function runScript(script: string, args: string[], env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...TSX, `scripts/${script}`, ...args], { stdio: ["ignore", "inherit", "inherit"], env });
    child.on("error", reject);
    child.on("exit", (code, signal) => (code === 0 ? resolve() : reject(new Error(`scripts/${script} failed (${signal ?? `exit code ${code}`})`))));
  });
}

/** A folder in the system temp folder that the embedded PostgreSQL (as `postgres` when root) can reach. */
export async function makeWorkDir(prefix: string): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), prefix));
  await chmod(dir, 0o755);
  return dir;
}

/**
 * Fills `dataDir` with `npm run generate -- --filings N --seed S [--coding]` imported by
 * `npm run import`, unless it already holds a database. Returns what it holds.
 */
export async function prepareData(options: { dataDir: string; workDir: string; filings: number; seed: number; coding?: boolean }): Promise<DatasetNote | null> {
  const { dataDir } = options;
  if (existsSync(path.join(dataDir, "postgres", "PG_VERSION"))) {
    const note = await readFile(path.join(dataDir, DATASET_NOTE), "utf8").then((text) => JSON.parse(text) as DatasetNote, () => null);
    log(`Reusing the database in ${dataDir}${note ? ` (${note.filings.toLocaleString("en-US")} generated filings, seed ${note.seed}${note.coding ? ", coded" : ""})` : ""}`);
    return note;
  }
  const env = { ...process.env, DOCKETLINE_DATA_DIR: dataDir, DATABASE_URL: "" };
  const file = path.join(options.workDir, `generated-${options.filings}-${options.seed}.json`);
  let started = performance.now();
  await runScript("generate.mts", ["--filings", String(options.filings), "--seed", String(options.seed), ...(options.coding ? ["--coding"] : []), file], env);
  log(`  generated in ${seconds(performance.now() - started)}`);
  started = performance.now();
  await runScript("import.mts", [file], env);
  log(`  imported in ${seconds(performance.now() - started)}`);
  await rm(file, { force: true });
  const note: DatasetNote = { filings: options.filings, seed: options.seed, ...(options.coding ? { coding: true } : {}) };
  await writeFile(path.join(dataDir, DATASET_NOTE), JSON.stringify(note) + "\n");
  return note;
}

export interface RunningApp {
  /** Loopback origin, e.g. http://127.0.0.1:41234 */
  origin: string;
  /** Everything the app printed. */
  logFile: string;
  /** The process id of scripts/start.mts, which leads the process group of everything the app runs. */
  pid: number;
  /** Resolves once the app answers `GET /` with a 2xx; rejects if it stops or takes too long. */
  ready(): Promise<void>;
  stop(): Promise<void>;
  /** SIGKILL to everything the app started, PostgreSQL included, as a power cut would: no clean-up runs. */
  crash(): Promise<void>;
}

/**
 * Starts the production app as `npm start` does (scripts/start.mts: database, migrations,
 * a build when the sources changed, the server on PORT), in its own process group so that
 * nothing it starts outlives us. Returns at once, so that a Ctrl-C during the build can
 * already stop it.
 */
export function startApp(options: { dataDir: string; port: number; logFile: string; env?: Record<string, string> }): RunningApp {
  const { dataDir, port, logFile } = options;
  const origin = `http://127.0.0.1:${port}`;
  const output = createWriteStream(logFile);
  // A database already running on a reused folder belongs to someone else: leave it be.
  const databaseWasRunning = existsSync(path.join(dataDir, "postgres", "postmaster.pid"));
  log(`Starting the app on ${origin} (scripts/start.mts, data in ${dataDir}${process.env.NEXT_DIST_DIR ? `, build in ${process.env.NEXT_DIST_DIR}` : ""})…`);
  const child = spawn(process.execPath, [...TSX, "scripts/start.mts"], {
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
    env: { ...process.env, ...options.env, PORT: String(port), DOCKETLINE_DATA_DIR: dataDir, DATABASE_URL: "" },
  });
  let answered = false;
  const forward = (chunk: Buffer) => {
    output.write(chunk);
    // Until it answers (the build can take minutes) its progress is worth seeing.
    if (!answered) process.stdout.write(chunk.toString().replace(/^(?=.)/gm, "  app │ "));
  };
  child.stdout!.on("data", forward);
  child.stderr!.on("data", forward);
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));

  return {
    origin,
    logFile,
    pid: child.pid!,
    async ready() {
      const deadline = Date.now() + START_TIMEOUT_MS;
      while (!(await answers(origin))) {
        if (child.exitCode !== null || child.signalCode !== null) {
          throw new Error(`The app stopped before it answered (${child.signalCode ?? `exit code ${child.exitCode}`}); its output is in ${logFile}`);
        }
        if (Date.now() > deadline) throw new Error(`The app did not answer within ${START_TIMEOUT_MS / 60_000} minutes; its output is in ${logFile}`);
        await new Promise((resolve) => setTimeout(resolve, 1000));
      }
      answered = true;
      log(`The app answers at ${origin}`);
    },
    async stop() {
      await stopApp(child, exited);
      if (!databaseWasRunning) await stopLeftoverPostgres(dataDir);
      output.end();
    },
    async crash() {
      await killGroup(child, exited);
      output.end();
    },
  };
}

/**
 * Kills a process started with `detached: true` and everything it started, as a power cut
 * would, and waits until they are gone. Its process group is not all of it: PostgreSQL's
 * backends each start a session of their own (setsid), so they are found by parentage
 * first. Left alive, a backend finishes its statement before it notices its postmaster
 * died, and holds the shared memory the next start needs ("pre-existing shared memory
 * block is still in use").
 */
export async function killGroup(child: ChildProcess, exited: Promise<unknown>): Promise<void> {
  const group = -child.pid!;
  const descendants = await descendantsOf(child.pid!);
  try {
    process.kill(group, "SIGKILL");
  } catch {
    // nothing left in the group; its descendants elsewhere may still be
  }
  for (const pid of descendants) {
    try {
      process.kill(pid, "SIGKILL");
    } catch {
      // already gone
    }
  }
  await exited;
  for (let i = 0; i < 200; i++) {
    if (!(await anyAlive([group, ...descendants]))) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`Processes of group ${child.pid} outlived SIGKILL`);
}

/** Every process below `root`, read from /proc (Linux). */
async function descendantsOf(root: number): Promise<number[]> {
  const parents = new Map<number, number[]>();
  for (const entry of await readdir("/proc").catch(() => [] as string[])) {
    const pid = Number(entry);
    if (!Number.isInteger(pid)) continue;
    const ppid = (await procStat(pid))?.ppid;
    if (ppid === undefined) continue;
    parents.set(ppid, [...(parents.get(ppid) ?? []), pid]);
  }
  const found: number[] = [];
  const visit = (pid: number) => {
    for (const child of parents.get(pid) ?? []) {
      found.push(child);
      visit(child);
    }
  };
  visit(root);
  return found;
}

/** A process's parent and state from /proc/PID/stat; null when it is gone. The name (field 2) may hold spaces, so fields are read after its closing parenthesis. */
async function procStat(pid: number): Promise<{ state: string; ppid: number } | null> {
  const stat = await readFile(`/proc/${pid}/stat`, "utf8").catch(() => null);
  if (!stat) return null;
  const [state, ppid] = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  return { state, ppid: Number(ppid) };
}

/** Whether any of these (a negative number: a process group) still runs; a zombie, dead but not yet reaped, does not count. */
async function anyAlive(pids: number[]): Promise<boolean> {
  for (const pid of pids) {
    try {
      process.kill(pid, 0);
    } catch {
      continue;
    }
    if (pid < 0) return true;
    const stat = await procStat(pid);
    if (stat && stat.state !== "Z") return true;
  }
  return false;
}

async function answers(origin: string): Promise<boolean> {
  try {
    const response = await fetch(`${origin}/`, { signal: AbortSignal.timeout(60_000) });
    await response.arrayBuffer();
    return response.ok;
  } catch {
    return false;
  }
}

/**
 * SIGTERM lets start.mts stop Next.js and then PostgreSQL in order. Should it hang, the
 * process group it leads is killed; anything of that group that outlives it (a
 * `next-server` left orphaned) is stopped too.
 */
async function stopApp(child: ChildProcess, exited: Promise<void>): Promise<void> {
  const group = -child.pid!;
  const signalGroup = (signal: NodeJS.Signals | 0) => {
    try {
      process.kill(group, signal);
      return true;
    } catch {
      return false; // nothing left in the group
    }
  };
  if (child.exitCode === null && child.signalCode === null) {
    child.kill("SIGTERM");
    const timer = new Promise<"timeout">((resolve) => setTimeout(() => resolve("timeout"), STOP_TIMEOUT_MS).unref());
    if ((await Promise.race([exited, timer])) === "timeout") {
      log(`The app did not stop within ${STOP_TIMEOUT_MS / 1000} s: killing it`);
      signalGroup("SIGKILL");
      return;
    }
  }
  if (!signalGroup("SIGTERM")) return;
  for (let i = 0; i < 100 && signalGroup(0); i++) await new Promise((resolve) => setTimeout(resolve, 100));
  signalGroup("SIGKILL");
}

/**
 * A PostgreSQL still running on `dataDir` after its owner is gone (killed, or an import
 * interrupted) is stopped by the pid it wrote; a clean stop removes postmaster.pid.
 */
export async function stopLeftoverPostgres(dataDir: string): Promise<void> {
  const pidFile = path.join(dataDir, "postgres", "postmaster.pid");
  const pid = Number((await readFile(pidFile, "utf8").catch(() => "")).split("\n")[0]);
  if (!Number.isInteger(pid) || pid <= 0) return;
  try {
    process.kill(pid, "SIGINT"); // PostgreSQL's "fast" shutdown
  } catch {
    return; // a stale file
  }
  log(`Stopping the PostgreSQL left running on ${dataDir} (pid ${pid})`);
  for (let i = 0; i < 100; i++) {
    try {
      process.kill(pid, 0);
    } catch {
      return;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/**
 * What a run on a throwaway folder leaves behind: the app stopped (or, when it never
 * started, the PostgreSQL of a folder that is not being kept), the work folder removed,
 * and the app's log only when the run did not succeed, to explain why.
 */
export async function cleanUpRun(run: { app?: RunningApp; reuseData?: string; dataDir: string; workDir: string; logFile: string; succeeded: boolean }): Promise<void> {
  if (run.app) await run.app.stop();
  else if (!run.reuseData) await stopLeftoverPostgres(run.dataDir);
  await rm(run.workDir, { recursive: true, force: true });
  if (run.succeeded) await rm(run.logFile, { force: true });
  else if (existsSync(run.logFile)) console.error(`The app's output is in ${run.logFile}`);
}

/**
 * Runs `body`, then always cleans up; Ctrl-C and SIGTERM clean up too (once), and a
 * watchdog stops everything after `limitMs` so that the run is bounded in time.
 */
export async function withCleanup<T>(limitMs: number, cleanup: () => Promise<void>, body: () => Promise<T>): Promise<T> {
  let cleaning: Promise<void> | undefined;
  const cleanOnce = () => (cleaning ??= cleanup().catch((error) => console.error("Cleanup failed:", error)));
  const interrupt = (signal: NodeJS.Signals) => {
    log(`\n${signal}: stopping everything this run started…`);
    void cleanOnce().then(() => process.exit(130));
  };
  process.on("SIGINT", interrupt);
  process.on("SIGTERM", interrupt);
  const watchdog = setTimeout(() => {
    console.error(`The run took longer than ${limitMs / 60_000} minutes: stopping.`);
    void cleanOnce().then(() => process.exit(1));
  }, limitMs);
  watchdog.unref();
  try {
    return await body();
  } finally {
    clearTimeout(watchdog);
    await cleanOnce();
    process.off("SIGINT", interrupt);
    process.off("SIGTERM", interrupt);
  }
}

/** The public id of the newest public filing, as the API lists it. */
export async function findFilingPath(origin: string): Promise<string> {
  const response = await fetch(`${origin}/api/v1/filings?limit=1`, { signal: AbortSignal.timeout(60_000) });
  if (!response.ok) throw new Error(`GET /api/v1/filings?limit=1 answered ${response.status}`);
  const body = (await response.json()) as { data: { id: string }[] };
  if (!body.data[0]) throw new Error("The API lists no public filing");
  return `/filings/${encodeURIComponent(body.data[0].id)}`;
}

/** How many public filings the app has, by the API's total. */
export async function countFilings(origin: string): Promise<number> {
  const response = await fetch(`${origin}/api/v1/filings?limit=1`, { signal: AbortSignal.timeout(60_000) });
  return ((await response.json()) as { total: number }).total;
}

export function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(ms < 10_000 ? 1 : 0)} s`;
}
