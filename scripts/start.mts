// npm start: the whole app from a fresh clone, with no other setup.
// 1. a database: DATABASE_URL, or the embedded PostgreSQL in the data folder;
// 2. pending migrations; the founding dataset when the database is empty;
// 3. a production build when the current sources have none;
// 4. Next.js on PORT, until Ctrl-C or SIGTERM stops it and then PostgreSQL.
// `npm run dev` does the same with Next's development server instead of 2-3's build.
import { spawn, type ChildProcess } from "node:child_process";
import { readFile } from "node:fs/promises";
import path from "node:path";

import { getAuthSecret } from "@/lib/auth/secret";
import { connectDatabase } from "@/lib/db/connect";
import { importDatasetText } from "@/lib/dataset/import";
import { purgeDeletedRecords, RESTORE_WINDOW_DAYS } from "@/lib/editing/records";
import { getEnv } from "@/lib/env";

import { buildIsCurrent, recordBuild } from "./support/build-stamp.mts";
import { fail, pluralize } from "./support/cli.mts";

const FOUNDING_DATASET = path.join("prisma", "data", "family-separation-2018.json");
const NEXT_BIN = path.join("node_modules", "next", "dist", "bin", "next");

const dev = process.argv.includes("--dev");
// Docketline makes no third-party requests, and Next's telemetry would be one; a user
// who wants it can set NEXT_TELEMETRY_DISABLED=0.
const nextEnv: NodeJS.ProcessEnv = { NEXT_TELEMETRY_DISABLED: "1", ...process.env };
const log = (line: string) => console.log(line);

async function main() {
  const env = getEnv();
  const database = await connectDatabase({ log });

  let shuttingDown = false;
  // Set once Next.js runs; a Ctrl-C during the build finds none.
  const running: { server?: ChildProcess } = {};
  const shutdown = async (code: number) => {
    if (shuttingDown) return;
    shuttingDown = true;
    const server = running.server;
    if (server && server.exitCode === null) {
      log("Stopping Docketline…");
      const exited = new Promise((resolve) => server.once("exit", resolve));
      server.kill("SIGTERM");
      await exited;
    }
    await database.close();
    process.exit(code);
  };
  process.on("SIGINT", () => void shutdown(0));
  process.on("SIGTERM", () => void shutdown(0));

  // Signs staff sessions: read (or created) here once and handed to Next.js (lib/auth/secret.ts).
  let authSecret: string;
  let hasAdmin: boolean;
  try {
    log(database.applied.length ? `Applied ${pluralize(database.applied.length, "migration")}` : "Database schema is up to date");

    const [{ count }] = await database.sql<{ count: number }[]>`
      SELECT (SELECT count(*) FROM filing) + (SELECT count(*) FROM lawsuit) AS count`;
    if (Number(count) === 0) {
      const summary = await importDatasetText(database.sql, await readFile(FOUNDING_DATASET, "utf8"));
      log(`Imported ${pluralize(summary.filings.created, "filing")} and ${pluralize(summary.lawsuits.created, "lawsuit")} from ${FOUNDING_DATASET}`);
    }
    // Deleted records stay restorable for 30 days; a start is a good moment to let go of older ones.
    const purged = await purgeDeletedRecords(database.sql);
    if (purged.filings + purged.lawsuits > 0) {
      log(`Removed ${pluralize(purged.filings, "filing")} and ${pluralize(purged.lawsuits, "lawsuit")} deleted more than ${RESTORE_WINDOW_DAYS} days ago`);
    }

    authSecret = await getAuthSecret(env);
    // There are no default credentials: the first admin is made on the command line.
    const [admins] = await database.sql<{ exists: boolean }[]>`
      SELECT EXISTS (SELECT 1 FROM "user" WHERE role = 'admin' AND NOT banned) AS exists`;
    hasAdmin = admins.exists;

    if (!dev && !(await buildIsCurrent())) {
      log("Building the app (first start after a change; this takes a minute)…");
      await run(process.execPath, [NEXT_BIN, "build"], { ...nextEnv, DATABASE_URL: database.url });
      await recordBuild();
    }
  } catch (error) {
    await database.close();
    throw error;
  }

  const port = String(env.PORT);
  const server = spawn(process.execPath, [NEXT_BIN, dev ? "dev" : "start", "--port", port], {
    stdio: ["ignore", "pipe", "inherit"],
    env: { ...nextEnv, DATABASE_URL: database.url, BETTER_AUTH_SECRET: authSecret, PORT: port, NODE_ENV: dev ? "development" : "production" },
  });
  running.server = server;
  let announced = false;
  server.stdout!.on("data", (chunk: Buffer) => {
    const text = chunk.toString();
    // Next prints its own banner; we print one line once it is ready.
    if (!announced && /Ready in|ready started|✓ Ready/i.test(text)) {
      announced = true;
      log(`Docketline is running at http://localhost:${port}  (Ctrl-C stops it)`);
      if (!hasAdmin) log("No admin account yet. Create the first one (staff sign in at /staff/sign-in):\n  npm run user:create -- --email you@example.org --role admin");
    } else if (dev || !/^\s*(▲|-|✓ Starting|\s*$)/m.test(text)) {
      process.stdout.write(text);
    }
  });
  server.on("exit", (code) => {
    if (!shuttingDown) void shutdown(code ?? 1);
  });
}

function run(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: "inherit", env });
    child.on("error", reject);
    child.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`${path.basename(args[0] ?? command)} ${args[1] ?? ""} failed (exit code ${code})`))));
  });
}

main().catch(fail);
