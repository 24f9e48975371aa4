// /export/dataset.json: a docketline/v1 dataset of the filtered filings that imports as
// it is, into an empty database too (docs/decisions/005-exports-feeds-and-calendars.md).
//
// A filtered set of filings refers outside itself: a response answers a motion the
// filter left out, an order outside it decides a demand. Dropping those references
// would state something false ("responds to nothing"), and importing such a file back
// into the full database would erase the links. So the dataset also holds the filings
// that the filtered ones refer to (respondsTo, decidedBy), following those references
// on, and the lawsuits, courts and officials that all of them name, with the lawsuits
// those lawsuits are related to. Its description says how many filings matched and
// which were added. Exported from a database holding only this dataset, the same
// filter gives the same bytes again.
//
// Only public records are exported: the references are followed through public
// filings and lawsuits only, and a reference to one the public cannot see (a draft, a
// deleted filing) is left out of the record that makes it (lib/dataset/read.ts
// publicOnly), so the file still imports as it is.
//
// The text is the canonical form of lib/dataset/export.ts (serializeDataset): records
// in export order, two-space indentation. The lawsuits, courts and officials are read in
// pages first; then the filings stream from one statement.
import "server-only";

import { DATASET_FORMAT, type FilingRecord } from "@/lib/dataset/schema";
import { jsonArray, recordsOf } from "@/lib/dataset/export";
import { FILING_EXPORT_ORDER, streamFilingRecords } from "@/lib/dataset/read";
import { fromStored, type DatePrecision } from "@/lib/dates/partial-date";
import type { Sql } from "@/lib/db/sql";
import { filterToSearchParams, type Filter } from "@/lib/filters/schema";
import { Prisma } from "@/lib/generated/prisma/client";
import { filterConditions, runWithPostgres, whereClause } from "@/lib/timeline/queries";

import { chunk, readCourts, readLawsuits, readOfficials } from "./records";
import { countFilings, EXPORT_PAGE_SIZE } from "./stream";

/** How many added filings the description names one by one. */
const NAMED_CONTEXT_FILINGS = 50;

export interface DatasetPlan {
  /** How many filings the filter matches. */
  matched: number;
  /** Filings outside the filter that the matched ones refer to, in export order. */
  context: { id: string; dateFiled: string }[];
  /** Lawsuit ids in export order (date filed, a wider period first, id). */
  lawsuits: string[];
  /** Court and official ids in export order (id). */
  courts: string[];
  officials: string[];
}

const RANK = Prisma.raw(`(CASE f."date_filed_precision" WHEN 'year' THEN 0 WHEN 'month' THEN 1 ELSE 2 END)`);

/** What the dataset holds besides the matched filings; a fixed number of statements. */
export async function planFilteredDataset(sql: Sql, filter: Filter): Promise<DatasetPlan> {
  const run = runWithPostgres(sql);
  const where = whereClause(filterConditions(filter));

  const [matched, contextRows] = await Promise.all([
    countFilings(sql, filter),
    // Follows respondsTo and decidedBy from the matched filings to public filings, on
    // and on; UNION stops at cycles.
    run<{ id: string; date_filed: string; date_filed_precision: DatePrecision }>(Prisma.sql`
      WITH RECURSIVE "matched" AS (SELECT f."id" FROM "filing" f ${where}),
      "linked"("id") AS (
          SELECT "id" FROM "matched"
        UNION
          SELECT r."id" FROM "linked" l CROSS JOIN LATERAL (
            SELECT f."responds_to_id" AS "id" FROM "filing" f WHERE f."id" = l."id" AND f."responds_to_id" IS NOT NULL
            UNION ALL
            SELECT d."decided_by_id" FROM "demand" d WHERE d."filing_id" = l."id" AND d."decided_by_id" IS NOT NULL
          ) r
          JOIN "filing" t ON t."id" = r."id" AND t."is_public"
      )
      SELECT f."id", f."date_filed", f."date_filed_precision"::text AS "date_filed_precision"
      FROM "filing" f
      WHERE f."id" IN (SELECT "id" FROM "linked") AND f."id" NOT IN (SELECT "id" FROM "matched")
      ORDER BY f."date_filed", ${RANK}, f."id" COLLATE "C"`),
  ]);
  const context = contextRows.map((r) => ({ id: r.id, dateFiled: fromStored(r.date_filed, r.date_filed_precision) }));
  const contextIds = context.map((c) => c.id);

  const included = Prisma.sql`"included" AS (
    SELECT f."id", f."lawsuit_id" FROM "filing" f ${where}
    UNION
    SELECT f."id", f."lawsuit_id" FROM "filing" f WHERE f."id" = ANY(${contextIds}) AND f."is_public"
  )`;
  const [lawsuitRows, officialRows] = await Promise.all([
    run<{ id: string; court_id: string }>(Prisma.sql`
      WITH RECURSIVE ${included},
      "suits"("id") AS (
          SELECT "lawsuit_id" FROM "included" WHERE "lawsuit_id" IS NOT NULL
        UNION
          SELECT r."related_lawsuit_id" FROM "suits" s JOIN "lawsuit_relation" r ON r."lawsuit_id" = s."id"
          JOIN "lawsuit" t ON t."id" = r."related_lawsuit_id" AND t."is_public"
      )
      SELECT l."id", l."court_id" FROM "lawsuit" l
      WHERE l."id" IN (SELECT "id" FROM "suits") AND l."is_public"
      ORDER BY l."date_filed", l."date_filed_precision" DESC, l."id" COLLATE "C"`),
    run<{ id: string }>(Prisma.sql`
      WITH ${included}
      SELECT DISTINCT fs."official_id" AS "id" FROM "filing_state" fs
      WHERE fs."official_id" IS NOT NULL AND fs."filing_id" IN (SELECT "id" FROM "included")
      ORDER BY 1`),
  ]);
  const byCodeUnits = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  return {
    matched,
    context,
    lawsuits: lawsuitRows.map((r) => r.id),
    courts: [...new Set(lawsuitRows.map((r) => r.court_id))].sort(byCodeUnits),
    officials: officialRows.map((r) => r.id).sort(byCodeUnits),
  };
}

/** The filter as a query string, as the timeline's links write it. */
function describeFilter(filter: Filter): string {
  return filterToSearchParams({ ...filter, cursor: undefined, sort: undefined }).toString();
}

function titleOf(filter: Filter): string {
  const query = describeFilter(filter);
  return query ? `Docketline: filings matching ${query}` : "Docketline: every filing";
}

function descriptionOf(filter: Filter, plan: DatasetPlan): string {
  const query = describeFilter(filter);
  const count = (n: number, noun: string) => `${n.toLocaleString("en-US")} ${noun}${n === 1 ? "" : "s"}`;
  const lines = [
    query
      ? `${count(plan.matched, "filing")} on Docketline ${plan.matched === 1 ? "matches" : "match"} the filter ${query}.`
      : `Every filing on Docketline: ${count(plan.matched, "filing")}.`,
  ];
  if (plan.context.length > 0) {
    const named = plan.context.slice(0, NAMED_CONTEXT_FILINGS).map((c) => c.id);
    const more = plan.context.length - named.length;
    lines.push(
      `${count(plan.context.length, "more filing")} outside the filter ${plan.context.length === 1 ? "is" : "are"} included because the filings respond to ${plan.context.length === 1 ? "it" : "them"} or have demands decided by ${plan.context.length === 1 ? "it" : "them"}, so that every reference resolves: ${named.join(", ")}${more > 0 ? ` and ${count(more, "other")}` : ""}.`,
    );
  }
  lines.push("The lawsuits, courts and officials these filings refer to are included, with the lawsuits related to those lawsuits.");
  return lines.join(" ");
}

/**
 * The matched filings and the added ones, in export order, from one statement.
 */
function filingPages(sql: Sql, filter: Filter, context: DatasetPlan["context"], batch: number): AsyncGenerator<FilingRecord[]> {
  const matched = Prisma.join(filterConditions(filter), " AND ");
  const added = Prisma.sql`f."id" = ANY(${context.map((c) => c.id)})`;
  const batches = streamFilingRecords(sql, { conditions: [Prisma.sql`((${matched}) OR ${added})`], order: FILING_EXPORT_ORDER }, { publicOnly: true, batch });
  return recordsOf(batches) as AsyncGenerator<FilingRecord[]>;
}

/** Reads records in runs of `pageSize` ids. */
async function* inPages<T>(ids: string[], pageSize: number, read: (ids: string[]) => Promise<T[]>): AsyncGenerator<T[]> {
  for (const run of chunk(ids, pageSize)) yield read(run);
}

export interface DatasetExportOptions {
  pageSize?: number;
  /** A plan already made (the CLI reports from it); made here otherwise. */
  plan?: DatasetPlan;
}

/** The dataset as text chunks; the statements that plan it run before the first chunk. */
export async function* filteredDatasetJson(sql: Sql, filter: Filter, options: DatasetExportOptions = {}): AsyncGenerator<string> {
  const pageSize = options.pageSize ?? EXPORT_PAGE_SIZE;
  const plan = options.plan ?? (await planFilteredDataset(sql, filter));
  yield `{\n  "format": ${JSON.stringify(DATASET_FORMAT)},\n  "title": ${JSON.stringify(titleOf(filter))},\n  "description": ${JSON.stringify(descriptionOf(filter, plan))},\n`;
  yield* jsonArray("courts", inPages(plan.courts, pageSize, (ids) => readCourts(sql, ids)));
  yield ",\n";
  yield* jsonArray("officials", inPages(plan.officials, pageSize, (ids) => readOfficials(sql, ids)));
  yield ",\n";
  yield* jsonArray("lawsuits", inPages(plan.lawsuits, pageSize, (ids) => readLawsuits(sql, ids)));
  yield ",\n";
  yield* jsonArray("filings", filingPages(sql, filter, plan.context, pageSize));
  yield "\n}\n";
}
