// The kept facet counts against a count from the filing rows, by the keys' own function
// (filing_count_keys): what the trigger and a first load's second connection both use.
import type { Sql } from "@/lib/db/sql";

/** Every kept count that differs from the same count summed over the filing rows as they are; none when all agree. */
export async function countMismatches(sql: Sql) {
  return sql`
    WITH counted AS (
      SELECT k.facet, k.value, count(*)::int AS count
      FROM filing f, filing_count_keys(f.kind, f.lawsuit_id, f.date_filed, f.date_filed_precision, f.coalition, f.demand_tokens) k
      WHERE f.is_public GROUP BY 1, 2
    )
    SELECT coalesce(c.facet, k.facet) AS facet, coalesce(c.value, k.value) AS value, c.count AS counted, k.count AS kept
    FROM counted c FULL JOIN (SELECT * FROM filing_count WHERE count <> 0) k ON k.facet = c.facet AND k.value = c.value
    WHERE c.count IS DISTINCT FROM k.count`;
}
