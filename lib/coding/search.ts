// Finding a policy by words of its name, and an agency by words of its name: the filter
// panel's policy and agency search fields (with and without JavaScript) and
// GET /api/v1/policies?q= and /api/v1/agencies?q=. The panel lists only the most frequent
// few of each (TOP_CODING_OPTIONS); these find the others. Policies are reference data,
// public whatever lawsuits challenge them (the public export carries them all), so every
// policy and agency can be found; what they are counted by is the public lawsuits only.
// A scan of the policy table, not an index: policies are few next to filings (thousands
// at most), and a search returns a few of them.
import "server-only";

import { getBulkSql } from "@/lib/db/bulk";
import type { Sql } from "@/lib/db/sql";
import { prefixTsquery, searchTerms } from "@/lib/search-words";

/** At most this many matches are offered: a reader refines the words rather than scrolls. */
export const CODING_SEARCH_LIMIT = 10;

export interface PolicyMatch {
  id: string;
  name: string;
  agencies: string[];
  /** Public lawsuits that challenge it. */
  lawsuits: number;
}

export interface AgencyMatch {
  /** As the policies name it: the value of the `agency` filter. */
  name: string;
  /** Public lawsuits that challenge a policy of the agency. */
  lawsuits: number;
}

export interface CodingSearchResult<M> {
  /** The best matches: the most challenged first, then by name. */
  matches: M[];
  /** Every match. */
  total: number;
}

/** The words as a text search, or undefined for "everything" (no words given); null when the words hold no term. */
function queryOf(text: string | undefined): string | null | undefined {
  return text === undefined ? undefined : prefixTsquery(searchTerms(text));
}

/**
 * Policies whose name has all the words (each may be the start of one), at most
 * `limit`; without words, every policy.
 */
export async function searchPolicies(text: string | undefined, limit = CODING_SEARCH_LIMIT, sql: Sql = getBulkSql()): Promise<CodingSearchResult<PolicyMatch>> {
  const query = queryOf(text);
  if (query === null) return { matches: [], total: 0 };
  const rows = await sql<(PolicyMatch & { total: number })[]>`
    SELECT p.id, p.name, p.agencies,
           (SELECT count(*) FROM lawsuit_policy lp JOIN lawsuit l ON l.id = lp.lawsuit_id AND l.is_public WHERE lp.policy_id = p.id)::int AS lawsuits,
           count(*) OVER ()::int AS total
      FROM policy p
     ${query === undefined ? sql`` : sql`WHERE to_tsvector('simple', p.name) @@ to_tsquery('simple', ${query})`}
     ORDER BY lawsuits DESC, p.name, p.id
     ${text === undefined ? sql`` : sql`LIMIT ${limit}`}`;
  return { matches: rows.map(({ id, name, agencies, lawsuits }) => ({ id, name, agencies, lawsuits })), total: rows[0]?.total ?? 0 };
}

/**
 * Agencies (as the policies name them) whose name has all the words, at most `limit`;
 * without words, every agency.
 */
export async function searchAgencies(text: string | undefined, limit = CODING_SEARCH_LIMIT, sql: Sql = getBulkSql()): Promise<CodingSearchResult<AgencyMatch>> {
  const query = queryOf(text);
  if (query === null) return { matches: [], total: 0 };
  const rows = await sql<(AgencyMatch & { total: number })[]>`
    WITH agency AS (
      SELECT a.name, count(DISTINCT l.id)::int AS lawsuits
        FROM policy p
        CROSS JOIN LATERAL unnest(p.agencies) AS a(name)
        LEFT JOIN lawsuit_policy lp ON lp.policy_id = p.id
        LEFT JOIN lawsuit l ON l.id = lp.lawsuit_id AND l.is_public
       ${query === undefined ? sql`` : sql`WHERE to_tsvector('simple', a.name) @@ to_tsquery('simple', ${query})`}
       GROUP BY a.name
    )
    SELECT name, lawsuits, count(*) OVER ()::int AS total FROM agency
     ORDER BY lawsuits DESC, name
     ${text === undefined ? sql`` : sql`LIMIT ${limit}`}`;
  return { matches: rows.map(({ name, lawsuits }) => ({ name, lawsuits })), total: rows[0]?.total ?? 0 };
}
