-- The importer's set-based merge without the row-by-row work of the derived-column
-- triggers (issue 11; docs/decisions/030).
--
-- A filing's coalition tokens, demand tokens and search document are derived from its
-- filing_state and demand rows and its lawsuit's names. Statement-level triggers keep
-- them on every write path (migrations 20261127010000, 20261127020000, 20261202110000).
-- During an import's merge they did the work three times per filing: inserting the
-- filing computed its search document, inserting its states rewrote the filing row with
-- its coalition, inserting its demands rewrote the row again with its demand tokens and
-- recomputed the search document, and every rewrite moved the facet counts and the
-- filing's index entries once more (146 s for 100,000 filings).
--
-- The merge (lib/dataset/import.ts) now writes each filing once, with its coalition and
-- demand tokens computed from the staged rows (coalitionTokens and demandTokens in
-- lib/timeline/coalition-tokens.ts, the one definition, which tests hold these triggers
-- to), and refreshes the search documents of exactly the filings it created or changed,
-- and those of the lawsuits whose names it changed, in one statement at the end. While
-- it writes, it sets `docketline.bulk_merge` to 'on' for its transaction only
-- (set_config(…, true)) and back to 'off' when it is done, and the derived-column
-- triggers below do nothing. The facet counts' trigger (filing_count_apply) still runs
-- on every statement: it counts the filing rows as they are written, tokens included.
-- The change notifications, is_public and the lawsuit search document still run too.
-- Every other writer (staff actions, plain SQL) leaves the setting unset and gets the
-- triggers as before.

CREATE FUNCTION "docketline_bulk_merge"() RETURNS boolean
LANGUAGE sql STABLE AS $$
    SELECT coalesce(current_setting('docketline.bulk_merge', true), '') = 'on';
$$;

-- A filing's search document in two parts, the same document as before (migration
-- 20261127010000): what the filing says (title, summary, demands), and its lawsuit's
-- names, joined with "||". The importer computes the first part from its staging table
-- (the demands' texts joined there as they are read) and the second once per lawsuit,
-- for the filings it writes, in one statement.
CREATE FUNCTION "filing_search_own_document"(title TEXT, summary TEXT, demand_texts TEXT) RETURNS tsvector
LANGUAGE sql IMMUTABLE AS $$
    SELECT setweight(to_tsvector('english', title), 'A') ||
           setweight(to_tsvector('english', summary), 'B') ||
           setweight(to_tsvector('english', coalesce(demand_texts, '')), 'B');
$$;

CREATE FUNCTION "filing_search_lawsuit_document"(case_name TEXT, case_name_short TEXT, docket_number TEXT) RETURNS tsvector
LANGUAGE sql IMMUTABLE AS $$
    SELECT setweight(to_tsvector('english', coalesce(case_name || ' ' || case_name_short || ' ' || docket_number, '')), 'C');
$$;

-- The refreshes take their ids by joining them, not with "= ANY(ids)", whose cost per
-- row grows with the array (a parameter array is searched linearly): a refresh of
-- 100,000 filings is one pass over them, not 100,000 × 100,000 comparisons. Same
-- documents and tokens as before.
CREATE OR REPLACE FUNCTION "refresh_filing_search"(filing_ids TEXT[]) RETURNS void
LANGUAGE sql AS $$
    INSERT INTO "filing_search" ("filing_id", "document", "updated_at")
    SELECT f."id",
           "filing_search_own_document"(f."title", f."summary", d."texts") ||
           "filing_search_lawsuit_document"(l."case_name", l."case_name_short", l."docket_number"),
           CURRENT_TIMESTAMP
    FROM (SELECT DISTINCT unnest(filing_ids) AS "id") i
    JOIN "filing" f ON f."id" = i."id"
    LEFT JOIN "lawsuit" l ON l."id" = f."lawsuit_id"
    LEFT JOIN LATERAL (
        SELECT string_agg(dm."text", ' ' ORDER BY dm."position") AS "texts" FROM "demand" dm WHERE dm."filing_id" = f."id"
    ) d ON TRUE
    ON CONFLICT ("filing_id") DO UPDATE SET "document" = EXCLUDED."document", "updated_at" = EXCLUDED."updated_at";
$$;

CREATE OR REPLACE FUNCTION "refresh_filing_coalition"(filing_ids TEXT[]) RETURNS void
LANGUAGE sql AS $$
    UPDATE "filing" f
    SET "coalition" = coalesce((
        SELECT array_agg(DISTINCT t."token" ORDER BY t."token")
        FROM "filing_state" fs
        CROSS JOIN LATERAL (VALUES
            (CAST(fs."jurisdiction_code" AS TEXT)),
            (CAST(fs."jurisdiction_code" AS TEXT) || ':' || CAST(fs."role" AS TEXT)),
            ('role:' || CAST(fs."role" AS TEXT))
        ) AS t("token")
        WHERE fs."filing_id" = f."id"
    ), ARRAY[]::TEXT[])
    FROM (SELECT DISTINCT unnest(filing_ids) AS "id") i
    WHERE f."id" = i."id";
$$;

CREATE OR REPLACE FUNCTION "refresh_filing_demand_tokens"(filing_ids TEXT[]) RETURNS void
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
        FROM (SELECT DISTINCT unnest(filing_ids) AS "id") i
        JOIN "filing" f ON f."id" = i."id"
    )
    UPDATE "filing" f SET "demand_tokens" = t."tokens"
    FROM tokens t
    WHERE f."id" = t."id" AND f."demand_tokens" IS DISTINCT FROM t."tokens";
$$;

-- The derived-column triggers, as before, but idle during a bulk merge.
CREATE OR REPLACE FUNCTION "filing_search_on_filing"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF "docketline_bulk_merge"() THEN RETURN NULL; END IF;
    PERFORM "refresh_filing_search"(ARRAY(SELECT "id" FROM new_rows));
    RETURN NULL;
END $$;

CREATE OR REPLACE FUNCTION "filing_search_on_filing_update"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF "docketline_bulk_merge"() THEN RETURN NULL; END IF;
    PERFORM "refresh_filing_search"(ARRAY(
        SELECT n."id" FROM new_rows n JOIN old_rows o ON o."id" = n."id"
        WHERE (n."title", n."summary", n."lawsuit_id") IS DISTINCT FROM (o."title", o."summary", o."lawsuit_id")
    ));
    RETURN NULL;
END $$;

CREATE OR REPLACE FUNCTION "filing_search_on_demand_new"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF "docketline_bulk_merge"() THEN RETURN NULL; END IF;
    PERFORM "refresh_filing_search"(ARRAY(SELECT DISTINCT "filing_id" FROM new_rows));
    RETURN NULL;
END $$;

CREATE OR REPLACE FUNCTION "filing_search_on_demand_old"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF "docketline_bulk_merge"() THEN RETURN NULL; END IF;
    PERFORM "refresh_filing_search"(ARRAY(SELECT DISTINCT "filing_id" FROM old_rows));
    RETURN NULL;
END $$;

CREATE OR REPLACE FUNCTION "filing_search_on_lawsuit"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF "docketline_bulk_merge"() THEN RETURN NULL; END IF;
    PERFORM "refresh_filing_search"(ARRAY(SELECT f."id" FROM "filing" f JOIN new_rows n ON n."id" = f."lawsuit_id"));
    RETURN NULL;
END $$;

CREATE OR REPLACE FUNCTION "filing_coalition_on_state_new"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF "docketline_bulk_merge"() THEN RETURN NULL; END IF;
    PERFORM "refresh_filing_coalition"(ARRAY(SELECT DISTINCT "filing_id" FROM new_rows));
    RETURN NULL;
END $$;

CREATE OR REPLACE FUNCTION "filing_coalition_on_state_old"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF "docketline_bulk_merge"() THEN RETURN NULL; END IF;
    PERFORM "refresh_filing_coalition"(ARRAY(SELECT DISTINCT "filing_id" FROM old_rows));
    RETURN NULL;
END $$;

CREATE OR REPLACE FUNCTION "filing_demand_tokens_on_demand_new"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF "docketline_bulk_merge"() THEN RETURN NULL; END IF;
    PERFORM "refresh_filing_demand_tokens"(ARRAY(SELECT DISTINCT "filing_id" FROM new_rows));
    RETURN NULL;
END $$;

CREATE OR REPLACE FUNCTION "filing_demand_tokens_on_demand_old"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF "docketline_bulk_merge"() THEN RETURN NULL; END IF;
    PERFORM "refresh_filing_demand_tokens"(ARRAY(SELECT DISTINCT "filing_id" FROM old_rows));
    RETURN NULL;
END $$;

CREATE OR REPLACE FUNCTION "filing_demand_tokens_on_demand_update"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF "docketline_bulk_merge"() THEN RETURN NULL; END IF;
    -- A demand moved to another filing changes both filings.
    PERFORM "refresh_filing_demand_tokens"(ARRAY(SELECT "filing_id" FROM new_rows UNION SELECT "filing_id" FROM old_rows));
    RETURN NULL;
END $$;
