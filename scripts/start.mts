// npm start: the whole app from a fresh clone, with no other setup.
// 1. a database: DATABASE_URL, or the embedded PostgreSQL in the data folder;
// 2. pending migrations; the founding dataset when the database is empty;
// 3. a production build when the current sources have none;
// 4. Next.js on a loopback port, behind the front server on PORT that answers public
//    reads from its cache of rendered pages (lib/http-cache, docs/decisions/009), until
//    Ctrl-C or SIGTERM stops them and then PostgreSQL.
// `npm run dev` runs Next's development server on PORT instead of 2-4, with no cache and
// no front server to tell client addresses: the sign-in limits count every client as
// one unknown address there (lib/auth/client-address.ts).
import { spawn, type ChildProcess } from "node:child_process";
import type { Server } from "node:http";
import path from "node:path";

import { trustedProxies } from "@/lib/auth/client-address";
import { getAuthSecret } from "@/lib/auth/secret";
import { connectDatabase } from "@/lib/db/connect";
import { FOUNDING_CODING, FOUNDING_DATASET, importFoundingDataset } from "@/lib/dataset/founding";
import { purgeDeletedRecords, RESTORE_WINDOW_DAYS } from "@/lib/editing/records";
import { getEnv, type Env } from "@/lib/env";
import { findFreePort } from "@/lib/free-port";
import { createFrontServer } from "@/lib/http-cache/front-server";
import { listenForContentChanges } from "@/lib/http-cache/invalidation";
import { ResponseCache } from "@/lib/http-cache/response-cache";
import { plural } from "@/lib/text";

import { buildIsCurrent, recordBuild } from "./support/build-stamp.mts";
import { fail } from "./support/cli.mts";

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
  // Set once each runs; a Ctrl-C during the build finds none.
  const running: { server?: ChildProcess; front?: Server; stopListening?: () => Promise<void> } = {};
  const shutdown = async (code: number) => {
    if (shuttingDown) return;
    shuttingDown = true;
    running.front?.close();
    running.front?.closeAllConnections();
    await running.stopListening?.().catch(() => {});
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
    log(database.applied.length ? `Applied ${plural(database.applied.length, "migration")}` : "Database schema is up to date");

    const [{ count }] = await database.sql<{ count: number }[]>`
      SELECT (SELECT count(*) FROM filing) + (SELECT count(*) FROM lawsuit) AS count`;
    if (Number(count) === 0) {
      const { dataset, coding } = await importFoundingDataset(database.sql);
      log(`Imported ${plural(dataset.filings.created, "filing")} and ${plural(dataset.lawsuits.created, "lawsuit")} from ${FOUNDING_DATASET}`);
      log(`Imported the coding of ${plural(coding.coding.created, "lawsuit")} from ${FOUNDING_CODING}`);
    }
    // Deleted records stay restorable for 30 days; a start is a good moment to let go of older ones.
    const purged = await purgeDeletedRecords(database.sql);
    if (purged.filings + purged.lawsuits > 0) {
      log(`Removed ${plural(purged.filings, "filing")} and ${plural(purged.lawsuits, "lawsuit")} deleted more than ${RESTORE_WINDOW_DAYS} days ago`);
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
  // Production: Next.js answers the front server only, on loopback.
  const nextPort = dev ? port : String(await findFreePort());
  const nextArgs = dev ? ["dev", "--port", port] : ["start", "--hostname", "127.0.0.1", "--port", nextPort];
  const server = spawn(process.execPath, [NEXT_BIN, ...nextArgs], {
    stdio: ["ignore", "pipe", "inherit"],
    env: {
      ...nextEnv,
      DATABASE_URL: database.url,
      BETTER_AUTH_SECRET: authSecret,
      PORT: port,
      NODE_ENV: dev ? "development" : "production",
      // In NODE_OPTIONS, so that every process Next.js starts has it (docs/decisions/025).
      NODE_OPTIONS: withHeapSizes(process.env.NODE_OPTIONS, env.DOCKETLINE_NEXT_HEAP_MB),
    },
  });
  running.server = server;
  let announced = false;
  server.stdout!.on("data", (chunk: Buffer) => {
    const text = chunk.toString();
    // Next prints its own banner; we print one line once it is ready.
    if (!announced && /Ready in|ready started|✓ Ready/i.test(text)) {
      announced = true;
      const ready = dev ? Promise.resolve() : startFrontServer(Number(nextPort), database.url, env, authSecret, running);
      ready.then(
        () => {
          log(`Docketline is running at http://localhost:${port}  (Ctrl-C stops it)`);
          if (!hasAdmin) log("No admin account yet. Create the first one (staff sign in at /staff/sign-in):\n  npm run user:create -- --email you@example.org --role admin");
        },
        (error: unknown) => {
          console.error(`Could not serve on port ${port}: ${error instanceof Error ? error.message : error}`);
          void shutdown(1);
        },
      );
    } else if (dev || !/^\s*(▲|-|✓ Starting|\s*$)/m.test(text)) {
      process.stdout.write(text);
    }
  });
  server.on("exit", (code) => {
    if (!shuttingDown) void shutdown(code ?? 1);
  });
}

/**
 * The front server on PORT, with the cache of public pages told of every change of the
 * content, whichever process makes it: it forgets the pages that show what changed. It
 * serves only once it hears those changes.
 */
async function startFrontServer(
  nextPort: number,
  databaseUrl: string,
  { PORT: port, DOCKETLINE_CACHE_MB: cacheMb, DOCKETLINE_TRUSTED_PROXIES: proxies, DOCKETLINE_RENDER_CONCURRENCY: renderConcurrency }: Env,
  authSecret: string,
  running: { front?: Server; stopListening?: () => Promise<void> },
): Promise<void> {
  const pages = new ResponseCache({ maxBytes: cacheMb * 1024 * 1024, maxEntries: 20_000, maxEntryBytes: 8 * 1024 * 1024 });
  // The build's files: a few megabytes in all, kept whatever the content does.
  const assets = new ResponseCache({ maxBytes: cacheMb > 0 ? 64 * 1024 * 1024 : 0, maxEntries: 2_000, maxEntryBytes: 8 * 1024 * 1024 });
  running.stopListening = await listenForContentChanges(databaseUrl, (change) => pages.invalidate(change));
  const clientAddress = { trust: trustedProxies(proxies), secret: authSecret };
  const front = createFrontServer({ upstream: { host: "127.0.0.1", port: nextPort }, pages, assets, clientAddress, renderConcurrency });
  running.front = front;
  await new Promise<void>((resolve, reject) => {
    front.once("error", reject);
    front.listen(port, () => resolve());
  });
}

/** The young generation's semi-spaces for Next.js, in MB. */
const NEXT_SEMI_SPACE_MB = 32;

/**
 * NODE_OPTIONS with V8's heap sizes for Next.js. The old generation's limit: V8 sizes
 * its heap from the machine's memory (about 4 GB here) and, rendering pages under load,
 * lets garbage grow to hundreds of megabytes between full collections, which the
 * resident memory follows; a limit a few times the heap Next.js keeps makes it collect
 * sooner. The young generation's size: a render allocates megabytes that die with it,
 * and with V8's default semi-spaces (16 MB at most) it collects them often; at 32 MB a render of a filter nobody asked for before cost the
 * Next.js process about 12% less CPU (docs/performance.md). A size already in
 * NODE_OPTIONS is the user's and stays.
 */
function withHeapSizes(nodeOptions: string | undefined, oldSpaceMegabytes: number): string {
  const options = [nodeOptions];
  if (!nodeOptions || !/--max-old-space-size\b/.test(nodeOptions)) options.push(`--max-old-space-size=${oldSpaceMegabytes}`);
  if (!nodeOptions || !/--max-semi-space-size\b/.test(nodeOptions)) options.push(`--max-semi-space-size=${NEXT_SEMI_SPACE_MB}`);
  return options.filter(Boolean).join(" ");
}

function run(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: "inherit", env });
    child.on("error", reject);
    child.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`${path.basename(args[0] ?? command)} ${args[1] ?? ""} failed (exit code ${code})`))));
  });
}

main().catch(fail);
