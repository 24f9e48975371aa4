// /calendar.ics: the hearings among the filings the timeline's filter matches, as an
// iCalendar file (RFC 5545, written by ical-generator) to subscribe to or import.
//
// A hearing known to the day is an all-day event on that day: the data records no
// time, so none is invented. A hearing known only to the month or the year is left
// out: an event needs a day, and an all-day event across the whole month would say the
// hearing lasted all month. The calendar's description says how many were left out and
// links to them on the timeline.
//
// Bounded and streamed (docs/decisions/023): at most `limit` events (the latest first,
// or the earliest with sort=oldest), read through one cursor and written event by
// event. What the answer holds is said before the events: in X-WR-CALDESC, in a
// `Docketline-Range` header, and in `Link: rel=next` to the hearings after the last one.
//
// Deadlines that orders set are not here: the data model does not record them yet.
import "server-only";

import ical, { type ICalCalendar } from "ical-generator";

import type { FilingRecord } from "@/lib/dataset/schema";
import { formatPartialDate, periodOf } from "@/lib/dates/partial-date";
import type { Sql } from "@/lib/db/sql";
import { describeFilterInWords } from "@/lib/exports/describe";
import { filingUrl } from "@/lib/exports/filings-csv";
import { nextLink, type OutputBound } from "@/lib/exports/http";
import { LAWSUIT_NAME_COLUMN, publicFilingRecords, readBoundary, writeAround, type LawsuitName } from "@/lib/exports/stream";
import { boundedPath } from "@/lib/feeds/paths";
import { FILING_KIND_LABELS } from "@/lib/filings/kinds";
import { hrefWithFilter, type Filter } from "@/lib/filters/schema";
import { Prisma } from "@/lib/generated/prisma/client";
import { getJurisdictionName } from "@/lib/jurisdictions/reference";
import { decodeCursor, encodeCursor } from "@/lib/timeline/cursor";
import { afterKey, filterConditions, runWithPostgres, sortKeyOf, timelineOrder, whereClause } from "@/lib/timeline/queries";

export const CALENDAR_CONTENT_TYPE = "text/calendar; charset=utf-8";

/** Events per answer unless `limit` says otherwise, and at most: a few years of a busy docket, under 2 MB. */
export const CALENDAR_BOUND: OutputBound = { defaultLimit: 1000, maxLimit: 5000, withCursor: true };

/** How often subscribers should look again. */
const REFRESH_SECONDS = 12 * 60 * 60;

/** Events turned into text per round of the cursor. */
const EVENT_BATCH = 200;

/** The filter narrowed to hearings; null when its kinds leave no hearing in. */
export function hearingsOf(filter: Filter): Filter | null {
  if (filter.kind.length > 0 && !filter.kind.includes("hearing")) return null;
  return { ...filter, kind: ["hearing"] };
}

/** The day after an ISO day: all-day events end (exclusively) on the next day. */
function nextDay(isoDay: string): string {
  const [y, m, d] = isoDay.split("-").map(Number);
  return new Date(Date.UTC(y, m - 1, d + 1)).toISOString().slice(0, 10);
}

function descriptionOf(filing: FilingRecord, lawsuit: LawsuitName | null, url: string): string {
  const lines: string[] = [];
  if (lawsuit) lines.push(`${lawsuit.caseNameShort}, No. ${lawsuit.docketNumber} (${lawsuit.court})`);
  lines.push(filing.summary.trim());
  if (filing.states.length > 0) lines.push(`Jurisdictions: ${filing.states.map((s) => getJurisdictionName(s.jurisdiction)).join(", ")}.`);
  lines.push(url);
  return lines.join("\n\n");
}

export interface HearingCalendar {
  /** The iCalendar text, the calendar's header first and then event by event, read on demand. */
  chunks: AsyncGenerator<string>;
  /** `Docketline-Range` and, when more hearings follow, `Link: rel=next`. */
  headers: Record<string, string>;
  /** Hearings written as events. */
  events: number;
  /** Hearings known only to the month or year, left out. */
  omitted: number;
}

type Position = { id: string; date_filed: string; date_filed_precision: "day" };

/** The calendar of a filter's hearings, at most `limit` events from the filter's cursor on; nothing is read from the cursor until `chunks` is. */
export async function openHearingCalendar(sql: Sql, filter: Filter, options: { origin: string; limit: number }): Promise<HearingCalendar> {
  const { origin, limit } = options;
  const hearings = hearingsOf(filter);
  const newestFirst = filter.sort !== "oldest";
  const cursor = filter.cursor ? decodeCursor(filter.cursor) : null;
  const conditions = hearings ? [...filterConditions(hearings), Prisma.sql`f."date_filed_precision" = 'day'`] : [Prisma.sql`false`];
  if (cursor) conditions.push(afterKey(cursor.key, newestFirst));
  const order = timelineOrder(newestFirst);

  // Everything but the events is read first: the events' cursor holds its connection.
  const [words, boundary, omitted] = await Promise.all([
    describeFilterInWords(sql, { ...filter, kind: filter.kind.filter((k) => k !== "hearing") }),
    readBoundary<Position>(sql, { columns: Prisma.sql`f."id", f."date_filed", f."date_filed_precision"::text AS "date_filed_precision"`, conditions, order }, limit),
    hearings ? countOmitted(sql, hearings) : 0,
  ]);
  // The hearings on the timeline, in the reader's own order.
  const timeline = `${origin}${hrefWithFilter("/", hearings ? { ...filter, kind: ["hearing"], cursor: undefined } : { ...filter, cursor: undefined })}`;
  const firstDay = boundary.first && sortKeyOf(boundary.first).date;
  const lastDay = boundary.last && sortKeyOf(boundary.last).date;
  const next = boundary.more && boundary.last ? `${origin}${boundedPath("/calendar.ics", { ...filter, cursor: encodeCursor("after", sortKeyOf(boundary.last)) }, { limit, defaultLimit: CALENDAR_BOUND.defaultLimit })}` : null;

  const calendar = ical({
    name: words ? `Docketline: hearings (${words})` : "Docketline: hearings",
    prodId: { company: "Docketline", product: "Docketline", language: "EN" },
    url: timeline,
    ttl: REFRESH_SECONDS,
  });
  const description = ["Hearings in multistate litigation tracked by Docketline, as all-day events on the day of the hearing."];
  const which = newestFirst ? "latest" : "earliest";
  const span = firstDay && lastDay ? `, from ${formatPartialDate(newestFirst ? lastDay : firstDay)} to ${formatPartialDate(newestFirst ? firstDay : lastDay)}` : "";
  description.push(
    `This calendar holds the ${boundary.count === 1 ? "1 hearing" : `${boundary.count} hearings`} known to the day${cursor ? " after the previous part" : ""}${span}, the ${which} first, at most ${limit} at a time (limit=${limit}).`,
  );
  if (next) description.push(`${newestFirst ? "Earlier" : "Later"} hearings: ${next}`);
  if (omitted > 0) {
    description.push(
      `${omitted === 1 ? "1 hearing is" : `${omitted} hearings are`} known only to the month or year and ${omitted === 1 ? "is" : "are"} not shown as ${omitted === 1 ? "an event" : "events"}: see ${timeline}`,
    );
  }
  calendar.description(description.join(" "));

  const headers: Record<string, string> = {
    "Docketline-Range": [`limit=${limit}`, `order=${newestFirst ? "newest" : "oldest"}`, `events=${boundary.count}`, ...(firstDay && lastDay ? [`first=${firstDay}`, `last=${lastDay}`] : [])].join("; "),
  };
  if (next) headers.Link = nextLink(next);

  // Up to and including the last position named above, whatever is written meanwhile.
  const within = boundary.last ? [...conditions, Prisma.sql`NOT ${afterKey(sortKeyOf(boundary.last), newestFirst)}`] : [Prisma.sql`false`];
  return { chunks: calendarChunks(sql, calendar, { conditions: within, order, origin, limit }), headers, events: boundary.count, omitted };
}

/** Hearings under the filter known only to the month or year: the calendar says how many it leaves out. */
async function countOmitted(sql: Sql, hearings: Filter): Promise<number> {
  const [{ n }] = await runWithPostgres(sql)<{ n: number }>(
    Prisma.sql`SELECT count(*)::int AS n FROM "filing" f ${whereClause([...filterConditions(hearings), Prisma.sql`f."date_filed_precision" <> 'day'`])}`,
  );
  return n;
}

/**
 * The calendar as ical-generator writes it, a piece at a time: its text without events,
 * then each event as the library writes it (the same bytes as one toString() of the
 * whole calendar), the events dropped from the calendar after each batch so that memory
 * holds one batch.
 */
function calendarChunks(
  sql: Sql,
  calendar: ICalCalendar,
  selection: { conditions: Prisma.Sql[]; order: Prisma.Sql; origin: string; limit: number },
): AsyncGenerator<string> {
  const batches = publicFilingRecords<{ updated_at: Date; lawsuit_name: LawsuitName | null }>(
    sql,
    { conditions: selection.conditions, order: selection.order, columns: [Prisma.sql`f."updated_at"`, LAWSUIT_NAME_COLUMN] },
    EVENT_BATCH,
  );
  const write = ({ record: filing, extra }: { record: FilingRecord; extra: { updated_at: Date; lawsuit_name: LawsuitName | null } }) => {
    const url = filingUrl(selection.origin, filing.id);
    const day = periodOf(filing.dateFiled).start;
    const updatedAt = new Date(extra.updated_at);
    return calendar
      .createEvent({
        id: `${filing.id}@docketline`,
        allDay: true,
        start: day,
        end: nextDay(day),
        stamp: updatedAt,
        lastModified: updatedAt,
        summary: filing.title,
        description: descriptionOf(filing, extra.lawsuit_name, url),
        url,
        categories: [{ name: FILING_KIND_LABELS.hearing }],
      })
      .toString();
  };
  return writeAround(calendar.toString(), "END:VCALENDAR", batches, write, { limit: selection.limit, afterBatch: () => calendar.clear() });
}
