// Insights into the research coding (issue 12 item 4, docs/decisions/026), under the
// timeline's filter: the lawsuits of the filtered filings, their outcomes for the states
// by administration and by issue area, each state's record, the time from complaint to
// the first preliminary-injunction ruling, and the lawsuits with states on both sides.
// Every count is of lawsuits, each once; every list is bounded whatever the data's size.
import "server-only";

import { OUTCOME_GROUP_OF, OUTCOME_GROUPS, sidesOf, SIDE_GROUP_OF, type OutcomeGroup, type SideGroup } from "@/lib/coding/groups";
import { db } from "@/lib/db/client";
import { fromStored, type DatePrecision, type PartialDateString } from "@/lib/dates/partial-date";
import type { OutcomeClass, StateSide } from "@/lib/dataset/vocabulary";
import type { Filter } from "@/lib/filters/schema";
import { Prisma } from "@/lib/generated/prisma/client";
import { getJurisdictionName } from "@/lib/jurisdictions/reference";
import { filterConditions, whereClause } from "@/lib/timeline/queries";

/** How many lawsuits with states on both sides are listed (the most recent), of how many. */
export const BOTH_SIDES_LISTED = 10;
/** Issue areas shown one by one (most lawsuits first); the rest are counted together. */
export const ISSUE_AREAS_SHOWN = 12;

/**
 * The ranges of days from a complaint to the first ruling on a preliminary injunction,
 * by their upper bounds (the last range is open): a week, a month, three and six months, a year.
 */
export const DAYS_TO_RULING_BOUNDS = [7, 30, 90, 180, 365] as const;

export type GroupCounts = Record<OutcomeGroup, number>;

export interface OutcomeRow {
  key: string;
  label: string;
  counts: GroupCounts;
  total: number;
}

export interface StateRecord {
  code: string;
  name: string;
  /** Lawsuits in which the state has a coded side, any side. */
  lawsuits: number;
  /** Of those, lawsuits in which it led a filing. */
  led: number;
  /** Lawsuits it joined on the defending side. */
  defending: number;
  /** How the lawsuits it joined on the challenging side ended for the states. */
  outcomes: GroupCounts;
}

export interface DaysRange {
  /** "0–7 days", "more than 365 days". */
  label: string;
  count: number;
}

export interface TimeToInjunction {
  /** Lawsuits whose complaint and first ruling are both dated to the day. */
  measured: number;
  /** Median of those, in days; null when none. */
  medianDays: number | null;
  ranges: DaysRange[];
  /** Lawsuits with a ruling whose date, or whose complaint's date, is known only to the month or year. */
  imprecise: number;
}

export interface BothSidesLawsuit {
  id: string;
  caseNameShort: string;
  dateFiled: PartialDateString;
  /** The jurisdictions on each side, by postal code. */
  sides: Record<SideGroup, string[]>;
}

export interface CodingInsights {
  /** Lawsuits of the filtered filings. */
  lawsuits: number;
  byAdministration: OutcomeRow[];
  byIssueArea: OutcomeRow[];
  states: StateRecord[];
  timeToInjunction: TimeToInjunction;
  bothSides: { total: number; listed: BothSidesLawsuit[] };
}

const emptyCounts = (): GroupCounts => Object.fromEntries(OUTCOME_GROUPS.map((group) => [group, 0])) as GroupCounts;

/**
 * The lawsuits of the filtered filings: from filing_count's per-lawsuit rows without a
 * filter, else the filtered filings' distinct lawsuits.
 */
function lawsuitsOf(filter: Filter): Prisma.Sql {
  const conditions = filterConditions(filter);
  return conditions.length === 1
    ? Prisma.sql`SELECT c."value" AS "id" FROM "filing_count" c WHERE c."facet" = 'lawsuit' AND c."count" > 0`
    : Prisma.sql`SELECT DISTINCT f."lawsuit_id" AS "id" FROM "filing" f ${whereClause([...conditions, Prisma.sql`f."lawsuit_id" IS NOT NULL`])}`;
}

/** A lawsuit's outcome class; one not coded yet has the default, unknown. */
const OUTCOME = Prisma.sql`coalesce(c."outcome"::text, 'unknown')`;

/** Five statements side by side, each returning rows bounded by the vocabularies, not by the data. */
export async function getCodingInsights(filter: Filter): Promise<CodingInsights> {
  const lawsuits = Prisma.sql`"lw" AS MATERIALIZED (${lawsuitsOf(filter)})`;
  const challenging = sidesOf("challenging");
  const defending = sidesOf("defending");
  const [byAdministration, byIssueArea, stateRows, rulings, bothSides] = await Promise.all([
    db.$queryRaw<{ key: string | null; label: string | null; outcome: OutcomeClass; count: number }[]>`
      WITH ${lawsuits}
      SELECT a."id" AS "key", a."name" AS "label", ${OUTCOME} AS "outcome", count(*)::int AS "count"
      FROM "lw" JOIN "lawsuit" l ON l."id" = "lw"."id" LEFT JOIN "lawsuit_coding" c ON c."lawsuit_id" = l."id"
      LEFT JOIN "administration" a ON a."id" = "administration_of"(l."date_filed", l."date_filed_precision")
      GROUP BY a."id", a."name", a."term_start", 3 ORDER BY a."term_start" NULLS LAST`,
    db.$queryRaw<{ key: string | null; label: string | null; outcome: OutcomeClass; count: number }[]>`
      WITH ${lawsuits}
      SELECT ia."slug" AS "key", ia."label", ${OUTCOME} AS "outcome", count(*)::int AS "count"
      FROM "lw" LEFT JOIN "lawsuit_coding" c ON c."lawsuit_id" = "lw"."id"
      LEFT JOIN "lawsuit_issue_area" lia ON lia."lawsuit_id" = "lw"."id" LEFT JOIN "issue_area" ia ON ia."slug" = lia."issue_area_slug"
      GROUP BY 1, 2, 3`,
    // A state led a lawsuit when it led one of its public filings (its coalition token "NM:lead").
    db.$queryRaw<{ code: string; side: StateSide; outcome: OutcomeClass; led: boolean; count: number }[]>`
      WITH ${lawsuits}
      SELECT s."jurisdiction_code"::text AS "code", s."side"::text AS "side", ${OUTCOME} AS "outcome",
             EXISTS (SELECT 1 FROM "filing" fx WHERE fx."lawsuit_id" = s."lawsuit_id" AND fx."is_public"
                       AND fx."coalition" @> ARRAY[s."jurisdiction_code"::text || ':lead']) AS "led",
             count(*)::int AS "count"
      FROM "lw" JOIN "lawsuit_state_side" s ON s."lawsuit_id" = "lw"."id" LEFT JOIN "lawsuit_coding" c ON c."lawsuit_id" = "lw"."id"
      GROUP BY 1, 2, 3, 4`,
    // The first ruling (granted or denied) on a preliminary injunction, in days from the complaint (the lawsuit's date filed).
    db.$queryRaw<{ bucket: number | null; count: number; median: number | null }[]>`
      WITH ${lawsuits}, "first_ruling" AS (
        SELECT DISTINCT ON (r."lawsuit_id") r."lawsuit_id", r."date", r."date_precision"
        FROM "relief_milestone" r JOIN "lw" ON "lw"."id" = r."lawsuit_id"
        WHERE r."relief" = 'preliminary-injunction' AND r."status" IN ('granted', 'denied') AND r."date" IS NOT NULL
        ORDER BY r."lawsuit_id", r."date", r."date_precision" DESC
      ), "days" AS (
        SELECT CASE WHEN fr."date_precision" = 'day' AND l."date_filed_precision" = 'day' THEN fr."date" - l."date_filed" END AS "days"
        FROM "first_ruling" fr JOIN "lawsuit" l ON l."id" = fr."lawsuit_id"
      )
      SELECT CASE WHEN d."days" IS NULL THEN NULL ELSE width_bucket(d."days", ${DAYS_TO_RULING_BOUNDS.map((bound) => bound + 1)}::int[]) END AS "bucket",
             count(*)::int AS "count", (SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY "days") FROM "days") AS "median"
      FROM "days" d GROUP BY 1`,
    db.$queryRaw<{ id: string; case_name_short: string; date_filed: Date; date_filed_precision: DatePrecision; sides: { code: string; side: StateSide }[]; total: number }[]>`
      WITH ${lawsuits}, "both" AS (
        SELECT s."lawsuit_id" FROM "lw" JOIN "lawsuit_state_side" s ON s."lawsuit_id" = "lw"."id"
        GROUP BY 1
        HAVING bool_or(s."side"::text = ANY(${challenging})) AND bool_or(s."side"::text = ANY(${defending}))
      )
      SELECT l."id", l."case_name_short", l."date_filed", l."date_filed_precision"::text AS "date_filed_precision",
             (SELECT json_agg(json_build_object('code', s."jurisdiction_code", 'side', s."side") ORDER BY s."position")
                FROM "lawsuit_state_side" s WHERE s."lawsuit_id" = l."id") AS "sides",
             (SELECT count(*)::int FROM "both") AS "total"
      FROM "both" b JOIN "lawsuit" l ON l."id" = b."lawsuit_id"
      ORDER BY l."date_filed" DESC, l."id" LIMIT ${BOTH_SIDES_LISTED}`,
  ]);
  const administrations = toOutcomeRows(byAdministration, "No single administration (dated to a month or year spanning an inauguration)");
  return {
    lawsuits: administrations.reduce((sum, row) => sum + row.total, 0),
    byAdministration: administrations,
    byIssueArea: boundIssueAreas(toOutcomeRows(byIssueArea, "No issue area coded")),
    states: toStateRecords(stateRows),
    timeToInjunction: toTimeToInjunction(rulings),
    bothSides: {
      total: bothSides[0]?.total ?? 0,
      listed: bothSides.map((row) => ({
        id: row.id,
        caseNameShort: row.case_name_short,
        dateFiled: fromStored(row.date_filed, row.date_filed_precision),
        sides: {
          challenging: row.sides.filter((s) => SIDE_GROUP_OF[s.side] === "challenging").map((s) => s.code),
          defending: row.sides.filter((s) => SIDE_GROUP_OF[s.side] === "defending").map((s) => s.code),
        },
      })),
    },
  };
}

/** Rows of (key, outcome class, lawsuits) as one row per key with its lawsuits per outcome group, in the rows' order. */
function toOutcomeRows(rows: { key: string | null; label: string | null; outcome: OutcomeClass; count: number }[], noneLabel: string): OutcomeRow[] {
  const byKey = new Map<string, OutcomeRow>();
  for (const row of rows) {
    const key = row.key ?? "";
    const entry = byKey.get(key) ?? { key, label: row.label ?? noneLabel, counts: emptyCounts(), total: 0 };
    entry.counts[OUTCOME_GROUP_OF[row.outcome]] += row.count;
    entry.total += row.count;
    byKey.set(key, entry);
  }
  return [...byKey.values()];
}

/** Most lawsuits first, at most ISSUE_AREAS_SHOWN of them, the rest together; lawsuits without an area last. */
function boundIssueAreas(rows: OutcomeRow[]): OutcomeRow[] {
  const none = rows.filter((row) => row.key === "");
  const areas = rows.filter((row) => row.key !== "").sort((a, b) => b.total - a.total || a.label.localeCompare(b.label));
  const rest = areas.slice(ISSUE_AREAS_SHOWN);
  const others: OutcomeRow[] = rest.length
    ? [{ key: "other-areas", label: `${rest.length} other issue areas`, counts: sumCounts(rest), total: rest.reduce((n, row) => n + row.total, 0) }]
    : [];
  return [...areas.slice(0, ISSUE_AREAS_SHOWN), ...others, ...none];
}

function sumCounts(rows: OutcomeRow[]): GroupCounts {
  const counts = emptyCounts();
  for (const row of rows) for (const group of OUTCOME_GROUPS) counts[group] += row.counts[group];
  return counts;
}

function toStateRecords(rows: { code: string; side: StateSide; outcome: OutcomeClass; led: boolean; count: number }[]): StateRecord[] {
  const states = new Map<string, StateRecord>();
  for (const row of rows) {
    const code = row.code.trim();
    const state = states.get(code) ?? { code, name: getJurisdictionName(code), lawsuits: 0, led: 0, defending: 0, outcomes: emptyCounts() };
    state.lawsuits += row.count;
    if (row.led) state.led += row.count;
    if (SIDE_GROUP_OF[row.side] === "defending") state.defending += row.count;
    else state.outcomes[OUTCOME_GROUP_OF[row.outcome]] += row.count;
    states.set(code, state);
  }
  return [...states.values()].sort((a, b) => b.lawsuits - a.lawsuits || b.led - a.led || a.name.localeCompare(b.name));
}

function toTimeToInjunction(rows: { bucket: number | null; count: number; median: number | null }[]): TimeToInjunction {
  const lows = [0, ...DAYS_TO_RULING_BOUNDS.map((bound) => bound + 1)];
  const ranges = lows.map((low, i) => ({
    label: i < DAYS_TO_RULING_BOUNDS.length ? `${low}–${DAYS_TO_RULING_BOUNDS[i]} days` : `more than ${DAYS_TO_RULING_BOUNDS[i - 1]} days`,
    count: rows.find((row) => row.bucket === i)?.count ?? 0,
  }));
  const measured = ranges.reduce((n, range) => n + range.count, 0);
  const median = rows[0]?.median;
  return { measured, medianDays: measured && median !== null && median !== undefined ? Number(median) : null, ranges, imprecise: rows.find((row) => row.bucket === null)?.count ?? 0 };
}
