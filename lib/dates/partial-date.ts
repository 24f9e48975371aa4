// The one date-with-precision type. A date may be known to the day ("2018-07-02"),
// the month ("2018-06") or only the year ("1985"); the precision is part of the data.
// Storage keeps the first day of the known period plus the precision, so that a
// month sorts at the start of its month; nothing here ever invents a day for display.
import { format, parseISO } from "date-fns";

import { PARTIAL_DATE_HINT, PARTIAL_DATE_PATTERN as PATTERN } from "@/lib/dates/partial-date-syntax";

export { PARTIAL_DATE_HINT };

export type DatePrecision = "day" | "month" | "year";

/** A date as the dataset writes it: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`. */
export type PartialDateString = string;

export interface PartialDate {
  precision: DatePrecision;
  year: number;
  month?: number;
  day?: number;
}

/** Parses `YYYY`, `YYYY-MM` or `YYYY-MM-DD`; null for anything else or a day that does not exist. */
export function parsePartialDate(value: string): PartialDate | null {
  const match = PATTERN.exec(value);
  if (!match) return null;
  const year = Number(match[1]);
  if (year < 1000) return null;
  if (match[2] === undefined) return { precision: "year", year };
  const month = Number(match[2]);
  if (month < 1 || month > 12) return null;
  if (match[3] === undefined) return { precision: "month", year, month };
  const day = Number(match[3]);
  if (day < 1 || day > daysInMonth(year, month)) return null;
  return { precision: "day", year, month, day };
}

export function isPartialDate(value: string): boolean {
  return parsePartialDate(value) !== null;
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

const pad = (n: number, width = 2) => String(n).padStart(width, "0");

function toIso(year: number, month: number, day: number): string {
  return `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
}

/** The period a partial date stands for, as inclusive ISO days: "2018-06" → 1–30 June 2018. */
export function periodOf(value: PartialDateString): { start: string; end: string } {
  const date = requirePartialDate(value);
  if (date.precision === "year") return { start: toIso(date.year, 1, 1), end: toIso(date.year, 12, 31) };
  if (date.precision === "month") {
    return { start: toIso(date.year, date.month!, 1), end: toIso(date.year, date.month!, daysInMonth(date.year, date.month!)) };
  }
  const day = toIso(date.year, date.month!, date.day!);
  return { start: day, end: day };
}

/** Whether a partial date's period overlaps an inclusive range of ISO days (either end open). */
export function overlapsRange(value: PartialDateString, range: { from?: string; to?: string }): boolean {
  const { start, end } = periodOf(value);
  return (range.to === undefined || start <= range.to) && (range.from === undefined || end >= range.from);
}

/** The database pair: the first day of the period and the precision. */
export function toStored(value: PartialDateString): { date: string; precision: DatePrecision } {
  const date = requirePartialDate(value);
  return { date: periodOf(value).start, precision: date.precision };
}

/** Back from the database pair; accepts the DATE as an ISO string or a UTC-midnight Date (Prisma). */
export function fromStored(date: string | Date, precision: DatePrecision): PartialDateString {
  const iso = typeof date === "string" ? date.slice(0, 10) : date.toISOString().slice(0, 10);
  if (precision === "year") return iso.slice(0, 4);
  if (precision === "month") return iso.slice(0, 7);
  return iso;
}

/** A wider period ranks first: the order of dates that start the same day (and of the timeline's cursor). */
export const PRECISION_RANK: Record<DatePrecision, number> = { year: 0, month: 1, day: 2 };

/** Sort order: by the start of the period, and a wider period before a narrower one starting the same day. */
export function comparePartialDates(a: PartialDateString, b: PartialDateString): number {
  const sa = toStored(a);
  const sb = toStored(b);
  if (sa.date !== sb.date) return sa.date < sb.date ? -1 : 1;
  return PRECISION_RANK[sa.precision] - PRECISION_RANK[sb.precision];
}

/** Whether `later` can be on or after `earlier`: its period ends no sooner than the other starts. */
export function mayBeOnOrAfter(later: PartialDateString, earlier: PartialDateString): boolean {
  return periodOf(later).end >= periodOf(earlier).start;
}

/** For readers: "2 July 2018", "June 2018", "2018". */
export function formatPartialDate(value: PartialDateString): string {
  const date = requirePartialDate(value);
  if (date.precision === "year") return String(date.year);
  const parsed = parseISO(periodOf(value).start);
  return format(parsed, date.precision === "month" ? "MMMM yyyy" : "d MMMM yyyy");
}

// The Bluebook's month abbreviations (table T12): "Sept." and "June" are not what date-fns writes.
const BLUEBOOK_MONTHS = ["Jan.", "Feb.", "Mar.", "Apr.", "May", "June", "July", "Aug.", "Sept.", "Oct.", "Nov.", "Dec."];

/** For citations: "July 2, 2018", "Sept. 2018", "2018". */
export function formatPartialDateForCitation(value: PartialDateString): string {
  const date = requirePartialDate(value);
  if (date.precision === "year") return String(date.year);
  const month = BLUEBOOK_MONTHS[date.month! - 1];
  return date.precision === "month" ? `${month} ${date.year}` : `${month} ${date.day}, ${date.year}`;
}


function requirePartialDate(value: PartialDateString): PartialDate {
  const date = parsePartialDate(value);
  if (!date) throw new RangeError(`"${value}" is not a date as ${PARTIAL_DATE_HINT}`);
  return date;
}

/**
 * The first day of the period of the given precision that contains `isoDay`: a stored
 * date of that precision overlaps a range starting at `isoDay` exactly when it is on
 * or after this day ("2018-06-15" at month precision → "2018-06-01").
 */
export function startOfPeriodContaining(isoDay: string, precision: DatePrecision): string {
  if (precision === "year") return `${isoDay.slice(0, 4)}-01-01`;
  if (precision === "month") return `${isoDay.slice(0, 7)}-01`;
  return isoDay;
}

/** A `from`/`to` filter as inclusive ISO days: `from=2018-06` starts 1 June, `to=2018-06` ends 30 June. */
export function rangeBounds(range: { from?: PartialDateString; to?: PartialDateString }): { from?: string; to?: string } {
  return {
    from: range.from === undefined ? undefined : periodOf(range.from).start,
    to: range.to === undefined ? undefined : periodOf(range.to).end,
  };
}
