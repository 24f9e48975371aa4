-- Full-text search over filings: each filing's title, summary, demands and lawsuit
-- names, kept in one tsvector per filing. Statement-level triggers keep it current on
-- every write path (importer, staff forms, anything else) and in batches, so a bulk
-- import refreshes each statement's rows at once rather than row by row.

-- CreateTable
CREATE TABLE "filing_search" (
    "filing_id" TEXT NOT NULL,
    "document" tsvector NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "filing_search_pkey" PRIMARY KEY ("filing_id")
);

-- CreateIndex
CREATE INDEX "filing_search_document_idx" ON "filing_search" USING GIN ("document");

-- AddForeignKey
ALTER TABLE "filing_search" ADD CONSTRAINT "filing_search_filing_id_fkey" FOREIGN KEY ("filing_id") REFERENCES "filing"("id") ON DELETE CASCADE ON UPDATE CASCADE DEFERRABLE INITIALLY IMMEDIATE;

-- The document: the title weighs most, then the summary and demands, then the lawsuit.
CREATE FUNCTION "refresh_filing_search"(filing_ids TEXT[]) RETURNS void
LANGUAGE sql AS $$
    INSERT INTO "filing_search" ("filing_id", "document", "updated_at")
    SELECT f."id",
           setweight(to_tsvector('english', f."title"), 'A') ||
           setweight(to_tsvector('english', f."summary"), 'B') ||
           setweight(to_tsvector('english', coalesce(d."texts", '')), 'B') ||
           setweight(to_tsvector('english', coalesce(l."case_name" || ' ' || l."case_name_short" || ' ' || l."docket_number", '')), 'C'),
           CURRENT_TIMESTAMP
    FROM "filing" f
    LEFT JOIN "lawsuit" l ON l."id" = f."lawsuit_id"
    LEFT JOIN LATERAL (
        SELECT string_agg(dm."text", ' ' ORDER BY dm."position") AS "texts" FROM "demand" dm WHERE dm."filing_id" = f."id"
    ) d ON TRUE
    WHERE f."id" = ANY(filing_ids)
    ON CONFLICT ("filing_id") DO UPDATE SET "document" = EXCLUDED."document", "updated_at" = EXCLUDED."updated_at";
$$;

CREATE FUNCTION "filing_search_on_filing"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    PERFORM "refresh_filing_search"(ARRAY(SELECT "id" FROM new_rows));
    RETURN NULL;
END $$;

CREATE FUNCTION "filing_search_on_demand_new"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    PERFORM "refresh_filing_search"(ARRAY(SELECT DISTINCT "filing_id" FROM new_rows));
    RETURN NULL;
END $$;

CREATE FUNCTION "filing_search_on_demand_old"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    PERFORM "refresh_filing_search"(ARRAY(SELECT DISTINCT "filing_id" FROM old_rows));
    RETURN NULL;
END $$;

CREATE FUNCTION "filing_search_on_lawsuit"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    PERFORM "refresh_filing_search"(ARRAY(SELECT f."id" FROM "filing" f JOIN new_rows n ON n."id" = f."lawsuit_id"));
    RETURN NULL;
END $$;

CREATE TRIGGER "filing_search_after_filing_insert" AFTER INSERT ON "filing"
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "filing_search_on_filing"();
CREATE TRIGGER "filing_search_after_filing_update" AFTER UPDATE ON "filing"
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "filing_search_on_filing"();
CREATE TRIGGER "filing_search_after_demand_insert" AFTER INSERT ON "demand"
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "filing_search_on_demand_new"();
CREATE TRIGGER "filing_search_after_demand_update" AFTER UPDATE ON "demand"
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "filing_search_on_demand_new"();
CREATE TRIGGER "filing_search_after_demand_delete" AFTER DELETE ON "demand"
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "filing_search_on_demand_old"();
CREATE TRIGGER "filing_search_after_lawsuit_update" AFTER UPDATE ON "lawsuit"
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "filing_search_on_lawsuit"();

-- Filings that exist already.
SELECT "refresh_filing_search"(ARRAY(SELECT "id" FROM "filing"));
