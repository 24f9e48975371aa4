// The hearings among the timeline's filtered filings, as iCalendar, bounded and streamed; see lib/calendar/ical.ts.
import { getRequestOrigin } from "@/lib/api/urls";
import { CALENDAR_BOUND, CALENDAR_CONTENT_TYPE, openHearingCalendar } from "@/lib/calendar/ical";
import { getBulkSql } from "@/lib/db/bulk";
import { downloadResponse, exportFilename, parseExportQuery } from "@/lib/exports/http";
import { toByteStream } from "@/lib/exports/stream";
import { originVary } from "@/lib/origin";

export const dynamic = "force-dynamic";

export async function GET(request: Request): Promise<Response> {
  const query = parseExportQuery(request, { bound: CALENDAR_BOUND });
  if (!query.ok) return query.response;
  const calendar = await openHearingCalendar(getBulkSql(), query.filter, { origin: getRequestOrigin(request), limit: query.limit });
  return downloadResponse(toByteStream(calendar.chunks), CALENDAR_CONTENT_TYPE, exportFilename("hearings", { ...query.filter, cursor: undefined }, "ics"), {
    ...originVary(),
    ...calendar.headers,
  });
}
