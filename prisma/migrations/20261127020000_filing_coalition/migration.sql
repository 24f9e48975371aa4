-- The coalition of each filing, denormalised onto the filing as search tokens, so that
-- the timeline filters and counts by state without reading filing_state (ten rows per
-- filing) for every filing it orders: "NM" for each state that joined, "NM:lead" for
-- its role, and "role:lead" for each role present. filing_state stays the record;
-- statement-level triggers keep the tokens in step with it on every write path.

-- AlterTable
ALTER TABLE "filing" ADD COLUMN "coalition" TEXT[] NOT NULL DEFAULT ARRAY[]::TEXT[];

-- CreateIndex
CREATE INDEX "filing_coalition_idx" ON "filing" USING GIN ("coalition");

CREATE FUNCTION "refresh_filing_coalition"(filing_ids TEXT[]) RETURNS void
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
    WHERE f."id" = ANY(filing_ids);
$$;

CREATE FUNCTION "filing_coalition_on_state_new"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    PERFORM "refresh_filing_coalition"(ARRAY(SELECT DISTINCT "filing_id" FROM new_rows));
    RETURN NULL;
END $$;

CREATE FUNCTION "filing_coalition_on_state_old"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    PERFORM "refresh_filing_coalition"(ARRAY(SELECT DISTINCT "filing_id" FROM old_rows));
    RETURN NULL;
END $$;

CREATE TRIGGER "filing_coalition_after_state_insert" AFTER INSERT ON "filing_state"
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "filing_coalition_on_state_new"();
CREATE TRIGGER "filing_coalition_after_state_update" AFTER UPDATE ON "filing_state"
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "filing_coalition_on_state_new"();
CREATE TRIGGER "filing_coalition_after_state_delete" AFTER DELETE ON "filing_state"
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "filing_coalition_on_state_old"();

-- Updating a filing's coalition must not rebuild its search document: refresh only the
-- filings whose searched text changed (this replaces the trigger of 20261127010000).
DROP TRIGGER "filing_search_after_filing_update" ON "filing";

CREATE FUNCTION "filing_search_on_filing_update"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    PERFORM "refresh_filing_search"(ARRAY(
        SELECT n."id" FROM new_rows n JOIN old_rows o ON o."id" = n."id"
        WHERE (n."title", n."summary", n."lawsuit_id") IS DISTINCT FROM (o."title", o."summary", o."lawsuit_id")
    ));
    RETURN NULL;
END $$;

CREATE TRIGGER "filing_search_after_filing_update" AFTER UPDATE ON "filing"
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "filing_search_on_filing_update"();

-- Filings that exist already.
SELECT "refresh_filing_coalition"(ARRAY(SELECT "id" FROM "filing"));
