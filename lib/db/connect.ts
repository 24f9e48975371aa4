// How scripts (start, import, export, tests) get a database: the user's DATABASE_URL,
// or the embedded server for the data folder, started here if it is not running,
// migrated either way.
import { startEmbeddedDatabase, type DatabaseHandle } from "@/lib/db/embedded";
import { migrate } from "@/lib/db/migrate";
import { createSql, type Sql } from "@/lib/db/sql";
import { getDataDir, getEnv } from "@/lib/env";

export interface Connection {
  url: string;
  sql: Sql;
  /** Names of the migrations this call applied. */
  applied: string[];
  /** Closes the connection, and stops the embedded server if this process started it. */
  close(): Promise<void>;
}

export async function connectDatabase(options: { log?: (line: string) => void } = {}): Promise<Connection> {
  const env = getEnv();
  let handle: DatabaseHandle;
  if (env.DATABASE_URL) {
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
