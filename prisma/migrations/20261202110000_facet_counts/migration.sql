-- Counts kept by the database (issue 9, item 5; docs/decisions/004): the unfiltered
-- timeline's facet counts, the insights' aggregates, the state pages' activity and the
-- jurisdiction list are read from filing_count instead of being counted over 100,000
-- filings (a million filing × state rows) on every request.
--
-- Every count is a sum over public filings of the keys each filing contributes
-- (filing_count_keys below), and every key is computed from the filing row alone: its
-- kind, lawsuit, date, coalition tokens and demand tokens. One statement-level trigger
-- on filing, with transition tables, therefore keeps the counts exact on every write
-- path (import, staff save, publish/unpublish, delete/restore, a lawsuit hiding its
-- filings, a hard delete): it subtracts the keys of the old rows that were public and
-- adds those of the new rows that are, once per statement, not once per row.

-- The demands of each filing, denormalised onto the filing like its coalition
-- (migration 20261127020000), so that a change to a filing's demands is a change to
-- the filing row: "category:reunification" and "outcome:granted" once per filing
-- (facet counts count filings), "reunification|granted" once per demand (insights
-- count demands).
ALTER TABLE "filing" ADD COLUMN "demand_tokens" TEXT[] NOT NULL DEFAULT ARRAY[]::TEXT[];

CREATE FUNCTION "refresh_filing_demand_tokens"(filing_ids TEXT[]) RETURNS void
LANGUAGE sql AS $$
    WITH tokens AS (
        SELECT f."id", coalesce((
            SELECT array_agg(t."token" ORDER BY t."token")
            FROM (
                SELECT DISTINCT 'category:' || d."category" FROM "demand" d WHERE d."filing_id" = f."id"
                UNION ALL
                SELECT DISTINCT 'outcome:' || CAST(d."outcome" AS TEXT) FROM "demand" d WHERE d."filing_id" = f."id"
                UNION ALL
                SELECT d."category" || '|' || CAST(d."outcome" AS TEXT) FROM "demand" d WHERE d."filing_id" = f."id"
            ) AS t("token")
        ), ARRAY[]::TEXT[]) AS "tokens"
        FROM "filing" f WHERE f."id" = ANY(filing_ids)
    )
    UPDATE "filing" f SET "demand_tokens" = t."tokens"
    FROM tokens t
    WHERE f."id" = t."id" AND f."demand_tokens" IS DISTINCT FROM t."tokens";
$$;

CREATE FUNCTION "filing_demand_tokens_on_demand_new"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    PERFORM "refresh_filing_demand_tokens"(ARRAY(SELECT DISTINCT "filing_id" FROM new_rows));
    RETURN NULL;
END $$;

CREATE FUNCTION "filing_demand_tokens_on_demand_old"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    PERFORM "refresh_filing_demand_tokens"(ARRAY(SELECT DISTINCT "filing_id" FROM old_rows));
    RETURN NULL;
END $$;

CREATE FUNCTION "filing_demand_tokens_on_demand_update"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    -- A demand moved to another filing changes both filings.
    PERFORM "refresh_filing_demand_tokens"(ARRAY(SELECT "filing_id" FROM new_rows UNION SELECT "filing_id" FROM old_rows));
    RETURN NULL;
END $$;

CREATE TRIGGER "filing_demand_tokens_after_demand_insert" AFTER INSERT ON "demand"
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "filing_demand_tokens_on_demand_new"();
CREATE TRIGGER "filing_demand_tokens_after_demand_update" AFTER UPDATE ON "demand"
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "filing_demand_tokens_on_demand_update"();
CREATE TRIGGER "filing_demand_tokens_after_demand_delete" AFTER DELETE ON "demand"
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "filing_demand_tokens_on_demand_old"();

-- CreateIndex
CREATE INDEX "filing_demand_tokens_idx" ON "filing" USING GIN ("demand_tokens");

-- CreateTable
CREATE TABLE "filing_count" (
    "facet" TEXT NOT NULL,
    "value" TEXT NOT NULL,
    "count" INTEGER NOT NULL,

    CONSTRAINT "filing_count_pkey" PRIMARY KEY ("facet", "value")
);

-- The keys one public filing adds 1 to. The facets of the timeline (filings per kind,
-- lawsuit, state, demand category, outcome) and the aggregates of insights and state
-- pages:
--   total       ''                      every public filing
--   period      'YYYY-MM|year|kind|j'   month ('' when known only to the year), year,
--                                       kind, and whether any jurisdiction joined (t/f)
--   state-year  'NM|2018', 'NM:lead|2018', 'NM:co-lead|2018', 'NM:joined|2018'
--   pair        'CA|NM'                 two jurisdictions that joined it (a < b)
--   demand      'category|outcome'      once per demand (insights count demands)
CREATE FUNCTION "filing_count_keys"(kind "filing_kind", lawsuit_id TEXT, date_filed DATE, date_filed_precision "date_precision", coalition TEXT[], demand_tokens TEXT[])
RETURNS TABLE ("facet" TEXT, "value" TEXT)
LANGUAGE sql IMMUTABLE AS $$
    SELECT 'total', ''
    UNION ALL SELECT 'kind', CAST(kind AS TEXT)
    UNION ALL SELECT 'lawsuit', lawsuit_id WHERE lawsuit_id IS NOT NULL
    UNION ALL SELECT 'period', concat_ws('|',
        CASE WHEN date_filed_precision = 'year' THEN '' ELSE to_char(date_filed, 'YYYY-MM') END,
        extract(year FROM date_filed)::int, CAST(kind AS TEXT), CASE WHEN cardinality(coalition) > 0 THEN 't' ELSE 'f' END)
    UNION ALL SELECT 'state', t FROM unnest(coalition) AS t WHERE length(t) = 2
    UNION ALL SELECT 'state-year', t || '|' || extract(year FROM date_filed)::int FROM unnest(coalition) AS t WHERE t NOT LIKE 'role:%'
    UNION ALL SELECT 'pair', a || '|' || b FROM unnest(coalition) AS a, unnest(coalition) AS b WHERE length(a) = 2 AND length(b) = 2 AND a < b
    UNION ALL SELECT 'demandCategory', substr(t, 10) FROM unnest(demand_tokens) AS t WHERE t LIKE 'category:%'
    UNION ALL SELECT 'outcome', substr(t, 9) FROM unnest(demand_tokens) AS t WHERE t LIKE 'outcome:%'
    UNION ALL SELECT 'demand', t FROM unnest(demand_tokens) AS t WHERE t NOT LIKE 'category:%' AND t NOT LIKE 'outcome:%'
$$;

-- Adds the keys of the public rows of new_rows and subtracts those of old_rows. Counts
-- that fall to 0 stay as rows of 0 (readers ask for count > 0); rows are written in key
-- order so that concurrent writers lock them in the same order.
CREATE FUNCTION "filing_count_apply"() RETURNS trigger
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
            WHERE (x.n)."is_public" AND (NOT x."demands_only" OR k."facet" IN ('demandCategory', 'outcome', 'demand'))
            UNION ALL
            SELECT k.*, -1 AS "delta"
            FROM changed x, "filing_count_keys"((x.o)."kind", (x.o)."lawsuit_id", (x.o)."date_filed", (x.o)."date_filed_precision", (x.o)."coalition", (x.o)."demand_tokens") k
            WHERE (x.o)."is_public" AND (NOT x."demands_only" OR k."facet" IN ('demandCategory', 'outcome', 'demand'))
        ) k
        GROUP BY 1, 2 HAVING sum(k."delta") <> 0 ORDER BY 1, 2
        ON CONFLICT ("facet", "value") DO UPDATE SET "count" = c."count" + EXCLUDED."count";
    END IF;
    RETURN NULL;
END $$;

CREATE TRIGGER "filing_count_after_insert" AFTER INSERT ON "filing"
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "filing_count_apply"();
CREATE TRIGGER "filing_count_after_update" AFTER UPDATE ON "filing"
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "filing_count_apply"();
CREATE TRIGGER "filing_count_after_delete" AFTER DELETE ON "filing"
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "filing_count_apply"();

-- Filings that exist already: their demand tokens (which counts them through the
-- update trigger), then the counts of filings whose tokens were already right (none
-- have demands yet, or none exist).
TRUNCATE "filing_count";
SELECT "refresh_filing_demand_tokens"(ARRAY(SELECT "id" FROM "filing"));
TRUNCATE "filing_count";
INSERT INTO "filing_count" ("facet", "value", "count")
SELECT k."facet", k."value", count(*)
FROM "filing" f, "filing_count_keys"(f."kind", f."lawsuit_id", f."date_filed", f."date_filed_precision", f."coalition", f."demand_tokens") k
WHERE f."is_public"
GROUP BY 1, 2;
