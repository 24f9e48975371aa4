// When a change was made, for people ("2 July 2026, 14:05 UTC") and machines
// (<time datetime>). Shown in UTC so that every reader, and the server that renders
// the page, sees the same moment written the same way.
import { format } from "date-fns";

/** date-fns formats in the process's zone: move the moment so that its local fields read UTC. */
function asUtcFields(date: Date): Date {
  return new Date(date.getTime() + date.getTimezoneOffset() * 60_000);
}

/** "2 July 2026": the day of a change. */
export function formatChangeDay(iso: string): string {
  return format(asUtcFields(new Date(iso)), "d MMMM yyyy");
}

export function RevisionTime({ iso, day = false }: { iso: string; day?: boolean }) {
  const text = day ? formatChangeDay(iso) : `${format(asUtcFields(new Date(iso)), "d MMMM yyyy, HH:mm")} UTC`;
  return <time dateTime={iso}>{text}</time>;
}
