// The `postgres` client, for the work Prisma is poor at: bulk import and export.
// DATE columns come back as ISO strings, so that no time zone ever shifts a day.
// Not marked server-only: the Playwright specs (e2e/support/write-paths.ts) import it
// outside the react-server condition, where "server-only" throws.
import net from "node:net";

import postgres from "postgres";

export type Sql = postgres.Sql<Record<string, never>>;

export function createSql(url: string, options: { max?: number } = {}): Sql {
  return postgres(url, {
    max: options.max ?? 4,
    socket: connectWithoutDelay,
    onnotice: () => {},
    types: {
      // 1082 is DATE: keep it as the string PostgreSQL sends.
      date: { to: 1082, from: [1082], serialize: (value: string) => value, parse: (value: string) => value },
    },
    // The option is in postgres.js (src/connection.js createSocket) but not in its types.
  } as Parameters<typeof postgres>[1]) as unknown as Sql;
}

/**
 * A connection that sends each write at once. postgres.js leaves Nagle's algorithm on,
 * so the small message that ends a COPY waited for the server's delayed acknowledgement
 * of the rows before it (about 40 ms a COPY, seen in decision 018's measurements).
 */
function connectWithoutDelay(options: { host: string[]; port: number[]; path: string | false }): Promise<net.Socket> {
  return new Promise((resolve, reject) => {
    const socket = options.path ? net.connect(options.path) : net.connect(options.port[0], options.host[0]);
    socket.setNoDelay(true);
    socket.once("error", reject);
    socket.once("connect", () => {
      socket.off("error", reject);
      resolve(socket);
    });
  });
}
