-- Filtered counts without reading the filings (issue 9, item 5; docs/decisions/014).
--
-- 1. Counts per month. A timeline filtered by a date range (and one state, or kinds)
--    needs its facets and total per month, which filing_count (migration
--    20261202110000) had only per year and kind. The new keys "dated-state",
--    "dated-kind", "dated-demandCategory" and "dated-outcome" count filings per period
--    and value: 'YYYY-MM-01|month|NM' for a filing dated to the day or the month,
--    'YYYY-01-01|year|NM' for one known only to the year (not per lawsuit: a row per
--    lawsuit and month would be about as many rows as filings). A filter whose bounds
--    are whole months or years treats every filing of a month alike, so the timeline's
--    one date condition (lib/timeline/queries.ts), applied to these periods, sums to
--    the exact count.
-- 2. Pairs from the jurisdictions only. The pair key crossed every coalition token
--    with every other ("NM:lead", "role:lead" included, about 20 per filing) before
--    keeping two-letter ones: 400 combinations per filing where 45 are pairs. Crossing
--    the jurisdictions alone gives the same keys at a quarter of the work, for the
--    trigger (imports) and for filtered insights, which sum these keys.
CREATE OR REPLACE FUNCTION "filing_count_keys"(kind "filing_kind", lawsuit_id TEXT, date_filed DATE, date_filed_precision "date_precision", coalition TEXT[], demand_tokens TEXT[])
RETURNS TABLE ("facet" TEXT, "value" TEXT)
LANGUAGE sql IMMUTABLE AS $$
    WITH jurisdictions AS (SELECT t FROM unnest(coalition) AS t WHERE length(t) = 2),
         period AS (SELECT CASE WHEN date_filed_precision = 'year' THEN to_char(date_filed, 'YYYY-01-01|"year"|') ELSE to_char(date_filed, 'YYYY-MM-01|"month"|') END AS p)
    SELECT 'total', ''
    UNION ALL SELECT 'kind', CAST(kind AS TEXT)
    UNION ALL SELECT 'lawsuit', lawsuit_id WHERE lawsuit_id IS NOT NULL
    UNION ALL SELECT 'period', concat_ws('|',
        CASE WHEN date_filed_precision = 'year' THEN '' ELSE to_char(date_filed, 'YYYY-MM') END,
        extract(year FROM date_filed)::int, CAST(kind AS TEXT), CASE WHEN cardinality(coalition) > 0 THEN 't' ELSE 'f' END)
    UNION ALL SELECT 'state', t FROM jurisdictions
    UNION ALL SELECT 'state-year', t || '|' || extract(year FROM date_filed)::int FROM unnest(coalition) AS t WHERE t NOT LIKE 'role:%'
    UNION ALL SELECT 'pair', a.t || '|' || b.t FROM jurisdictions a JOIN jurisdictions b ON a.t < b.t
    UNION ALL SELECT 'demandCategory', substr(t, 10) FROM unnest(demand_tokens) AS t WHERE t LIKE 'category:%'
    UNION ALL SELECT 'outcome', substr(t, 9) FROM unnest(demand_tokens) AS t WHERE t LIKE 'outcome:%'
    UNION ALL SELECT 'demand', t FROM unnest(demand_tokens) AS t WHERE t NOT LIKE 'category:%' AND t NOT LIKE 'outcome:%'
    UNION ALL SELECT 'dated-kind', p || CAST(kind AS TEXT) FROM period
    UNION ALL SELECT 'dated-state', p || t FROM period, jurisdictions
    UNION ALL SELECT 'dated-demandCategory', p || substr(t, 10) FROM period, unnest(demand_tokens) AS t WHERE t LIKE 'category:%'
    UNION ALL SELECT 'dated-outcome', p || substr(t, 9) FROM period, unnest(demand_tokens) AS t WHERE t LIKE 'outcome:%'
$$;

-- As in migration 20261202110000, with the per-month demand keys among those that an
-- update of a filing's demands alone changes.
CREATE OR REPLACE FUNCTION "filing_count_apply"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        INSERT INTO "filing_count" AS c ("facet", "value", "count")
        SELECT k."facet", k."value", count(*)
        FROM new_rows n, "filing_count_keys"(n."kind", n."lawsuit_id", n."date_filed", n."date_filed_precision", n."coalition", n."demand_tokens") k
        WHERE n."is_public"
        GROUP BY 1, 2 ORDER BY 1, 2
        ON CONFLICT ("facet", "value") DO UPDATE SET "count" = c."count" + EXCLUDED."count";
    ELSIF TG_OP = 'DELETE' THEN
        INSERT INTO "filing_count" AS c ("facet", "value", "count")
        SELECT k."facet", k."value", -count(*)
        FROM old_rows o, "filing_count_keys"(o."kind", o."lawsuit_id", o."date_filed", o."date_filed_precision", o."coalition", o."demand_tokens") k
        WHERE o."is_public"
        GROUP BY 1, 2 ORDER BY 1, 2
        ON CONFLICT ("facet", "value") DO UPDATE SET "count" = c."count" + EXCLUDED."count";
    ELSE
        -- Only the rows whose counted columns changed (most updates change none), paired
        -- by id with a hash join (an anti-join on the transition tables, which have no
        -- statistics, can turn quadratic).
        INSERT INTO "filing_count" AS c ("facet", "value", "count")
        WITH changed AS MATERIALIZED (
            SELECT o, n,
                   -- Only the demands changed (an import's demand statement): the other keys cancel out, skip them.
                   o."id" IS NOT NULL AND n."id" IS NOT NULL
                   AND (o."is_public", o."kind", o."lawsuit_id", o."date_filed", o."date_filed_precision", o."coalition")
                       IS NOT DISTINCT FROM (n."is_public", n."kind", n."lawsuit_id", n."date_filed", n."date_filed_precision", n."coalition") AS "demands_only"
            FROM old_rows o FULL JOIN new_rows n ON n."id" = o."id"
            WHERE o."id" IS NULL OR n."id" IS NULL
               OR (o."is_public", o."kind", o."lawsuit_id", o."date_filed", o."date_filed_precision", o."coalition", o."demand_tokens")
                  IS DISTINCT FROM (n."is_public", n."kind", n."lawsuit_id", n."date_filed", n."date_filed_precision", n."coalition", n."demand_tokens")
        )
        SELECT k."facet", k."value", sum(k."delta")
        FROM (
            SELECT k.*, 1 AS "delta"
            FROM changed x, "filing_count_keys"((x.n)."kind", (x.n)."lawsuit_id", (x.n)."date_filed", (x.n)."date_filed_precision", (x.n)."coalition", (x.n)."demand_tokens") k
            WHERE (x.n)."is_public" AND (NOT x."demands_only" OR k."facet" IN ('demandCategory', 'outcome', 'demand', 'dated-demandCategory', 'dated-outcome'))
            UNION ALL
            SELECT k.*, -1 AS "delta"
            FROM changed x, "filing_count_keys"((x.o)."kind", (x.o)."lawsuit_id", (x.o)."date_filed", (x.o)."date_filed_precision", (x.o)."coalition", (x.o)."demand_tokens") k
            WHERE (x.o)."is_public" AND (NOT x."demands_only" OR k."facet" IN ('demandCategory', 'outcome', 'demand', 'dated-demandCategory', 'dated-outcome'))
        ) k
        GROUP BY 1, 2 HAVING sum(k."delta") <> 0 ORDER BY 1, 2
        ON CONFLICT ("facet", "value") DO UPDATE SET "count" = c."count" + EXCLUDED."count";
    END IF;
    RETURN NULL;
END $$;

-- The new keys of the filings that exist already.
INSERT INTO "filing_count" ("facet", "value", "count")
SELECT k."facet", k."value", count(*)
FROM "filing" f, "filing_count_keys"(f."kind", f."lawsuit_id", f."date_filed", f."date_filed_precision", f."coalition", f."demand_tokens") k
WHERE f."is_public" AND k."facet" LIKE 'dated-%'
GROUP BY 1, 2;

-- 3. The timeline's order index carries the columns that filters and facets read, so
--    that counting a date range (or scanning for a state, a kind, a demand token) is an
--    index-only scan of about a third of the table's size instead of a visit to every
--    heap page (the rows are in import order, not date order). Same key, same name:
--    Prisma's @@index describes the key; the INCLUDE columns are invisible to it.
DROP INDEX "filing_date_filed_date_filed_precision_id_idx";
CREATE INDEX "filing_date_filed_date_filed_precision_id_idx" ON "filing" ("date_filed", "date_filed_precision" DESC, "id")
    INCLUDE ("is_public", "kind", "lawsuit_id", "coalition", "demand_tokens");
