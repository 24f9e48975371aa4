// Finding a lawsuit by words of its caption or by its docket number: the timeline's
// lawsuit search field (with and without JavaScript) and GET /api/v1/lawsuits?q=.
// Served by the GIN index on lawsuit.search_document (migration 20261202100000_lawsuit_search).
import "server-only";

import { db } from "@/lib/db/client";
import { fromStored } from "@/lib/dates/partial-date";
import type { LawsuitStatus } from "@/lib/dataset/schema";
import { fromDbEnum } from "@/lib/filings/kinds";
import type { LawsuitRef } from "@/lib/lawsuits/queries";
import { prefixTsquery, searchTerms } from "@/lib/search-words";

/** At most this many matches are offered: a reader refines the words rather than scrolls. */
export const LAWSUIT_SEARCH_LIMIT = 10;

/**
 * The text search query for what a reader typed, or null when it holds no word. Every
 * word is a prefix (the reader may not have finished typing it), all of them must
 * match; a query with a digit may also be a docket number, compacted as the migration
 * compacts it ("2:18-CV-939" → "218cv939"). Only letters and digits reach to_tsquery,
 * so no input can be read as an operator.
 */
export function lawsuitSearchQuery(text: string): { tsquery: string; docket: string | null } | null {
  const words = searchTerms(text);
  const captionQuery = prefixTsquery(words);
  if (captionQuery === null) return null;
  const docket = /\p{N}/u.test(text) ? words.join("") : null;
  return { tsquery: docket ? `(${captionQuery}) | ${docket}:*` : captionQuery, docket };
}

export interface LawsuitSearchResult {
  /** The best matches, at most `limit`: an exact docket number first, then by relevance, newest first. */
  matches: LawsuitRef[];
  /** Every public lawsuit that matches. */
  total: number;
}

interface MatchRow {
  id: string;
  case_name_short: string;
  docket_number: string;
  court: string;
  date_filed: string;
  date_filed_precision: "day" | "month" | "year";
  status: string;
  total: number;
}

/** Public lawsuits whose caption has these words, or whose docket number starts with them. */
export async function searchLawsuits(text: string, limit = LAWSUIT_SEARCH_LIMIT): Promise<LawsuitSearchResult> {
  const query = lawsuitSearchQuery(text);
  if (!query) return { matches: [], total: 0 };
  const rows = await db.$queryRaw<MatchRow[]>`
    WITH q AS (SELECT to_tsquery('simple', ${query.tsquery}) AS query),
    found AS (
      SELECT l.*, count(*) OVER ()::int AS total
        FROM lawsuit l, q
       WHERE l.search_document @@ q.query AND l.is_public
    )
    SELECT f.id, f.case_name_short, f.docket_number, c.short_name AS court,
           to_char(f.date_filed, 'YYYY-MM-DD') AS date_filed, f.date_filed_precision::text AS date_filed_precision,
           f.status::text AS status, f.total
      FROM found f
      JOIN court c ON c.id = f.court_id, q
     ORDER BY (regexp_replace(lower(f.docket_number), '[^[:alnum:]]', '', 'g') = ${query.docket ?? ""}) DESC,
              ts_rank(f.search_document, q.query) DESC, f.date_filed DESC, f.id
     LIMIT ${limit}`;
  return {
    matches: rows.map((row) => ({
      id: row.id,
      caseNameShort: row.case_name_short,
      docketNumber: row.docket_number,
      court: row.court,
      dateFiled: fromStored(row.date_filed, row.date_filed_precision),
      status: fromDbEnum<LawsuitStatus>(row.status),
    })),
    total: rows[0]?.total ?? 0,
  };
}
