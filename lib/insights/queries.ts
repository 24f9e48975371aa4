import "server-only";

import { db } from "@/lib/db/client";
import { formatPartialDate, periodOf } from "@/lib/dates/partial-date";
import { DEMAND_OUTCOMES, demandCategoryLabel, type DemandOutcome } from "@/lib/demands/labels";
import { FILING_KINDS, fromDbEnum, type FilingKind } from "@/lib/filings/kinds";
import type { Filter } from "@/lib/filters/schema";
import { Prisma } from "@/lib/generated/prisma/client";
import type { InsightsView, MatrixSort } from "@/lib/insights/schema";
import { getJurisdictionName } from "@/lib/jurisdictions/reference";
import { filterConditions, whereClause } from "@/lib/timeline/queries";

/** Beyond ten years of months, bars per month are too thin to read: the chart counts per year. */
export const MAX_MONTH_BARS = 120;
/** How many partners "top partners" lists, plus any tied with the last of them. */
export const TOP_PARTNERS = 10;

/** One bar: filings per kind in a month ("2018-06") or a year ("2018"). */
export interface PeriodBar {
  /** The period as a partial date: `YYYY-MM` or `YYYY`. */
  period: string;
  /** "June 2018", "2018". */
  label: string;
  counts: Partial<Record<FilingKind, number>>;
  total: number;
}

export interface FilingsOverTime {
  /** `month` unless the filings span more than MAX_MONTH_BARS months. */
  unit: "month" | "year";
  /** Every period from the first to the last, those without filings included (as gaps). */
  bars: PeriodBar[];
  /**
   * With `unit: "month"`: filings whose date is known only to the year, per year. They
   * cannot be placed in a month, so they are shown apart rather than in an invented one.
   * Empty with `unit: "year"`, where every filing has its year.
   */
  yearOnly: PeriodBar[];
  /** Kinds that occur, in the order of FILING_KINDS (the order of the stacks). */
  kinds: FilingKind[];
}

export interface JurisdictionActivity {
  code: string;
  name: string;
  /** Filings joined in any role (lead, co-lead or joined). */
  joined: number;
  led: number;
  coLed: number;
}

export interface CoalitionMatrix {
  /** Jurisdictions that joined at least one of the filings, in the chosen order. */
  jurisdictions: JurisdictionActivity[];
  /** counts[i][j]: filings both jurisdictions[i] and jurisdictions[j] joined; on the diagonal, all the filings jurisdictions[i] joined. */
  counts: number[][];
  /** The largest count off the diagonal (0 when no two jurisdictions joined the same filing). */
  max: number;
  sort: MatrixSort;
}

export interface Partner {
  code: string;
  name: string;
  /** Filings joined together with the chosen jurisdiction. */
  together: number;
  /** 1 + how many partners have more filings together (ties share a rank). */
  rank: number;
}

export interface TopPartners {
  of: JurisdictionActivity;
  /** The TOP_PARTNERS partners with most filings together, and any tied with the last. */
  partners: Partner[];
  /** Partners with at least one filing together that are not listed. */
  more: number;
}

export interface OutcomeRow {
  category: string;
  label: string;
  counts: Partial<Record<DemandOutcome, number>>;
  total: number;
}

export interface DemandOutcomes {
  /** Most demands first. */
  categories: OutcomeRow[];
  /** Outcomes that occur, in the order of DEMAND_OUTCOMES. */
  outcomes: DemandOutcome[];
  total: number;
}

export interface Insights {
  /** Filings under the filter. */
  total: number;
  /** Of those, the filings at least one jurisdiction joined. */
  withJurisdictions: number;
  overTime: FilingsOverTime;
  /** Every jurisdiction that joined one of the filings, most active first. */
  activity: JurisdictionActivity[];
  matrix: CoalitionMatrix;
  /** Null when no jurisdiction joined any of the filings. */
  topPartners: TopPartners | null;
  /** The `partnersOf` asked for, when it joined none of the filings (the page says so). */
  partnersOfInactive: string | null;
  outcomes: DemandOutcomes;
}

interface PeriodRow {
  /** `YYYY-MM`, or null for a date known only to the year. */
  month: string | null;
  year: number;
  kind: string;
  count: number;
  with_jurisdictions: number;
}

interface ActivityRow {
  code: string;
  joined: number;
  led: number;
  co_led: number;
}

interface PairRow {
  a: string;
  b: string;
  count: number;
}

interface OutcomeCountRow {
  category: string;
  outcome: string;
  count: number;
}

/**
 * Everything the insights page draws, for the filings the timeline shows under the same
 * filter: the keys of filing_count_keys (migration 20261202110000) that insights draw —
 * filings per period and kind, per jurisdiction and role and year, per pair of
 * jurisdictions, and demands per category and outcome — read from filing_count (kept
 * exact by the database) in one statement when there is no filter; under a filter,
 * the period and demand keys summed over the filtered filings, and their coalitions
 * counted per jurisdiction and pair, in two statements run side by side.
 */
export async function getInsights(
  filter: Filter,
  view: Pick<InsightsView, "matrixSort" | "partnersOf"> = { matrixSort: "filings" },
  // /insights shows no pairs (the matrix is /insights/coalitions): counting them under a
  // broad filter is most of the work, so a page that does not show them skips it.
  { pairs = true }: { pairs?: boolean } = {},
): Promise<Insights> {
  return buildInsights(filter, view, await queryInsightRows(filter, pairs));
}

async function queryInsightRows(filter: Filter, pairs: boolean) {
  const conditions = filterConditions(filter);
  if (conditions.length === 1) {
    const facets = pairs ? ["period", "state-year", "pair", "demand"] : ["period", "state-year", "demand"];
    return toInsightRows(
      await db.$queryRaw<{ facet: string; value: string; count: number }[]>`
        SELECT c."facet", c."value", c."count" FROM "filing_count" c WHERE c."facet" = ANY(${facets}) AND c."count" > 0`,
    );
  }
  // Under a filter, the jurisdictions' activity and pairs are counted here from each
  // filtered filing's coalition tokens (as filing_count_keys takes them), not as keys in
  // SQL: a broad filter (state=CA) has 16,000 filings with about 20 tokens and 60
  // pairs each, a million rows for PostgreSQL to hash, where counting them here takes
  // a few milliseconds (docs/decisions/014).
  const [rows, coalitions] = await Promise.all([
    db.$queryRaw<{ facet: string; value: string; count: number }[]>`
      SELECT k."facet", k."value", count(*)::int AS "count"
      FROM "filing" f, "filing_count_keys"(f."kind", f."lawsuit_id", f."date_filed", f."date_filed_precision", f."coalition", f."demand_tokens") k
      ${whereClause([...conditions, Prisma.sql`k."facet" = ANY(${["period", "demand"]})`])}
      GROUP BY 1, 2`,
    // As text: the client parses 16,000 text[] values four times slower (tokens have no commas).
    db.$queryRaw<{ coalition: string }[]>`
      SELECT array_to_string(f."coalition", ',') AS "coalition" FROM "filing" f ${whereClause([...conditions, Prisma.sql`cardinality(f."coalition") > 0`])}`,
  ]);
  return { ...toInsightRows(rows), ...countCoalitions(coalitions.map((r) => r.coalition.split(",")), pairs) };
}

/**
 * Activity per jurisdiction and filings per pair of jurisdictions ("CA", "NM" with
 * a < b), from the filtered filings' coalition tokens: "NM" (any role), "NM:lead",
 * "role:lead" (left out), as in filing_count_keys' "state-year" and "pair" keys.
 */
function countCoalitions(coalitions: string[][], countPairs: boolean): { activityRows: ActivityRow[]; pairRows: PairRow[] } {
  const activity = new Map<string, ActivityRow>();
  const pairs = new Map<string, PairRow>();
  for (const tokens of coalitions) {
    for (const token of tokens) if (!token.startsWith("role:")) addActivity(activity, token, 1);
    if (!countPairs) continue;
    const jurisdictions = tokens.filter((t) => t.length === 2).sort();
    for (let i = 0; i < jurisdictions.length; i++) {
      for (let j = i + 1; j < jurisdictions.length; j++) {
        const key = `${jurisdictions[i]}|${jurisdictions[j]}`;
        const pair = pairs.get(key);
        if (pair) pair.count += 1;
        else pairs.set(key, { a: jurisdictions[i], b: jurisdictions[j], count: 1 });
      }
    }
  }
  return { activityRows: [...activity.values()], pairRows: [...pairs.values()] };
}

/** Adds `count` filings of a coalition token ("NM" for any role, or "NM:lead") to its jurisdiction's activity. */
function addActivity(activity: Map<string, ActivityRow>, token: string, count: number) {
  const [code, role] = token.split(":");
  const row = activity.get(code) ?? { code, joined: 0, led: 0, co_led: 0 };
  if (role === undefined) row.joined += count;
  else if (role === "lead") row.led += count;
  else if (role === "co-lead") row.co_led += count;
  activity.set(code, row);
}

/** The keys' values, in the forms the migration gives them, as rows per period, jurisdiction, pair and outcome. */
function toInsightRows(rows: { facet: string; value: string; count: number }[]) {
  const periodRows: PeriodRow[] = [];
  const activity = new Map<string, ActivityRow>();
  const pairRows: PairRow[] = [];
  const outcomeRows: OutcomeCountRow[] = [];
  for (const { facet, value, count } of rows) {
    const parts = value.split("|");
    if (facet === "period") {
      // "2018-06|2018|motion|t": month ("" for a year-only date), year, kind, whether any jurisdiction joined.
      const [month, year, kind, joined] = parts;
      periodRows.push({ month: month || null, year: Number(year), kind, count, with_jurisdictions: joined === "t" ? count : 0 });
    } else if (facet === "state-year") {
      // "NM|2018" (any role) or "NM:lead|2018".
      addActivity(activity, parts[0], count);
    } else if (facet === "pair") {
      pairRows.push({ a: parts[0], b: parts[1], count });
    } else if (facet === "demand") {
      outcomeRows.push({ category: parts[0], outcome: parts[1], count });
    }
  }
  return { periodRows, activityRows: [...activity.values()], pairRows, outcomeRows };
}

type InsightRows = Awaited<ReturnType<typeof queryInsightRows>>;

function buildInsights(filter: Filter, view: Pick<InsightsView, "matrixSort" | "partnersOf">, rows: InsightRows): Insights {
  const { periodRows, activityRows, pairRows, outcomeRows } = rows;
  const activity = activityRows
    .map((r) => ({ code: r.code, name: getJurisdictionName(r.code), joined: r.joined, led: r.led, coLed: r.co_led }))
    .sort(byActivity);
  const pairs = new Map<string, number>();
  for (const p of pairRows) {
    pairs.set(`${p.a}|${p.b}`, p.count);
    pairs.set(`${p.b}|${p.a}`, p.count);
  }
  const partnerCode = choosePartnersOf(activity, filter, view.partnersOf);

  return {
    total: sum(periodRows.map((r) => r.count)),
    withJurisdictions: sum(periodRows.map((r) => r.with_jurisdictions)),
    overTime: toOverTime(periodRows, filter),
    activity,
    matrix: toMatrix(activity, pairs, view.matrixSort, partnerCode),
    topPartners: partnerCode ? toTopPartners(activity, pairs, partnerCode) : null,
    partnersOfInactive: view.partnersOf && view.partnersOf !== partnerCode ? view.partnersOf : null,
    outcomes: toOutcomes(outcomeRows),
  };
}

const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);

function byActivity(a: JurisdictionActivity, b: JurisdictionActivity): number {
  return b.joined - a.joined || b.led - a.led || a.name.localeCompare(b.name);
}

/** The asked-for jurisdiction if it joined any filing; else the filter's one state; else the most active. */
function choosePartnersOf(activity: JurisdictionActivity[], filter: Filter, asked: string | undefined): string | null {
  const active = (code: string | undefined) => (code && activity.some((a) => a.code === code) ? code : null);
  return active(asked) ?? (filter.state.length === 1 ? active(filter.state[0]) : null) ?? activity[0]?.code ?? null;
}

// Months as "YYYY-MM" and counting between them, without time zones.
const monthIndex = (month: string) => Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1;
const monthAt = (index: number) => `${String(Math.floor(index / 12)).padStart(4, "0")}-${String((index % 12) + 1).padStart(2, "0")}`;

function emptyBar(period: string): PeriodBar {
  return { period, label: formatPartialDate(period), counts: {}, total: 0 };
}

function addTo(bar: PeriodBar, kind: FilingKind, count: number) {
  bar.counts[kind] = (bar.counts[kind] ?? 0) + count;
  bar.total += count;
}

function toOverTime(rows: PeriodRow[], filter: Filter): FilingsOverTime {
  const kindsPresent = new Set(rows.map((r) => fromDbEnum<FilingKind>(r.kind)));
  const kinds = FILING_KINDS.filter((k) => kindsPresent.has(k));
  const placed = rows.filter((r) => r.month !== null);
  const monthIndexes = placed.map((r) => monthIndex(r.month!));

  // The grid spans the filings' months, stretched to the filter's date range when that stays readable.
  let first = Math.min(...monthIndexes);
  let last = Math.max(...monthIndexes);
  if (monthIndexes.length > 0) {
    const from = filter.from ? Math.min(first, monthIndex(periodOf(filter.from).start)) : first;
    const to = filter.to ? Math.max(last, monthIndex(periodOf(filter.to).end)) : last;
    if (to - from + 1 <= MAX_MONTH_BARS) [first, last] = [from, to];
  }

  if (monthIndexes.length === 0 || last - first + 1 <= MAX_MONTH_BARS) {
    const bars = monthIndexes.length === 0 ? [] : Array.from({ length: last - first + 1 }, (_, i) => emptyBar(monthAt(first + i)));
    const yearOnly = new Map<number, PeriodBar>();
    for (const row of rows) {
      const kind = fromDbEnum<FilingKind>(row.kind);
      if (row.month !== null) addTo(bars[monthIndex(row.month) - first], kind, row.count);
      else {
        if (!yearOnly.has(row.year)) yearOnly.set(row.year, emptyBar(String(row.year)));
        addTo(yearOnly.get(row.year)!, kind, row.count);
      }
    }
    return { unit: "month", bars, yearOnly: [...yearOnly.values()].sort((a, b) => a.period.localeCompare(b.period)), kinds };
  }

  // Per year: every filing, whatever its precision, has a year.
  const years = rows.map((r) => r.year);
  const firstYear = Math.min(...years);
  const bars = Array.from({ length: Math.max(...years) - firstYear + 1 }, (_, i) => emptyBar(String(firstYear + i)));
  for (const row of rows) addTo(bars[row.year - firstYear], fromDbEnum<FilingKind>(row.kind), row.count);
  return { unit: "year", bars, yearOnly: [], kinds };
}

function toMatrix(activity: JurisdictionActivity[], pairs: Map<string, number>, sort: MatrixSort, partnerCode: string | null): CoalitionMatrix {
  const together = (a: string, b: string) => pairs.get(`${a}|${b}`) ?? 0;
  let ordered: JurisdictionActivity[];
  if (sort === "code") ordered = [...activity].sort((a, b) => a.code.localeCompare(b.code));
  else if (sort === "partners" && partnerCode) {
    // The chosen jurisdiction first, then its partners by filings together.
    const rank = (j: JurisdictionActivity) => (j.code === partnerCode ? Number.POSITIVE_INFINITY : together(partnerCode, j.code));
    ordered = [...activity].sort((a, b) => rank(b) - rank(a) || byActivity(a, b));
  } else ordered = activity;
  const counts = ordered.map((row) => ordered.map((col) => (row.code === col.code ? row.joined : together(row.code, col.code))));
  return { jurisdictions: ordered, counts, max: Math.max(0, ...pairs.values()), sort: sort === "partners" && !partnerCode ? "filings" : sort };
}

function toTopPartners(activity: JurisdictionActivity[], pairs: Map<string, number>, code: string): TopPartners {
  const all = activity
    .filter((j) => j.code !== code)
    .map((j) => ({ code: j.code, name: j.name, together: pairs.get(`${code}|${j.code}`) ?? 0 }))
    .filter((p) => p.together > 0)
    .sort((a, b) => b.together - a.together || a.name.localeCompare(b.name));
  const cutoff = all[TOP_PARTNERS - 1]?.together ?? 0;
  const partners = all.filter((p, i) => i < TOP_PARTNERS || p.together === cutoff).map((p) => ({ ...p, rank: 1 + all.filter((q) => q.together > p.together).length }));
  return { of: activity.find((j) => j.code === code)!, partners, more: all.length - partners.length };
}

function toOutcomes(rows: OutcomeCountRow[]): DemandOutcomes {
  const byCategory = new Map<string, OutcomeRow>();
  for (const row of rows) {
    const category = byCategory.get(row.category) ?? { category: row.category, label: demandCategoryLabel(row.category), counts: {}, total: 0 };
    const outcome = fromDbEnum<DemandOutcome>(row.outcome);
    category.counts[outcome] = (category.counts[outcome] ?? 0) + row.count;
    category.total += row.count;
    byCategory.set(row.category, category);
  }
  const present = new Set(rows.map((r) => fromDbEnum<DemandOutcome>(r.outcome)));
  const categories = [...byCategory.values()].sort((a, b) => b.total - a.total || a.label.localeCompare(b.label));
  return { categories, outcomes: DEMAND_OUTCOMES.filter((o) => present.has(o)), total: sum(categories.map((c) => c.total)) };
}
