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
// The research coding of every lawsuit in the file comes with it, with the policies and
// issue areas that coding uses: a researcher who exports what the timeline shows gets
// how its lawsuits are coded. A coded value cites a filing of its lawsuit (the order
// deciding the outcome, the filing recording a state's side or a milestone) that the
// filter may leave out; that filing is added like a response's motion, for the same
// reason (docs/decisions/028-exports-carry-the-coding-from-one-list-of-formats.md).
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

import { readCodingRecords } from "@/lib/coding/read";
import { DATASET_FORMAT } from "@/lib/dataset/schema";
import { jsonArray } from "@/lib/dataset/records";
import { FILING_EXPORT_ORDER, FILING_STREAM_BATCH, streamFilingTexts } from "@/lib/dataset/read";
import { fromStored, type DatePrecision } from "@/lib/dates/partial-date";
import type { Sql } from "@/lib/db/sql";
import { filterToSearchParams, type Filter } from "@/lib/filters/schema";
import { Prisma } from "@/lib/generated/prisma/client";
import { plural } from "@/lib/text";
import { filterConditions, runWithPostgres, whereClause } from "@/lib/timeline/queries";

import type { ExportTally } from "./formats";
import { chunk, readCourts, readLawsuits, readOfficials } from "./records";
import { countFilings, EXPORT_PAGE_SIZE } from "./stream";

/** How many added filings the description names one by one. */
const NAMED_CONTEXT_FILINGS = 50;

interface DatasetPlan {
  /** How many filings the filter matches. */
  matched: number;
  /** Filings outside the filter that the matched ones or the coding refer to, in export order. */
  context: { id: string; dateFiled: string }[];
  /** Lawsuit ids in export order (date filed, a wider period first, id). */
  lawsuits: string[];
  /** Court and official ids in export order (id). */
  courts: string[];
  officials: string[];
  /** The lawsuits of the file that are coded, the policies and issue areas their coding uses (by id, slug). */
  coding: string[];
  policies: string[];
  issueAreas: string[];
}

const RANK = Prisma.raw(`(CASE f."date_filed_precision" WHEN 'year' THEN 0 WHEN 'month' THEN 1 ELSE 2 END)`);

/** What the dataset holds besides the matched filings; a fixed number of statements. */
async function planFilteredDataset(sql: Sql, filter: Filter): Promise<DatasetPlan> {
  const run = runWithPostgres(sql);
  const where = whereClause(filterConditions(filter));

  const [matched, reachedRows] = await Promise.all([
    countFilings(sql, filter),
    // Everything the matched filings lead to, on and on, through public records only: a
    // filing's lawsuit, the filing it responds to and the orders deciding its demands; a
    // lawsuit's related lawsuits and the filings its research coding cites (the order
    // deciding its outcome, the filings recording a state's side or a relief milestone).
    // UNION stops at cycles. The matched filings' own references are read set-based, a
    // join each, not followed filing by filing (at 100,000 matches that was most of the
    // plan's time); what they reach is followed row by row.
    run<{ kind: "filing" | "lawsuit"; id: string; court_id: string | null; date_filed: string; date_filed_precision: DatePrecision }>(Prisma.sql`
      WITH RECURSIVE "matched" AS MATERIALIZED (SELECT f."id", f."lawsuit_id", f."responds_to_id" FROM "filing" f ${where}),
      "reached"("kind", "id") AS (
          -- A public filing's lawsuit is public (filing.is_public says so).
          SELECT 'lawsuit'::text, m."lawsuit_id" FROM "matched" m WHERE m."lawsuit_id" IS NOT NULL
        UNION
          SELECT 'filing', t."id" FROM "matched" m JOIN "filing" t ON t."id" = m."responds_to_id" AND t."is_public"
          WHERE t."id" NOT IN (SELECT "id" FROM "matched")
        UNION
          SELECT 'filing', t."id" FROM "matched" m JOIN "demand" d ON d."filing_id" = m."id" JOIN "filing" t ON t."id" = d."decided_by_id" AND t."is_public"
          WHERE t."id" NOT IN (SELECT "id" FROM "matched")
        UNION
          SELECT r."kind", r."id" FROM "reached" x CROSS JOIN LATERAL (
            SELECT v."kind", v."id" FROM "filing" f CROSS JOIN LATERAL (VALUES ('lawsuit', f."lawsuit_id"), ('filing', f."responds_to_id")) v("kind", "id")
            WHERE x."kind" = 'filing' AND f."id" = x."id" AND v."id" IS NOT NULL
            UNION ALL
            SELECT 'filing', d."decided_by_id" FROM "demand" d WHERE x."kind" = 'filing' AND d."filing_id" = x."id" AND d."decided_by_id" IS NOT NULL
            UNION ALL
            SELECT 'lawsuit', r."related_lawsuit_id" FROM "lawsuit_relation" r WHERE x."kind" = 'lawsuit' AND r."lawsuit_id" = x."id"
            UNION ALL
            SELECT 'filing', c."outcome_decided_by_id" FROM "lawsuit_coding" c WHERE x."kind" = 'lawsuit' AND c."lawsuit_id" = x."id" AND c."outcome_decided_by_id" IS NOT NULL
            UNION ALL
            SELECT 'filing', s."filing_id" FROM "lawsuit_state_side" s WHERE x."kind" = 'lawsuit' AND s."lawsuit_id" = x."id" AND s."filing_id" IS NOT NULL
            UNION ALL
            SELECT 'filing', m."filing_id" FROM "relief_milestone" m WHERE x."kind" = 'lawsuit' AND m."lawsuit_id" = x."id" AND m."filing_id" IS NOT NULL
          ) r
          -- A public filing's lawsuit is public (filing.is_public says so): only the rest is looked up.
          WHERE CASE
            WHEN x."kind" = 'filing' AND r."kind" = 'lawsuit' THEN true
            WHEN r."kind" = 'filing' THEN EXISTS (SELECT 1 FROM "filing" t WHERE t."id" = r."id" AND t."is_public")
            ELSE EXISTS (SELECT 1 FROM "lawsuit" t WHERE t."id" = r."id" AND t."is_public")
          END
      )
      SELECT * FROM (
      SELECT 'filing' AS "kind", f."id", NULL::text AS "court_id", f."date_filed", f."date_filed_precision"::text AS "date_filed_precision", ${RANK} AS "rank"
      FROM "filing" f
      WHERE f."id" IN (SELECT "id" FROM "reached" WHERE "kind" = 'filing') AND f."id" NOT IN (SELECT "id" FROM "matched")
      UNION ALL
      SELECT 'lawsuit', f."id", f."court_id", f."date_filed", f."date_filed_precision"::text, ${RANK}
      FROM "lawsuit" f
      WHERE f."id" IN (SELECT "id" FROM "reached" WHERE "kind" = 'lawsuit')
      ) u
      ORDER BY "kind", "date_filed", "rank", "id" COLLATE "C"`),
  ]);
  const context = reachedRows.filter((r) => r.kind === "filing").map((r) => ({ id: r.id, dateFiled: fromStored(r.date_filed, r.date_filed_precision) }));
  const lawsuitRows = reachedRows.filter((r) => r.kind === "lawsuit");
  const lawsuits = lawsuitRows.map((r) => r.id);
  const contextIds = context.map((c) => c.id);

  const [officialRows, codingRows] = await Promise.all([
    run<{ id: string }>(Prisma.sql`
      WITH "included" AS (
        SELECT f."id" FROM "filing" f ${where}
        UNION
        SELECT f."id" FROM "filing" f WHERE f."id" = ANY(${contextIds}) AND f."is_public"
      )
      SELECT DISTINCT fs."official_id" AS "id" FROM "filing_state" fs
      WHERE fs."official_id" IS NOT NULL AND fs."filing_id" IN (SELECT "id" FROM "included")`),
    // The coded lawsuits of the file, the policies their coding names and the issue areas
    // of both: what the file's coding needs to import into an empty database.
    run<{ kind: "coding" | "policy" | "issue-area"; id: string }>(Prisma.sql`
      WITH "coded" AS (SELECT c."lawsuit_id" AS "id" FROM "lawsuit_coding" c WHERE c."lawsuit_id" = ANY(${lawsuits})),
      "policies" AS (SELECT DISTINCT p."policy_id" AS "id" FROM "lawsuit_policy" p WHERE p."lawsuit_id" IN (SELECT "id" FROM "coded"))
      SELECT 'coding' AS "kind", "id" FROM "coded"
      UNION ALL
      SELECT 'policy', "id" FROM "policies"
      UNION
      SELECT 'issue-area', a."issue_area_slug" FROM "lawsuit_issue_area" a WHERE a."lawsuit_id" IN (SELECT "id" FROM "coded")
      UNION
      SELECT 'issue-area', a."issue_area_slug" FROM "policy_issue_area" a WHERE a."policy_id" IN (SELECT "id" FROM "policies")`),
  ]);
  const byCodeUnits = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  const idsOf = (kind: string) => codingRows.filter((r) => r.kind === kind).map((r) => r.id).sort(byCodeUnits);
  return {
    matched,
    context,
    lawsuits,
    courts: [...new Set(lawsuitRows.map((r) => r.court_id!))].sort(byCodeUnits),
    officials: officialRows.map((r) => r.id).sort(byCodeUnits),
    coding: idsOf("coding"),
    policies: idsOf("policy"),
    issueAreas: idsOf("issue-area"),
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
  const lines = [
    query
      ? `${plural(plan.matched, "filing")} on Docketline ${plan.matched === 1 ? "matches" : "match"} the filter ${query}.`
      : `Every filing on Docketline: ${plural(plan.matched, "filing")}.`,
  ];
  if (plan.context.length > 0) {
    const named = plan.context.slice(0, NAMED_CONTEXT_FILINGS).map((c) => c.id);
    const more = plan.context.length - named.length;
    const them = plan.context.length === 1 ? "it" : "them";
    lines.push(
      `${plural(plan.context.length, "more filing")} outside the filter ${plan.context.length === 1 ? "is" : "are"} included because the filings respond to ${them}, have demands decided by ${them} or are in lawsuits whose research coding cites ${them}, so that every reference resolves: ${named.join(", ")}${more > 0 ? ` and ${plural(more, "other")}` : ""}.`,
    );
  }
  lines.push("The lawsuits, courts and officials these filings refer to are included, with the lawsuits related to those lawsuits.");
  if (plan.coding.length > 0) {
    lines.push(`The research coding of ${plural(plan.coding.length, "lawsuit")} is included, with the ${plural(plan.policies.length, "policy", "policies")} and ${plural(plan.issueAreas.length, "issue area")} it uses.`);
  }
  return lines.join(" ");
}

/**
 * The matched filings and the added ones, in export order, from one statement, as the
 * dataset lists them.
 */
function filingPages(sql: Sql, filter: Filter, context: DatasetPlan["context"], batch: number): AsyncGenerator<string[]> {
  const matched = Prisma.join(filterConditions(filter), " AND ");
  const added = Prisma.sql`f."id" = ANY(${context.map((c) => c.id)})`;
  return streamFilingTexts(sql, { conditions: [Prisma.sql`((${matched}) OR ${added})`], order: FILING_EXPORT_ORDER }, { publicOnly: true, batch });
}

/** Reads records in runs of `pageSize` ids. */
async function* inPages<T>(ids: string[], pageSize: number, read: (ids: string[]) => Promise<T[]>): AsyncGenerator<T[]> {
  for (const run of chunk(ids, pageSize)) yield read(run);
}

export interface DatasetExportOptions {
  pageSize?: number;
  /** Set from the plan before the first chunk: the filings matched and added, the lawsuits. */
  tally?: ExportTally;
}

/** The dataset as text chunks; the statements that plan it run before the first chunk. */
export async function* filteredDatasetJson(sql: Sql, filter: Filter, options: DatasetExportOptions = {}): AsyncGenerator<string> {
  const pageSize = options.pageSize ?? EXPORT_PAGE_SIZE;
  const plan = await planFilteredDataset(sql, filter);
  if (options.tally) Object.assign(options.tally, { filings: plan.matched, added: plan.context.length, lawsuits: plan.lawsuits.length });
  const { issueAreas, policies, coding } = await readCodingRecords(sql, { issueAreas: plan.issueAreas, policies: plan.policies, coding: plan.coding }, { publicOnly: true });
  yield `{\n  "format": ${JSON.stringify(DATASET_FORMAT)},\n  "title": ${JSON.stringify(titleOf(filter))},\n  "description": ${JSON.stringify(descriptionOf(filter, plan))},\n`;
  yield* jsonArray("courts", inPages(plan.courts, pageSize, (ids) => readCourts(sql, ids)));
  yield ",\n";
  yield* jsonArray("officials", inPages(plan.officials, pageSize, (ids) => readOfficials(sql, ids)));
  yield ",\n";
  yield* jsonArray("issueAreas", [issueAreas]);
  yield ",\n";
  yield* jsonArray("policies", [policies]);
  yield ",\n";
  yield* jsonArray("lawsuits", inPages(plan.lawsuits, pageSize, (ids) => readLawsuits(sql, ids)));
  yield ",\n";
  // Filings in the records' own batches: a few megabytes per round trip.
  yield* jsonArray("filings", filingPages(sql, filter, plan.context, options.pageSize ?? FILING_STREAM_BATCH));
  yield ",\n";
  yield* jsonArray("coding", [coding]);
  yield "\n}\n";
}
