// Where a feed's older entries start: the last entry of the answer before, by the feed's
// order (most recently updated first, then id). Opaque to readers, as the timeline's
// cursor is (lib/timeline/cursor.ts), and only ever written by a feed's `Link: rel=next`.

export interface FeedPosition {
  updatedAt: Date;
  id: string;
}

export function encodeFeedPosition(position: FeedPosition): string {
  return `u.${Buffer.from(JSON.stringify([position.updatedAt.toISOString(), position.id])).toString("base64url")}`;
}

/** Null for anything a feed did not write. */
export function decodeFeedPosition(text: string): FeedPosition | null {
  const match = /^u\.([A-Za-z0-9_-]+)$/.exec(text);
  if (!match) return null;
  try {
    const [iso, id] = JSON.parse(Buffer.from(match[1], "base64url").toString("utf8")) as unknown[];
    if (typeof iso !== "string" || !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/.test(iso)) return null;
    const updatedAt = new Date(iso);
    if (Number.isNaN(updatedAt.getTime()) || updatedAt.toISOString() !== iso) return null;
    if (typeof id !== "string" || id.length === 0 || id.length > 120) return null;
    return { updatedAt, id };
  } catch {
    return null;
  }
}

/** The one definition of a valid `before` (lib/filters/schema.ts refuses any other). */
export function isFeedPosition(text: string): boolean {
  return decodeFeedPosition(text) !== null;
}
