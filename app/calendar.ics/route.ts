// The hearings among the timeline's filtered filings, as iCalendar; see lib/calendar/ical.ts.
import { getRequestOrigin } from "@/lib/api/urls";
import { buildHearingCalendar, CALENDAR_CONTENT_TYPE } from "@/lib/calendar/ical";
import { getBulkSql } from "@/lib/db/bulk";
import { downloadResponse, exportFilename, parseExportQuery } from "@/lib/exports/http";
import { originVary } from "@/lib/origin";

export const dynamic = "force-dynamic";

export async function GET(request: Request): Promise<Response> {
  const query = parseExportQuery(request);
  if (!query.ok) return query.response;
  const { ics } = await buildHearingCalendar(getBulkSql(), query.filter, { origin: getRequestOrigin(request) });
  return downloadResponse(ics, CALENDAR_CONTENT_TYPE, exportFilename("hearings", query.filter, "ics"), originVary());
}
