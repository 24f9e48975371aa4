// /calendar.ics: the hearings among the filings the timeline's filter matches, as an
// iCalendar file (RFC 5545, written by ical-generator) to subscribe to or import.
//
// A hearing known to the day is an all-day event on that day: the data records no
// time, so none is invented. A hearing known only to the month or the year is left
// out: an event needs a day, and an all-day event across the whole month would say the
// hearing lasted all month. The calendar's description says how many were left out and
// links to them on the timeline.
//
// Deadlines that orders set are not here: the data model does not record them yet.
import "server-only";

import ical from "ical-generator";

import type { FilingRecord } from "@/lib/dataset/schema";
import { parsePartialDate, periodOf } from "@/lib/dates/partial-date";
import type { Sql } from "@/lib/db/sql";
import { describeFilterInWords } from "@/lib/exports/describe";
import { filingUrl } from "@/lib/exports/filings-csv";
import { createLookup, readCourts, readFilings, readLawsuits } from "@/lib/exports/records";
import { filingIdPages } from "@/lib/exports/stream";
import { FILING_KIND_LABELS } from "@/lib/filings/kinds";
import { hrefWithFilter, type Filter } from "@/lib/filters/schema";
import { getJurisdictionName } from "@/lib/jurisdictions/reference";

export const CALENDAR_CONTENT_TYPE = "text/calendar; charset=utf-8";

/** How often subscribers should look again. */
const REFRESH_SECONDS = 12 * 60 * 60;

/** The filter narrowed to hearings; null when its kinds leave no hearing in. */
export function hearingsOf(filter: Filter): Filter | null {
  if (filter.kind.length > 0 && !filter.kind.includes("hearing")) return null;
  return { ...filter, kind: ["hearing"], sort: "oldest", cursor: undefined };
}

/** The day after an ISO day: all-day events end (exclusively) on the next day. */
function nextDay(isoDay: string): string {
  const [y, m, d] = isoDay.split("-").map(Number);
  return new Date(Date.UTC(y, m - 1, d + 1)).toISOString().slice(0, 10);
}

type LawsuitFacts = { caseNameShort: string; docketNumber: string; court: string };

function descriptionOf(filing: FilingRecord, lawsuit: LawsuitFacts | undefined, courts: { get(id: string): string | undefined }, url: string): string {
  const lines: string[] = [];
  if (lawsuit) lines.push(`${lawsuit.caseNameShort}, No. ${lawsuit.docketNumber} (${courts.get(lawsuit.court) ?? lawsuit.court})`);
  lines.push(filing.summary.trim());
  if (filing.states.length > 0) lines.push(`Jurisdictions: ${filing.states.map((s) => getJurisdictionName(s.jurisdiction)).join(", ")}.`);
  lines.push(url);
  return lines.join("\n\n");
}

export interface HearingCalendar {
  ics: string;
  /** Hearings written as events. */
  events: number;
  /** Hearings known only to the month or year, left out. */
  omitted: number;
}

export async function buildHearingCalendar(sql: Sql, filter: Filter, options: { origin: string }): Promise<HearingCalendar> {
  const { origin } = options;
  const hearings = hearingsOf(filter);
  const words = await describeFilterInWords(sql, { ...filter, kind: filter.kind.filter((k) => k !== "hearing") });
  // The hearings on the timeline, in the reader's own order.
  const timeline = `${origin}${hrefWithFilter("/", hearings ? { ...filter, kind: ["hearing"] } : filter)}`;
  const calendar = ical({
    name: words ? `Docketline: hearings (${words})` : "Docketline: hearings",
    prodId: { company: "Docketline", product: "Docketline", language: "EN" },
    url: timeline,
    ttl: REFRESH_SECONDS,
  });

  let omitted = 0;
  if (hearings) {
    const courts = createLookup((ids) => readCourts(sql, ids), (c) => c.shortName);
    const lawsuits = createLookup(
      (ids) => readLawsuits(sql, ids),
      (l): LawsuitFacts => ({ caseNameShort: l.caseNameShort, docketNumber: l.docketNumber, court: l.court }),
    );
    for await (const ids of filingIdPages(sql, hearings)) {
      const [filings, stamps] = await Promise.all([
        readFilings(sql, ids),
        sql<{ id: string; updated_at: Date }[]>`SELECT id, updated_at FROM filing WHERE id = ANY(${ids})`,
      ]);
      const updatedAt = new Map(stamps.map((s) => [s.id, new Date(s.updated_at)]));
      await lawsuits.load(filings.flatMap((f) => (f.lawsuit ? [f.lawsuit] : [])));
      // A lawsuit unpublished while the calendar is being read is not found: no court then, rather than a failure.
      await courts.load(filings.flatMap((f) => (f.lawsuit && lawsuits.get(f.lawsuit) ? [lawsuits.get(f.lawsuit)!.court] : [])));
      for (const filing of filings) {
        if (parsePartialDate(filing.dateFiled)?.precision !== "day") {
          omitted++;
          continue;
        }
        const url = filingUrl(origin, filing.id);
        const day = periodOf(filing.dateFiled).start;
        calendar.createEvent({
          id: `${filing.id}@docketline`,
          allDay: true,
          start: day,
          end: nextDay(day),
          stamp: updatedAt.get(filing.id) ?? new Date(),
          lastModified: updatedAt.get(filing.id),
          summary: filing.title,
          description: descriptionOf(filing, filing.lawsuit ? lawsuits.get(filing.lawsuit) : undefined, courts, url),
          url,
          categories: [{ name: FILING_KIND_LABELS.hearing }],
        });
      }
    }
  }

  const description = ["Hearings in multistate litigation tracked by Docketline, as all-day events on the day of the hearing."];
  if (omitted > 0) {
    description.push(
      `${omitted === 1 ? "1 hearing is" : `${omitted} hearings are`} known only to the month or year and ${omitted === 1 ? "is" : "are"} not shown as ${omitted === 1 ? "an event" : "events"}: see ${timeline}`,
    );
  }
  calendar.description(description.join(" "));
  return { ics: calendar.toString(), events: calendar.events().length, omitted };
}
