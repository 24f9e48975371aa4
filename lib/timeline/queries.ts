import "server-only";

import { codeLabel, OUTCOME_CLASS_CODES, RELIEF_KIND_CODES, RELIEF_STATUS_CODES, STATE_SIDE_CODES, type CodeDefinition } from "@/lib/coding/labels";
import { db } from "@/lib/db/client";
import type { Sql } from "@/lib/db/sql";
import { fromStored, PRECISION_RANK, rangeBounds, startOfPeriodContaining, toStored, type DatePrecision, type PartialDateString } from "@/lib/dates/partial-date";
import type { CoalitionRole, DemandOutcome, FilingKind } from "@/lib/dataset/schema";
import type { Filter } from "@/lib/filters/schema";
import { fromDbEnum } from "@/lib/filings/kinds";
import { Prisma } from "@/lib/generated/prisma/client";
import { getJurisdictionName } from "@/lib/jurisdictions/reference";
import { TOP_LAWSUIT_OPTIONS } from "@/lib/lawsuits/filter";
import { COALITION_ROLE_ORDER } from "@/lib/jurisdictions/roles";
import { filterTokens, isStateTokenSql } from "@/lib/timeline/coalition-tokens";
import { categoryToken, demandToken, outcomeToken } from "@/lib/timeline/demand-tokens";
import { decodeCursor, encodeCursor, type SortKey } from "@/lib/timeline/cursor";
import { MATCH_END, MATCH_START, splitHighlights, type HighlightedText } from "@/lib/timeline/highlight";

/** The visual timeline shows one page at a time; never all filings. */
export const TIMELINE_PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 500;

export interface TimelineItem {
  id: string;
  kind: FilingKind;
  title: string;
  /** The title with search matches marked, when there is a search. */
  titleHighlighted?: HighlightedText;
  /** A passage of the summary or demands around the matches, when there is a search. */
  snippet?: HighlightedText;
  dateFiled: PartialDateString;
  entryNumber: number | null;
  lawsuit: { id: string; caseNameShort: string; docketNumber: string; court: string } | null;
  /** Lead first, then co-leads, then the rest, each in the order of the source. */
  states: { code: string; name: string; role: CoalitionRole }[];
  demands: { text: string; category: string; outcome: DemandOutcome; decidedBy: string | null }[];
  sortKey: SortKey;
}

export interface FacetValue {
  value: string;
  label?: string;
  count: number;
}

export interface TimelineFacets {
  state: FacetValue[];
  kind: FacetValue[];
  /** The selected lawsuit and the top few (TOP_LAWSUIT_OPTIONS), not every lawsuit. */
  lawsuit: FacetValue[];
  demandCategory: FacetValue[];
  outcome: FacetValue[];
  // The research coding's facets (docs/decisions/026): filings counted through their lawsuit's coding.
  side: FacetValue[];
  issueArea: FacetValue[];
  policy: FacetValue[];
  agency: FacetValue[];
  administration: FacetValue[];
  lawsuitOutcome: FacetValue[];
  relief: FacetValue[];
  reliefStatus: FacetValue[];
}

export interface TimelinePage {
  items: TimelineItem[];
  total: number;
  /** Cursors for the neighbouring pages, or null at either end. */
  next: string | null;
  previous: string | null;
}

type Facet = keyof TimelineFacets;

const FILING_KIND_TYPE = Prisma.raw('"filing_kind"[]');
// Rank 0, 1, 2 of a cursor is the precision year, month, day. The enum sorts day <
// month < year, so "a wider period first" is the precision in descending order, which
// the index filing(date_filed, date_filed_precision DESC, id) serves in both directions.
const PRECISION_OF_RANK = Object.fromEntries(Object.entries(PRECISION_RANK).map(([precision, rank]) => [rank, precision])) as Record<number, DatePrecision>;

/**
 * The filter as SQL over `filing f`; `except` leaves out one facet's own condition (for
 * its counts). Every public read of filings goes through here, so this is where drafts
 * and deleted filings are left out: `is_public` (kept by triggers, migration
 * 20261127040000) is false for those and for the filings of a lawsuit that is not public.
 */
export function filterConditions(filter: Filter, except?: Facet): Prisma.Sql[] {
  const conditions: Prisma.Sql[] = [Prisma.sql`f."is_public"`];
  if (except !== "state") {
    const tokens = filterTokens(filter);
    if (tokens.length) {
      const all = filter.match === "all" && filter.state.length > 1;
      conditions.push(all ? Prisma.sql`f."coalition" @> CAST(${tokens} AS text[])` : Prisma.sql`f."coalition" && CAST(${tokens} AS text[])`);
    }
  }
  if (filter.lawsuit && except !== "lawsuit") conditions.push(Prisma.sql`f."lawsuit_id" = ${filter.lawsuit}`);
  conditions.push(...codingConditions(filter, except));
  if (filter.kind.length > 0 && except !== "kind") {
    conditions.push(Prisma.sql`f."kind" = ANY(CAST(${filter.kind.map((k) => k)} AS ${FILING_KIND_TYPE}))`);
  }
  const category = filter.demandCategory && except !== "demandCategory" ? filter.demandCategory : undefined;
  const outcome = filter.outcome && except !== "outcome" ? filter.outcome : undefined;
  if (category || outcome) {
    // The demand tokens on each filing (migration 20261202110000): "category:x",
    // "outcome:y", and "x|y" for a demand with both, so one demand matches both when both are given.
    const token = category && outcome ? demandToken(category, outcome) : category ? categoryToken(category) : outcomeToken(outcome!);
    conditions.push(Prisma.sql`f."demand_tokens" @> CAST(${[token]} AS text[])`);
  }
  conditions.push(...dateConditions(filter));
  if (filter.q) conditions.push(searchCondition(filter.q, conditions.length > 1));
  return conditions;
}

/**
 * The research coding's filters as conditions on `f`, one per filter (so that a facet
 * leaves out exactly its own): each is the set of lawsuits whose coding matches, read
 * through the index of the coded column, and a filing matches when its lawsuit is in
 * it (filing(lawsuit_id) is indexed). A filing of no lawsuit matches none of them.
 */
function codingConditions(filter: Filter, except?: Facet): Prisma.Sql[] {
  const conditions: Prisma.Sql[] = [];
  const inLawsuits = (lawsuits: Prisma.Sql) => Prisma.sql`f."lawsuit_id" IN (${lawsuits})`;
  if (filter.side && except !== "side") {
    // The side qualifies the selected states as `role` does; with the state facet left out, any state's side.
    const states = except === "state" ? [] : filter.state;
    const all = filter.match === "all" && states.length > 1;
    conditions.push(
      inLawsuits(Prisma.sql`SELECT s."lawsuit_id" FROM "lawsuit_state_side" s WHERE s."side" = CAST(${filter.side} AS "state_side")
        ${states.length ? Prisma.sql`AND s."jurisdiction_code" = ANY(${states})` : Prisma.empty}
        ${all ? Prisma.sql`GROUP BY s."lawsuit_id" HAVING count(*) = ${states.length}` : Prisma.empty}`),
    );
  }
  if (filter.issueArea && except !== "issueArea") {
    conditions.push(inLawsuits(Prisma.sql`SELECT a."lawsuit_id" FROM "lawsuit_issue_area" a WHERE a."issue_area_slug" = ${filter.issueArea}`));
  }
  if (filter.policy && except !== "policy") {
    conditions.push(inLawsuits(Prisma.sql`SELECT p."lawsuit_id" FROM "lawsuit_policy" p WHERE p."policy_id" = ${filter.policy}`));
  }
  if (filter.agency && except !== "agency") {
    conditions.push(
      inLawsuits(Prisma.sql`SELECT lp."lawsuit_id" FROM "lawsuit_policy" lp JOIN "policy" p ON p."id" = lp."policy_id" WHERE p."agencies" @> CAST(${[filter.agency]} AS text[])`),
    );
  }
  if (filter.administration && except !== "administration") {
    // The term's dates narrow the lawsuits through lawsuit(date_filed); administration_of,
    // the one definition of a date's administration, then decides the periods at its edges.
    conditions.push(
      inLawsuits(Prisma.sql`SELECT l."id" FROM "administration" a JOIN "lawsuit" l
        ON l."date_filed" >= a."term_start" AND (a."term_end" IS NULL OR l."date_filed" < a."term_end")
        WHERE a."id" = ${filter.administration} AND "administration_of"(l."date_filed", l."date_filed_precision") = a."id"`),
    );
  }
  if (filter.lawsuitOutcome && except !== "lawsuitOutcome") {
    // A lawsuit not coded yet has the default outcome, unknown (docs/decisions/020).
    conditions.push(
      filter.lawsuitOutcome === "unknown"
        ? Prisma.sql`(f."lawsuit_id" IS NOT NULL AND f."lawsuit_id" NOT IN (SELECT c."lawsuit_id" FROM "lawsuit_coding" c WHERE c."outcome" <> 'unknown'))`
        : inLawsuits(Prisma.sql`SELECT c."lawsuit_id" FROM "lawsuit_coding" c WHERE c."outcome" = CAST(${filter.lawsuitOutcome} AS "outcome_class")`),
    );
  }
  // Kind and status name the same milestone: one condition, which each facet reads without its own part.
  const relief = except !== "relief" ? filter.relief : undefined;
  const reliefStatus = except !== "reliefStatus" ? filter.reliefStatus : undefined;
  if (relief || reliefStatus) conditions.push(inLawsuits(milestones(relief, reliefStatus)));
  return conditions;
}

/** The lawsuits with a relief milestone of this kind and status (either may be left out). */
function milestones(relief: string | undefined, status: string | undefined): Prisma.Sql {
  const where = [
    ...(relief ? [Prisma.sql`r."relief" = CAST(${relief} AS "relief_kind")`] : []),
    ...(status ? [Prisma.sql`r."status" = CAST(${status} AS "relief_status")`] : []),
  ];
  return Prisma.sql`SELECT r."lawsuit_id" FROM "relief_milestone" r ${whereClause(where)}`;
}

/**
 * The search as a condition on `f`. Beside other conditions it is kept a set of its
 * own (OFFSET 0), hashed once (docs/decisions/014): else, under a LIMIT or a narrow
 * date range, the planner walks the filings that meet the other conditions and tests
 * each against its search document, reading and decompressing one document per
 * filing. Alone, the matches are the narrowest set and fetching them by id is best.
 */
function searchCondition(q: string, besideOthers: boolean): Prisma.Sql {
  return Prisma.sql`f."id" IN (
    SELECT s."filing_id" FROM "filing_search" s WHERE s."document" @@ websearch_to_tsquery('english', ${q}) ${besideOthers ? Prisma.sql`OFFSET 0` : Prisma.empty}
  )`;
}

/** Date-range overlap; see lib/dates/partial-date.ts and docs/decisions/003. */
function dateConditions(range: { from?: PartialDateString; to?: PartialDateString }): Prisma.Sql[] {
  const bounds = rangeBounds(range);
  const conditions: Prisma.Sql[] = [];
  if (bounds.to) conditions.push(Prisma.sql`f."date_filed" <= CAST(${bounds.to} AS date)`);
  if (bounds.from) {
    const from = bounds.from;
    const perPrecision = (["day", "month", "year"] as DatePrecision[]).map(
      (p) => Prisma.sql`(f."date_filed_precision" = CAST(${p} AS "date_precision") AND f."date_filed" >= CAST(${startOfPeriodContaining(from, p)} AS date))`,
    );
    conditions.push(Prisma.sql`(${Prisma.join(perPrecision, " OR ")})`);
  }
  return conditions;
}

/** `WHERE a AND b`, or nothing for no conditions; with filterConditions, for reads of filings under a filter. */
export function whereClause(conditions: Prisma.Sql[]): Prisma.Sql {
  return conditions.length ? Prisma.sql`WHERE ${Prisma.join(conditions, " AND ")}` : Prisma.empty;
}

interface ItemRow {
  id: string;
  kind: string;
  title: string;
  date_filed: Date;
  date_filed_precision: DatePrecision;
  entry_number: number | null;
  lawsuit_id: string | null;
  case_name_short: string | null;
  docket_number: string | null;
  court: string | null;
  states: { code: string; role: string; position: number }[] | null;
  demands: { text: string; category: string; outcome: string; decided_by: string | null }[] | null;
  title_marked: string | null;
  snippet_marked: string | null;
}

interface PagePlan {
  limit: number;
  cursor: ReturnType<typeof decodeCursor>;
  where: Prisma.Sql;
  order: Prisma.Sql;
}

/** The filter, the cursor and the order as SQL: shared by every paged read of filings. */
function planPage(filter: Filter, pageSize: number): PagePlan {
  const limit = Math.max(1, Math.min(pageSize, MAX_PAGE_SIZE));
  const cursor = filter.cursor ? decodeCursor(filter.cursor) : null;
  const newest = filter.sort !== "oldest";
  // Going back a page reads the other way, then turns the rows round.
  const descending = cursor?.direction === "before" ? !newest : newest;
  const conditions = filterConditions(filter);
  if (cursor) conditions.push(afterKey(cursor.key, descending));
  return { limit, cursor, where: whereClause(conditions), order: timelineOrder(descending) };
}

/** The filings strictly after `key` in the timeline's order read one way (timelineOrder(descending)). */
export function afterKey(key: SortKey, descending: boolean): Prisma.Sql {
  const { date, rank, id } = key;
  const d = Prisma.sql`CAST(${date} AS date)`;
  const p = Prisma.sql`CAST(${PRECISION_OF_RANK[rank]} AS "date_precision")`;
  return descending
    ? Prisma.sql`(f."date_filed" < ${d} OR (f."date_filed" = ${d} AND (f."date_filed_precision" > ${p} OR (f."date_filed_precision" = ${p} AND f."id" < ${id}))))`
    : Prisma.sql`(f."date_filed" > ${d} OR (f."date_filed" = ${d} AND (f."date_filed_precision" < ${p} OR (f."date_filed_precision" = ${p} AND f."id" > ${id}))))`;
}

/** The timeline's order of filings (newest first, or oldest first): pages and exports read in it. */
export function timelineOrder(newestFirst: boolean): Prisma.Sql {
  return newestFirst
    ? Prisma.sql`f."date_filed" DESC, f."date_filed_precision" ASC, f."id" DESC`
    : Prisma.sql`f."date_filed" ASC, f."date_filed_precision" DESC, f."id" ASC`;
}

/** Trims the extra row read to learn whether more follow, and makes the neighbouring cursors. */
function finishPage<T>(plan: PagePlan, rows: T[], keyOf: (row: T) => SortKey): { rows: T[]; next: string | null; previous: string | null } {
  const hasMore = rows.length > plan.limit;
  const page = rows.slice(0, plan.limit);
  if (plan.cursor?.direction === "before") page.reverse();
  const first = page[0] ? keyOf(page[0]) : undefined;
  const last = page.length ? keyOf(page[page.length - 1]) : undefined;
  const hasNext = plan.cursor?.direction === "before" ? true : hasMore;
  const hasPrevious = plan.cursor?.direction === "before" ? hasMore : plan.cursor !== null;
  return {
    rows: page,
    next: hasNext && last ? encodeCursor("after", last) : null,
    previous: hasPrevious && first ? encodeCursor("before", first) : null,
  };
}

export function sortKeyOf(row: { id: string; date_filed: Date | string; date_filed_precision: DatePrecision }): SortKey {
  // Prisma gives a DATE as a UTC-midnight Date, postgres.js (lib/db/sql.ts) as its ISO string.
  const date = typeof row.date_filed === "string" ? row.date_filed.slice(0, 10) : row.date_filed.toISOString().slice(0, 10);
  return { date, rank: PRECISION_RANK[row.date_filed_precision], id: row.id };
}

/** One page of filings under a filter, in a fixed number of statements. */
export async function getTimelinePage(filter: Filter, pageSize = TIMELINE_PAGE_SIZE): Promise<TimelinePage> {
  const page = await readPage(filter, pageSize, true);
  return { ...page, total: page.total ?? (await countTimeline(filter)) };
}

/**
 * The timeline page's reads: one page of filings and the facets, with the total
 * counted from the facets rather than by a statement of its own (every filing has one
 * kind, so the kind facet adds up to the total: see totalFromFacets).
 */
export async function getTimeline(filter: Filter, pageSize = TIMELINE_PAGE_SIZE): Promise<{ page: TimelinePage; facets: TimelineFacets }> {
  const [page, facets] = await Promise.all([readPage(filter, pageSize, false), getTimelineFacets(filter)]);
  return { page: { ...page, total: page.total ?? totalFromFacets(filter, facets) }, facets };
}

/**
 * The filter's total from its facets: the kind facet counts filings per kind under
 * every condition but the kinds, and every filing has exactly one kind, so the total is
 * the sum over the filter's kinds (all of them when it names none).
 */
function totalFromFacets(filter: Filter, facets: TimelineFacets): number {
  return facets.kind.filter((k) => !filter.kind.length || filter.kind.includes(k.value as FilingKind)).reduce((sum, k) => sum + k.count, 0);
}

/**
 * A page of filings, with its total when the page itself tells it (a first page with
 * room to spare) or, with `countFromSummary`, when kept counts do (read alongside the
 * page); null otherwise.
 */
async function readPage(filter: Filter, pageSize: number, countFromSummary: boolean): Promise<Omit<TimelinePage, "total"> & { total: number | null }> {
  const plan = planPage(filter, pageSize);
  const query = filter.q ? Prisma.sql`websearch_to_tsquery('english', ${filter.q})` : null;
  const headline = (column: Prisma.Sql, options: string) =>
    query ? Prisma.sql`ts_headline('english', ${column}, ${query}, ${`StartSel=${MATCH_START}, StopSel=${MATCH_END}, ${options}`})` : Prisma.sql`NULL`;

  const fromSummary = countFromSummary && summaryTotalQuery(filter) !== null;
  const [rows, summaryTotal] = await Promise.all([
    db.$queryRaw<ItemRow[]>`
      SELECT f."id", f."kind"::text AS "kind", f."title", f."date_filed", f."date_filed_precision"::text AS "date_filed_precision",
             f."entry_number", f."lawsuit_id", l."case_name_short", l."docket_number", c."short_name" AS "court",
             (SELECT json_agg(json_build_object('code', fs."jurisdiction_code", 'role', fs."role", 'position', fs."position") ORDER BY fs."position")
                FROM "filing_state" fs WHERE fs."filing_id" = f."id") AS "states",
             -- A demand decided by a filing the public cannot see names no decision.
             (SELECT json_agg(json_build_object('text', d."text", 'category', d."category", 'outcome', d."outcome", 'decided_by', dx."id") ORDER BY d."position")
                FROM "demand" d LEFT JOIN "filing" dx ON dx."id" = d."decided_by_id" AND dx."is_public"
               WHERE d."filing_id" = f."id") AS "demands",
             ${headline(Prisma.sql`f."title"`, "HighlightAll=true")} AS "title_marked",
             ${headline(
               Prisma.sql`f."summary" || ' ' || coalesce((SELECT string_agg(d."text", ' ') FROM "demand" d WHERE d."filing_id" = f."id"), '')`,
               "MaxWords=30, MinWords=12, MaxFragments=2, FragmentDelimiter= … ",
             )} AS "snippet_marked"
      FROM (
        -- The page first, then its lawsuits and courts: joined before the LIMIT, they
        -- were joined to every filing that matched (10,000 for a common word).
        SELECT f."id", f."kind", f."title", f."date_filed", f."date_filed_precision", f."entry_number", f."lawsuit_id", f."summary"
        FROM "filing" f ${plan.where} ORDER BY ${plan.order} LIMIT ${plan.limit + 1}
      ) f
      LEFT JOIN "lawsuit" l ON l."id" = f."lawsuit_id"
      LEFT JOIN "court" c ON c."id" = l."court_id"
      ORDER BY ${plan.order}`,
    fromSummary ? countTimeline(filter) : null,
  ]);
  const total = summaryTotal ?? (!plan.cursor && rows.length <= plan.limit ? rows.length : null);
  const page = finishPage(plan, rows, sortKeyOf);
  return { items: page.rows.map(toItem), total, next: page.next, previous: page.previous };
}

export interface FilingIdPage {
  /** Filing ids in timeline order. */
  ids: string[];
  next: string | null;
  previous: string | null;
}

/** Runs one statement built with Prisma.sql and returns its rows. */
export type RunQuery = <T>(query: Prisma.Sql) => Promise<T[]>;

export const runWithPrisma: RunQuery = (query) => db.$queryRaw(query);

/**
 * The same statements through a postgres.js client (Prisma's `$1` text and its values,
 * still bound as parameters): for the CLI, which runs outside Next.js without a Prisma
 * client, and for the streaming exports, which read everything else through postgres.js.
 */
export function runWithPostgres(sql: Sql): RunQuery {
  return <T>(query: Prisma.Sql) => sql.unsafe(query.text, query.values as never[]) as unknown as Promise<T[]>;
}

/**
 * The ids of one page of filings under a filter, in timeline order, with cursors: the
 * lean read behind the API, the exports and the feeds, which then load the records
 * they need (lib/dataset/read.ts) for just these ids. `run` defaults to Prisma.
 */
export async function listFilingIds(filter: Filter, pageSize: number, run: RunQuery = runWithPrisma): Promise<FilingIdPage> {
  const plan = planPage(filter, pageSize);
  const rows = await run<{ id: string; date_filed: Date | string; date_filed_precision: DatePrecision }>(Prisma.sql`
    SELECT f."id", f."date_filed", f."date_filed_precision"::text AS "date_filed_precision"
    FROM "filing" f
    ${plan.where}
    ORDER BY ${plan.order}
    LIMIT ${plan.limit + 1}`);
  const page = finishPage(plan, rows, sortKeyOf);
  return { ids: page.rows.map((r) => r.id), next: page.next, previous: page.previous };
}

function toItem(row: ItemRow): TimelineItem {
  const precision = row.date_filed_precision;
  const states = (row.states ?? [])
    .map((s) => ({ code: s.code, name: getJurisdictionName(s.code), role: fromDbEnum<CoalitionRole>(s.role), position: s.position }))
    .sort((a, b) => COALITION_ROLE_ORDER[a.role] - COALITION_ROLE_ORDER[b.role] || a.position - b.position)
    .map(({ code, name, role }) => ({ code, name, role }));
  return {
    id: row.id,
    kind: fromDbEnum<FilingKind>(row.kind),
    title: row.title,
    titleHighlighted: row.title_marked ? splitHighlights(row.title_marked) : undefined,
    snippet: row.snippet_marked && row.snippet_marked.includes(MATCH_START) ? splitHighlights(row.snippet_marked) : undefined,
    dateFiled: fromStored(row.date_filed, precision),
    entryNumber: row.entry_number,
    lawsuit:
      row.lawsuit_id && row.case_name_short && row.docket_number
        ? { id: row.lawsuit_id, caseNameShort: row.case_name_short, docketNumber: row.docket_number, court: row.court ?? "" }
        : null,
    states,
    demands: (row.demands ?? []).map((d) => ({
      text: d.text,
      category: d.category,
      outcome: fromDbEnum<DemandOutcome>(d.outcome),
      decidedBy: d.decided_by,
    })),
    sortKey: sortKeyOf(row),
  };
}

/** Counts per value of each facet, under every current filter but the facet's own. */
export async function getTimelineFacets(filter: Filter): Promise<TimelineFacets> {
  const rows = await db.$queryRaw<{ facet: Facet; value: string; label: string | null; count: number }[]>(facetCountsQuery(filter));
  const of = (facet: Facet) => rows.filter((r) => r.facet === facet).map(({ value, count }) => ({ value, count }));
  const byCount = (a: FacetValue, b: FacetValue) => b.count - a.count || (a.label ?? a.value).localeCompare(b.label ?? b.value);
  return {
    state: of("state").map((s) => ({ ...s, label: getJurisdictionName(s.value) })).sort(byCount),
    kind: of("kind").map((k) => ({ ...k, value: fromDbEnum(k.value) })).sort(byCount),
    lawsuit: rows
      .filter((r) => r.facet === "lawsuit")
      .map(({ value, label, count }) => ({ value, label: label ?? value, count }))
      .sort(byCount),
    demandCategory: of("demandCategory").sort(byCount),
    outcome: of("outcome").map((o) => ({ ...o, value: fromDbEnum(o.value) })).sort(byCount),
    ...(Object.fromEntries(CODING_FACETS.map((facet) => [facet, labelled(facet).sort(byCount)])) as Pick<TimelineFacets, CodingFacet>),
  };
  /**
   * A coding facet's values with their labels: the database's names, or the codebook's
   * labels of the closed lists (here, so that the panel does not download the codebook's
   * prose); the selected value too, with no filing under the other filters.
   */
  function labelled(facet: CodingFacet): FacetValue[] {
    const codes = CODE_LABELS[facet];
    const values = rows.filter((r) => r.facet === facet).map(({ value, label, count }) => ({ value, count, label: codes ? codeLabel(codes, value) : (label ?? value) }));
    const selected = filter[facet];
    if (selected && !values.some((v) => v.value === selected)) values.push({ value: selected, count: 0, label: codes ? codeLabel(codes, selected) : selected });
    return values;
  }
}

/** The closed lists among the coding facets, with the codebook's definitions of their codes. */
const CODE_LABELS: Partial<Record<CodingFacet, Record<string, CodeDefinition>>> = {
  side: STATE_SIDE_CODES,
  lawsuitOutcome: OUTCOME_CLASS_CODES,
  relief: RELIEF_KIND_CODES,
  reliefStatus: RELIEF_STATUS_CODES,
};

const FACETS = ["state", "kind", "lawsuit", "demandCategory", "outcome"] as const satisfies Facet[];
/** The research coding's facets: their filings are counted per lawsuit, then through the lawsuit's coding. */
const CODING_FACETS = ["side", "issueArea", "policy", "agency", "administration", "lawsuitOutcome", "relief", "reliefStatus"] as const satisfies Facet[];
type CodingFacet = (typeof CODING_FACETS)[number];
/**
 * How many issue areas, policies and agencies the panel lists (the selected one first):
 * these lists grow with the data (docs/decisions/016); the others are closed vocabularies
 * or the administrations, a handful.
 */
export const TOP_CODING_OPTIONS = 8;

/**
 * The facets' counts in one statement (docs/decisions/004, 014 and 026). A facet whose
 * other conditions are none (every facet of the unfiltered timeline, and a filter's own
 * facet when it filters on one facet only) is read from filing_count, kept exact by the
 * database (migration 20261202110000); one whose other conditions are a date range of
 * whole months or years, from its per-month rows (migration 20261211090000); the others
 * count the filtered filings' own columns and tokens (an index-only scan of the
 * timeline's order index), the facets that share a filter in one pass over them.
 */
function facetCountsQuery(filter: Filter): Prisma.Sql {
  const fromSummary = FACETS.filter((facet) => filterConditions(filter, facet).length === 1);
  const fromDated = DATED_FACETS.filter(
    (facet) => !fromSummary.includes(facet) && datedCountsApply(filter) && filterConditions(withoutDates(filter), facet).length === 1,
  );
  const counted = FACETS.filter((facet) => !fromSummary.includes(facet) && !(fromDated as readonly Facet[]).includes(facet));
  const codingCounted = CODING_FACETS.filter((facet) => filterConditions(filter, facet).length > 1);
  // A facet the filter does not constrain is counted under the whole filter: one pass for all of them.
  const passOf = (facet: Facet) => (hasOwnCondition(filter, facet) ? facet : "all");
  const passes = [...new Set([...counted, ...codingCounted].map(passOf))];
  // Conditions that every pass shares (the date range, the search) are applied once, in
  // a first pass that the others narrow: the search's matches are then found once.
  const shared = passes.length > 1 && (filter.q || filter.from || filter.to);
  const source = shared ? Prisma.raw(`"m_shared"`) : Prisma.raw(`"filing"`);
  const rest = shared ? { ...filter, q: undefined, from: undefined, to: undefined } : filter;
  const ctes = passes.map(
    (pass) => Prisma.sql`${Prisma.raw(`"m_${pass}"`)} AS MATERIALIZED (
      SELECT f."kind", f."lawsuit_id", f."coalition", f."demand_tokens" FROM ${source} f
      ${whereClause(filterConditions(rest, pass === "all" ? undefined : pass))})`,
  );
  if (shared) {
    ctes.unshift(Prisma.sql`"m_shared" AS MATERIALIZED (
      SELECT f."id", f."is_public", f."kind", f."lawsuit_id", f."date_filed", f."date_filed_precision", f."coalition", f."demand_tokens" FROM "filing" f
      ${whereClause([Prisma.sql`f."is_public"`, ...dateConditions(filter), ...(filter.q ? [searchCondition(filter.q, dateConditions(filter).length > 0)] : [])])})`);
  }
  const parts: Prisma.Sql[] = counted.map((facet) => {
    const m = Prisma.raw(`"m_${passOf(facet)}"`);
    switch (facet) {
      case "state":
        return Prisma.sql`SELECT 'state', t, count(*)::int FROM ${m} m, unnest(m."coalition") t WHERE ${isStateTokenSql("t")} GROUP BY 2`;
      case "kind":
        return Prisma.sql`SELECT 'kind', m."kind"::text, count(*)::int FROM ${m} m GROUP BY 2`;
      case "lawsuit":
        return topLawsuits(filter, Prisma.sql`SELECT m."lawsuit_id" AS "value", count(*)::int AS "count" FROM ${m} m WHERE m."lawsuit_id" IS NOT NULL GROUP BY 1`);
      case "demandCategory":
        return Prisma.sql`SELECT 'demandCategory', substr(t, 10), count(*)::int FROM ${m} m, unnest(m."demand_tokens") t WHERE t LIKE 'category:%' GROUP BY 2`;
      case "outcome":
        return Prisma.sql`SELECT 'outcome', substr(t, 9), count(*)::int FROM ${m} m, unnest(m."demand_tokens") t WHERE t LIKE 'outcome:%' GROUP BY 2`;
    }
  });
  const summarised = fromSummary.filter((facet) => facet !== "lawsuit");
  if (summarised.length) {
    parts.push(Prisma.sql`SELECT c."facet", c."value", c."count" FROM "filing_count" c WHERE c."facet" = ANY(${summarised}) AND c."count" > 0`);
  }
  if (fromSummary.includes("lawsuit")) {
    parts.push(topLawsuits(filter, Prisma.sql`SELECT c."value", c."count" FROM "filing_count" c WHERE c."facet" = 'lawsuit' AND c."count" > 0`));
  }
  if (fromDated.length) {
    parts.push(Prisma.sql`
      SELECT f."facet", f."value", sum(f."count")::int FROM ${datedCounts(fromDated)} f ${whereClause(dateConditions(filter))} GROUP BY 1, 2`);
  }
  // The coding's facets count filings per lawsuit first (a few thousand rows at most), from
  // filing_count's per-lawsuit rows when no other condition applies, then per coded value.
  const perLawsuit = (facet: CodingFacet) => (codingCounted.includes(facet) ? `l_${passOf(facet)}` : "l_summary");
  for (const name of new Set(CODING_FACETS.map(perLawsuit))) {
    ctes.push(
      name === "l_summary"
        ? Prisma.sql`"l_summary" AS MATERIALIZED (SELECT c."value" AS "lawsuit_id", c."count" AS "n" FROM "filing_count" c WHERE c."facet" = 'lawsuit' AND c."count" > 0)`
        : Prisma.sql`${Prisma.raw(`"${name}"`)} AS MATERIALIZED (
            SELECT m."lawsuit_id", count(*)::int AS "n" FROM ${Prisma.raw(`"m_${name.slice(2)}"`)} m WHERE m."lawsuit_id" IS NOT NULL GROUP BY 1)`,
    );
  }
  parts.push(...CODING_FACETS.map((facet) => codingFacetCounts(facet, filter, Prisma.raw(`"${perLawsuit(facet)}"`))));
  return Prisma.sql`
    ${ctes.length ? Prisma.sql`WITH ${Prisma.join(ctes, ", ")}` : Prisma.empty}
    SELECT r."facet", r."value", coalesce(l."case_name_short", ia."label", p."name", ad."name") AS "label", r."count"
    FROM (${Prisma.join(parts, " UNION ALL ")}) AS r("facet", "value", "count")
    LEFT JOIN "lawsuit" l ON r."facet" = 'lawsuit' AND l."id" = r."value"
    LEFT JOIN "issue_area" ia ON r."facet" = 'issueArea' AND ia."slug" = r."value"
    LEFT JOIN "policy" p ON r."facet" = 'policy' AND p."id" = r."value"
    LEFT JOIN "administration" ad ON r."facet" = 'administration' AND ad."id" = r."value"`;
}

/**
 * The lawsuit facet as the panel lists it (lib/lawsuits/filter.ts): the selected lawsuit
 * and the lawsuits with the most filings, equal counts in the order of their names. Not
 * the thousands of lawsuits a broad filter has: reading, labelling and sorting them cost
 * a timeline render more than its list (issue 9).
 */
function topLawsuits(filter: Filter, counts: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`(SELECT 'lawsuit', t."value", t."count" FROM (${counts}) t LEFT JOIN "lawsuit" tl ON tl."id" = t."value"
    ORDER BY (t."value" = ${filter.lawsuit ?? ""}) DESC, t."count" DESC, tl."case_name_short", t."value" LIMIT ${TOP_LAWSUIT_OPTIONS + 1})`;
}

/**
 * One coding facet's counts: the filings of each lawsuit (`perLawsuit`: lawsuit_id, n)
 * summed per value its coding has, each value of a lawsuit once. The values that grow
 * with the data (issue areas, policies, agencies) are cut to TOP_CODING_OPTIONS, the
 * selected one first.
 */
function codingFacetCounts(facet: CodingFacet, filter: Filter, perLawsuit: Prisma.Sql): Prisma.Sql {
  const counted = (values: Prisma.Sql, selected?: string) => {
    const bounded = selected !== undefined || facet === "issueArea" || facet === "policy" || facet === "agency";
    return Prisma.sql`(SELECT ${Prisma.raw(`'${facet}'`)}, v."value", sum(pl."n")::int FROM ${perLawsuit} pl JOIN (${values}) v ON v."lawsuit_id" = pl."lawsuit_id"
      WHERE v."value" IS NOT NULL GROUP BY 2
      ${bounded ? Prisma.sql`ORDER BY (v."value" = ${selected ?? ""}) DESC, 3 DESC, 2 LIMIT ${TOP_CODING_OPTIONS}` : Prisma.empty})`;
  };
  switch (facet) {
    case "side": {
      const all = filter.match === "all" && filter.state.length > 1;
      return counted(Prisma.sql`SELECT s."lawsuit_id", s."side"::text AS "value" FROM "lawsuit_state_side" s
        ${filter.state.length ? Prisma.sql`WHERE s."jurisdiction_code" = ANY(${filter.state})` : Prisma.empty}
        GROUP BY 1, 2 ${all ? Prisma.sql`HAVING count(*) = ${filter.state.length}` : Prisma.empty}`);
    }
    case "issueArea":
      return counted(Prisma.sql`SELECT a."lawsuit_id", a."issue_area_slug" AS "value" FROM "lawsuit_issue_area" a`, filter.issueArea);
    case "policy":
      return counted(Prisma.sql`SELECT p."lawsuit_id", p."policy_id" AS "value" FROM "lawsuit_policy" p`, filter.policy);
    case "agency":
      return counted(Prisma.sql`SELECT DISTINCT lp."lawsuit_id", unnest(p."agencies") AS "value" FROM "lawsuit_policy" lp JOIN "policy" p ON p."id" = lp."policy_id"`, filter.agency);
    case "administration":
      return counted(Prisma.sql`SELECT l."id" AS "lawsuit_id", "administration_of"(l."date_filed", l."date_filed_precision") AS "value" FROM "lawsuit" l`);
    case "lawsuitOutcome":
      // Uncoded lawsuits have the default outcome, unknown.
      return counted(Prisma.sql`SELECT l."lawsuit_id", coalesce(c."outcome"::text, 'unknown') AS "value" FROM ${perLawsuit} l LEFT JOIN "lawsuit_coding" c ON c."lawsuit_id" = l."lawsuit_id"`);
    case "relief":
      return counted(Prisma.sql`SELECT DISTINCT r."lawsuit_id", r."relief"::text AS "value" FROM "relief_milestone" r
        ${filter.reliefStatus ? Prisma.sql`WHERE r."status" = CAST(${filter.reliefStatus} AS "relief_status")` : Prisma.empty}`);
    case "reliefStatus":
      return counted(Prisma.sql`SELECT DISTINCT r."lawsuit_id", r."status"::text AS "value" FROM "relief_milestone" r
        ${filter.relief ? Prisma.sql`WHERE r."relief" = CAST(${filter.relief} AS "relief_kind")` : Prisma.empty}`);
  }
}

/**
 * Whether the filter has a condition of this facet's own. Compared as SQL, not counted:
 * leaving out a relief kind changes the milestone condition it shares with the status.
 */
function hasOwnCondition(filter: Filter, facet: Facet): boolean {
  return whereClause(filterConditions(filter, facet)).text !== whereClause(filterConditions(filter)).text;
}

/** The facets that filing_count also keeps per month ("dated-…" keys, migration 20261211090000). */
const DATED_FACETS = ["state", "kind", "demandCategory", "outcome"] as const satisfies Facet[];

/**
 * The per-month rows of filing_count for some facets ("dated-state" …), as rows of
 * (facet, value, count) with the date and precision of their period: the first day of
 * a month with precision month (the filings dated to a day or a month of it), or the
 * first day of a year with precision year. The timeline's own dateConditions select them.
 */
function datedCounts(facets: readonly Facet[]): Prisma.Sql {
  return Prisma.sql`(
    SELECT substr(c."facet", 7) AS "facet", split_part(c."value", '|', 3) AS "value", c."count",
           CAST(split_part(c."value", '|', 1) AS date) AS "date_filed", CAST(split_part(c."value", '|', 2) AS "date_precision") AS "date_filed_precision"
    FROM "filing_count" c WHERE c."facet" = ANY(${facets.map((facet) => `dated-${facet}`)}) AND c."count" > 0)`;
}

/**
 * Whether the filter has a date range whose bounds are whole months or years. Every
 * filing of a month (dated to a day of it or to the month) is then in the range or out
 * of it together, so the per-month counts sum to the range's exact count; a bound
 * that is a day can cut a month in two.
 */
function datedCountsApply(filter: Filter): boolean {
  const bounds = [filter.from, filter.to].filter((bound) => bound !== undefined);
  return bounds.length > 0 && bounds.every((bound) => toStored(bound).precision !== "day");
}

const withoutDates = (filter: Filter): Filter => ({ ...filter, from: undefined, to: undefined });

/**
 * The statement of a filter's total from kept counts, when it has one: filing_count's
 * rows (summaryOfTotal), or, for such a filter within a date range of whole months or
 * years, the same facet's per-month rows. Null otherwise.
 */
function summaryTotalQuery(filter: Filter): Prisma.Sql | null {
  const summary = summaryOfTotal(filter);
  if (summary) {
    return Prisma.sql`SELECT coalesce(sum(c."count"), 0)::int AS "total" FROM "filing_count" c WHERE c."facet" = ${summary.facet} AND c."value" = ANY(${summary.values})`;
  }
  const undated = datedCountsApply(filter) ? summaryOfTotal(withoutDates(filter)) : null;
  if (!undated || undated.facet === "lawsuit") return null;
  // Every filing has exactly one kind: the total of a date range alone is the sum of its kinds.
  const [facet, values] = undated.facet === "total" ? (["kind", []] as const) : [undated.facet as Facet, [Prisma.sql`f."value" = ANY(${undated.values})`]];
  return Prisma.sql`
    SELECT coalesce(sum(f."count"), 0)::int AS "total" FROM ${datedCounts([facet])} f ${whereClause([...values, ...dateConditions(filter)])}`;
}

/**
 * The filter as the filing_count rows whose sum is its total, when it has one: no
 * condition, or conditions of one facet whose values no filing shares (kinds, one
 * state, a lawsuit, a demand category, an outcome). Null otherwise.
 */
function summaryOfTotal(filter: Filter): { facet: string; values: string[] } | null {
  if (filterConditions(filter).length === 1) return { facet: "total", values: [""] };
  const only = (facet: Facet) => filterConditions(filter, facet).length === 1;
  if (only("kind")) return { facet: "kind", values: filter.kind };
  if (only("state") && filter.state.length === 1 && !filter.role) return { facet: "state", values: filter.state };
  if (only("lawsuit") && filter.lawsuit) return { facet: "lawsuit", values: [filter.lawsuit] };
  if (only("demandCategory") && filter.demandCategory) return { facet: "demandCategory", values: [filter.demandCategory] };
  if (only("outcome") && filter.outcome) return { facet: "outcome", values: [filter.outcome] };
  return null;
}

/** How many filings a filter matches; one statement, from filing_count when the filter allows. */
export async function countTimeline(filter: Filter): Promise<number> {
  const summary = summaryTotalQuery(filter);
  const [{ total }] = await db.$queryRaw<{ total: number }[]>(
    summary ?? Prisma.sql`SELECT count(*)::int AS "total" FROM "filing" f ${whereClause(filterConditions(filter))}`,
  );
  return total;
}
