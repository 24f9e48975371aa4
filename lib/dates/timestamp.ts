// When something happened, for people: "2 July 2026, 14:05 UTC", or the day alone
// ("2 July 2026"). The one format of a moment in Docketline, written like its partial
// dates (lib/dates/partial-date) and always in UTC, named as such: every reader, the
// browser and the server that renders the page see the same moment written the same way.
// (Machines get the ISO string, in <time dateTime>.)
import { format } from "date-fns";

/** date-fns formats in the process's zone: move the moment so that its local fields read UTC. */
function asUtcFields(date: Date): Date {
  return new Date(date.getTime() + date.getTimezoneOffset() * 60_000);
}

function parse(moment: string | Date): Date | null {
  const date = typeof moment === "string" ? new Date(moment) : moment;
  return Number.isNaN(date.getTime()) ? null : date;
}

/** "2 July 2026, 14:05 UTC"; a string that is not a moment is returned as it is. */
export function formatTimestamp(moment: string | Date): string {
  const date = parse(moment);
  return date ? `${format(asUtcFields(date), "d MMMM yyyy, HH:mm")} UTC` : String(moment);
}

/** "2 July 2026": the day (in UTC) of a moment; a string that is not a moment is returned as it is. */
export function formatTimestampDay(moment: string | Date): string {
  const date = parse(moment);
  return date ? format(asUtcFields(date), "d MMMM yyyy") : String(moment);
}
