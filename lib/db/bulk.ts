import "server-only";

import { getEnv } from "@/lib/env";
import { createSql, type Sql } from "@/lib/db/sql";

// The app server's `postgres` client, for reads Prisma is poor at: streaming exports
// and dataset-shaped records (lib/dataset/read.ts). Everything else goes through
// Prisma (lib/db/client.ts).
const globalForBulk = globalThis as unknown as { docketlineBulkSql?: Sql };

export function getBulkSql(): Sql {
  if (globalForBulk.docketlineBulkSql) return globalForBulk.docketlineBulkSql;
  const url = getEnv().DATABASE_URL;
  if (!url) throw new Error("DATABASE_URL is not set: start Docketline with `npm start`.");
  return (globalForBulk.docketlineBulkSql = createSql(url, { max: 4 }));
}
