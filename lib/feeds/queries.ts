// The filings a feed shows: those the filter matches, most recently updated first.
import "server-only";

import type { Sql } from "@/lib/db/sql";
import type { Filter } from "@/lib/filters/schema";
import { Prisma } from "@/lib/generated/prisma/client";
import { filterConditions, runWithPostgres, whereClause } from "@/lib/timeline/queries";

export interface UpdatedFiling {
  id: string;
  updatedAt: Date;
}

/** One statement; the timeline's filter conditions, another order. */
export async function listRecentlyUpdatedFilings(sql: Sql, filter: Filter, limit: number): Promise<UpdatedFiling[]> {
  const rows = await runWithPostgres(sql)<{ id: string; updated_at: Date }>(Prisma.sql`
    SELECT f."id", f."updated_at" FROM "filing" f
    ${whereClause(filterConditions(filter))}
    ORDER BY f."updated_at" DESC, f."id" COLLATE "C"
    LIMIT ${limit}`);
  return rows.map((r) => ({ id: r.id, updatedAt: new Date(r.updated_at) }));
}
