// Keyset pagination over the timeline's order: (date filed, precision rank, id).
// A cursor is "a.<key>" (the page after that item) or "b.<key>" (the page before it);
// it is opaque to users but stable, so a paged view can be shared by URL.
import { isPartialDate } from "@/lib/dates/partial-date";

export interface SortKey {
  /** The first day of the filing's date period, YYYY-MM-DD. */
  date: string;
  /** 0 year, 1 month, 2 day: a wider period sorts first among equal first days. */
  rank: number;
  id: string;
}

export interface Cursor {
  direction: "after" | "before";
  key: SortKey;
}

export function encodeCursor(direction: Cursor["direction"], key: SortKey): string {
  const payload = Buffer.from(JSON.stringify([key.date, key.rank, key.id])).toString("base64url");
  return `${direction === "after" ? "a" : "b"}.${payload}`;
}

/** Whether a `cursor` parameter is one this code wrote: the one definition of a valid cursor (the filter's schema refuses any other). */
export function isCursor(cursor: string): boolean {
  return decodeCursor(cursor) !== null;
}

/** Null for anything that is not a cursor this code wrote. */
export function decodeCursor(cursor: string): Cursor | null {
  const match = /^([ab])\.([A-Za-z0-9_-]+)$/i.exec(cursor);
  if (!match) return null;
  try {
    const [date, rank, id] = JSON.parse(Buffer.from(match[2], "base64url").toString("utf8")) as unknown[];
    // A real calendar day: the database would refuse "2018-13-45" with an error.
    if (typeof date !== "string" || !/^\d{4}-\d{2}-\d{2}$/.test(date) || !isPartialDate(date)) return null;
    if (typeof rank !== "number" || ![0, 1, 2].includes(rank)) return null;
    if (typeof id !== "string" || id.length === 0 || id.length > 120) return null;
    return { direction: match[1].toLowerCase() === "a" ? "after" : "before", key: { date, rank, id } };
  } catch {
    return null;
  }
}
