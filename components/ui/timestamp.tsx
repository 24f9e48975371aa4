// A moment, for people (lib/dates/timestamp: "2 July 2026, 14:05 UTC", or the day with
// `day`) and for machines (<time dateTime>, the ISO string).
import { formatTimestamp, formatTimestampDay } from "@/lib/dates/timestamp";

export function Timestamp({ iso, day = false }: { iso: string; day?: boolean }) {
  return <time dateTime={iso}>{day ? formatTimestampDay(iso) : formatTimestamp(iso)}</time>;
}
