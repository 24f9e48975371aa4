-- Finding a lawsuit by words of its caption or by its docket number (the timeline's
-- lawsuit search field and GET /api/v1/lawsuits?q=): one tsvector per lawsuit, kept by a
-- BEFORE trigger on every write path (importer, staff forms), with a GIN index.
-- Prisma cannot express an expression index, hence a column (docs/decisions/002).
--
-- The document holds the caption's words (the 'simple' configuration: no stemming and
-- no stop words, so that a prefix typed so far, "calif", matches "california") and the
-- docket number compacted to its letters and digits, with and without the division
-- ("2:18-cv-00939-MJP" gives "218cv00939mjp" and "18cv00939mjp"), so that a reader who
-- types the number with other punctuation, or without the division, still finds it.

-- AlterTable
ALTER TABLE "lawsuit" ADD COLUMN "search_document" tsvector;

-- CreateIndex
CREATE INDEX "lawsuit_search_document_idx" ON "lawsuit" USING GIN ("search_document");

CREATE FUNCTION "lawsuit_search_document"(case_name TEXT, case_name_short TEXT, docket_number TEXT) RETURNS tsvector
LANGUAGE sql IMMUTABLE AS $$
    SELECT to_tsvector('simple', case_name || ' ' || case_name_short || ' ' || docket_number) ||
           array_to_tsvector(ARRAY(
               SELECT DISTINCT t FROM unnest(ARRAY[
                   regexp_replace(lower(docket_number), '[^[:alnum:]]', '', 'g'),
                   regexp_replace(lower(regexp_replace(docket_number, '^\s*\d+\s*:', '')), '[^[:alnum:]]', '', 'g')
               ]) AS t WHERE t <> ''
           ));
$$;

CREATE FUNCTION "lawsuit_search_before_write"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    NEW."search_document" := "lawsuit_search_document"(NEW."case_name", NEW."case_name_short", NEW."docket_number");
    RETURN NEW;
END $$;

CREATE TRIGGER "lawsuit_search_before_insert" BEFORE INSERT ON "lawsuit"
    FOR EACH ROW EXECUTE FUNCTION "lawsuit_search_before_write"();
CREATE TRIGGER "lawsuit_search_before_update" BEFORE UPDATE OF "case_name", "case_name_short", "docket_number", "search_document" ON "lawsuit"
    FOR EACH ROW EXECUTE FUNCTION "lawsuit_search_before_write"();

-- Lawsuits that exist already. Only this derived column changes: the other triggers on
-- "lawsuit" (search of their filings, change notices) have nothing to do, and refreshing
-- the search document of every filing would cost minutes on a large collection.
ALTER TABLE "lawsuit" DISABLE TRIGGER USER;
UPDATE "lawsuit" SET "search_document" = "lawsuit_search_document"("case_name", "case_name_short", "docket_number");
ALTER TABLE "lawsuit" ENABLE TRIGGER USER;
