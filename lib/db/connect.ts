// How scripts (start, import, export, tests) get a database: the user's DATABASE_URL,
// or the embedded server for the data folder, started here if it is not running,
// migrated either way. Scripts only: the Next.js server is handed the URL.
import "server-only";

import path from "node:path";

import { startEmbeddedDatabase, type DatabaseHandle } from "@/lib/db/embedded";
import { migrate } from "@/lib/db/migrate";
import { createSql, type Sql } from "@/lib/db/sql";
import { getEnv, type Env } from "@/lib/env";

export interface Connection {
  url: string;
  sql: Sql;
  /** Names of the migrations this call applied. */
  applied: string[];
  /** Closes the connection, and stops the embedded server if this process started it. */
  close(): Promise<void>;
}

export interface ConnectOptions {
  log?: (line: string) => void;
  /** The embedded server of this folder, whatever DATABASE_URL and DOCKETLINE_DATA_DIR say. */
  dataDir?: string;
}

export async function connectDatabase(options: ConnectOptions = {}): Promise<Connection> {
  const env = getEnv();
  let handle: DatabaseHandle;
  if (options.dataDir) {
    handle = await startEmbeddedDatabase({ dataDir: options.dataDir, log: options.log });
  } else if (env.DATABASE_URL) {
    handle = { url: env.DATABASE_URL, owned: false, stop: async () => {} };
  } else {
    options.log?.("Starting PostgreSQL…");
    handle = await startEmbeddedDatabase({ dataDir: getDataDir(env), port: env.EMBEDDED_PG_PORT, log: options.log });
  }
  const sql = createSql(handle.url);
  try {
    const applied = await migrate(sql);
    return {
      url: handle.url,
      sql,
      applied,
      async close() {
        await sql.end({ timeout: 5 });
        await handle.stop();
      },
    };
  } catch (error) {
    await sql.end({ timeout: 5 });
    await handle.stop();
    throw error;
  }
}

/** The folder holding the embedded database, `.data` in the project by default. */
export function getDataDir(env: Env = getEnv()): string {
  return path.resolve(env.DOCKETLINE_DATA_DIR ?? path.join(process.cwd(), ".data"));
}
