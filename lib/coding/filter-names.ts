// The names of the coded values a filter names by id (an issue area's label, a policy's
// name, an administration's name), for the chips of pages and the titles of feeds.
import "server-only";

import type { Filter } from "@/lib/filters/schema";
import { Prisma } from "@/lib/generated/prisma/client";
import { runWithPrisma, type RunQuery } from "@/lib/timeline/queries";
import { codedNameKey, type NamedCodedParam } from "@/lib/timeline/summary";

/** Names keyed by codedNameKey; one statement, none when the filter names no such value. */
export async function getCodedNames(filter: Pick<Filter, NamedCodedParam>, run: RunQuery = runWithPrisma): Promise<Map<string, string>> {
  const parts: Prisma.Sql[] = [];
  if (filter.issueArea) parts.push(Prisma.sql`SELECT 'issueArea' AS "param", "slug" AS "value", "label" AS "name" FROM "issue_area" WHERE "slug" = ${filter.issueArea}`);
  // Every part names its columns: the first part of a UNION names them, and any part may be the first.
  if (filter.policy) parts.push(Prisma.sql`SELECT 'policy' AS "param", "id" AS "value", "name" FROM "policy" WHERE "id" = ${filter.policy}`);
  if (filter.administration) parts.push(Prisma.sql`SELECT 'administration' AS "param", "id" AS "value", "name" FROM "administration" WHERE "id" = ${filter.administration}`);
  if (!parts.length) return new Map();
  const rows = await run<{ param: NamedCodedParam; value: string; name: string }>(Prisma.join(parts, " UNION ALL "));
  return new Map(rows.map((row) => [codedNameKey(row.param, row.value), row.name]));
}
