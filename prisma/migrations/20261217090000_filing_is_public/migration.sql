-- When a filing is public, said once (decision 039): published, not deleted, and either in
-- no lawsuit or in a public one. The row triggers ask it of one filing and its lawsuit's
-- flag; a first load asks it of every filing in its insert, its lawsuits' flags joined,
-- instead of running the row trigger and its lookup of the lawsuit 100,000 times.
CREATE FUNCTION "filing_is_public"("publication" "publication", "deleted_at" timestamptz, "lawsuit_id" text, "lawsuit_is_public" boolean)
RETURNS boolean LANGUAGE sql IMMUTABLE AS $$
    SELECT "publication" = 'published' AND "deleted_at" IS NULL AND ("lawsuit_id" IS NULL OR coalesce("lawsuit_is_public", false))
$$;

CREATE OR REPLACE FUNCTION "filing_set_is_public"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    NEW."is_public" := "filing_is_public"(NEW."publication", NEW."deleted_at", NEW."lawsuit_id",
        (SELECT l."is_public" FROM "lawsuit" l WHERE l."id" = NEW."lawsuit_id"));
    RETURN NEW;
END $$;

CREATE OR REPLACE FUNCTION "lawsuit_propagate_is_public"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    UPDATE "filing" f
    SET "is_public" = "filing_is_public"(f."publication", f."deleted_at", f."lawsuit_id", NEW."is_public")
    WHERE f."lawsuit_id" = NEW."id"
      AND f."is_public" IS DISTINCT FROM "filing_is_public"(f."publication", f."deleted_at", f."lawsuit_id", NEW."is_public");
    RETURN NULL;
END $$;
