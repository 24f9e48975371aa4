// Hears every write to public content, from any process (a staff save in Next.js, an
// import from the command line, a restore), through PostgreSQL's NOTIFY: the triggers
// of migrations 20261202090000 and 20261212090000 notify the channel at each commit that
// changed content, naming what changed where they can (tags.ts).
import { createSql } from "@/lib/db/sql";
import { EVERYTHING, parseContentChange, type ContentChange } from "@/lib/http-cache/tags";

export const CONTENT_CHANNEL = "docketline_content";

/**
 * Calls `onChange` after every committed change of content with what it changed, and
 * when the connection (re)opens: notifications sent while it was down are lost, so a
 * reconnection counts as a change of everything. Resolves once listening; the function
 * it resolves to stops.
 */
export async function listenForContentChanges(databaseUrl: string, onChange: (change: ContentChange) => void): Promise<() => Promise<void>> {
  const sql = createSql(databaseUrl, { max: 1 });
  try {
    await sql.listen(CONTENT_CHANNEL, (payload) => onChange(parseContentChange(payload)), () => onChange(EVERYTHING));
  } catch (error) {
    await sql.end({ timeout: 1 });
    throw error;
  }
  return () => sql.end({ timeout: 1 });
}
