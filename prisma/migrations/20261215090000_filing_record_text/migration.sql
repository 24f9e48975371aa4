-- Each filing's docketline/v1 record as a dataset lists it, kept so that an export of
-- 100,000 filings streams stored text instead of rebuilding every record from its rows
-- (issue 11; docs/decisions/034).
--
-- The text is written by the importer (lib/dataset/import.ts), the one writer of a
-- filing's content (imports, uploads and staff edits alike), for every filing it creates
-- or changes, from the canonical record it stages for the revision. It is the record as
-- it would be exported with every reference kept (a backup's "all" scope); a public
-- export uses it only when none of the filing's references points to a filing the public
-- cannot see, and rebuilds the rest from their rows (lib/dataset/read.ts).
--
-- Each text carries the fingerprint of the code's record format (lib/dataset/read.ts
-- FILING_TEXT_FORMAT): a text written by code that wrote records otherwise is not used,
-- and the next import of the same file writes it again.
--
-- Any other change to what the record says forgets the text, so it is never stale: an
-- update of the filing's own fields (a publication or deletion is not one), any write to
-- its states, demands or sources (a deleted official or filing sets references to NULL
-- through the foreign keys, which is such a write), and an id changed through ON UPDATE
-- CASCADE. A forgotten text is rebuilt from the rows on export until the filing is next
-- written by an import. During the importer's own merge (docketline_bulk_merge(),
-- migration 20261214090000) the triggers are idle: the importer writes the text of
-- exactly the filings it wrote, after writing their rows.
CREATE TABLE "filing_record" (
    "filing_id" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "format" TEXT NOT NULL,
    CONSTRAINT "filing_record_pkey" PRIMARY KEY ("filing_id"),
    CONSTRAINT "filing_record_filing_id_fkey" FOREIGN KEY ("filing_id") REFERENCES "filing"("id") ON DELETE CASCADE ON UPDATE CASCADE DEFERRABLE
);

-- A record's text (about 2 kB) stays in its row, uncompressed, up to a page: moving it
-- out to TOAST and compressing it cost the import and every export more CPU than the
-- disk it saves.
ALTER TABLE "filing_record" ALTER COLUMN "text" SET STORAGE EXTERNAL;
ALTER TABLE "filing_record" SET (toast_tuple_target = 8160);

-- The lock every write of records takes (lib/dataset/import.ts lockRecords), defined
-- once, here. The triggers below take it too, before they look: a write from outside
-- the app that commits while an import runs would otherwise forget a text that the
-- import, working from its own earlier view of the rows, then writes again. Waiting for
-- the import, the trigger forgets the text the import wrote.
CREATE FUNCTION "docketline_lock_records"() RETURNS void
LANGUAGE sql AS $$
    SELECT pg_advisory_xact_lock(7211842019);
$$;

-- Whether a trigger has texts to forget: none during the importer's merge, which writes
-- them itself, nor when none is kept; asked under the lock, so that an import's texts
-- are written before the question is asked.
CREATE FUNCTION "filing_record_to_forget"() RETURNS boolean
LANGUAGE plpgsql AS $$
BEGIN
    IF "docketline_bulk_merge"() THEN RETURN false; END IF;
    PERFORM "docketline_lock_records"();
    RETURN EXISTS (SELECT 1 FROM "filing_record");
END $$;

CREATE FUNCTION "filing_record_forget_updated_filings"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF NOT "filing_record_to_forget"() THEN RETURN NULL; END IF;
    DELETE FROM "filing_record" r USING new_rows n
    WHERE r."filing_id" = n."id" AND NOT EXISTS (
        SELECT 1 FROM old_rows o
        WHERE o."id" = n."id"
          AND (o."lawsuit_id", o."kind", o."title", o."date_filed", o."date_filed_precision", o."entry_number", o."filed_by", o."responds_to_id", o."summary")
              IS NOT DISTINCT FROM
              (n."lawsuit_id", n."kind", n."title", n."date_filed", n."date_filed_precision", n."entry_number", n."filed_by", n."responds_to_id", n."summary"));
    RETURN NULL;
END $$;

-- One function for the four events: PL/pgSQL plans each DELETE only when it runs, so
-- each names only the transition tables its event has. TRUNCATE has none: every text goes.
CREATE FUNCTION "filing_record_forget_children"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF NOT "filing_record_to_forget"() THEN RETURN NULL; END IF;
    IF TG_OP = 'TRUNCATE' THEN
        DELETE FROM "filing_record";
    ELSIF TG_OP = 'INSERT' THEN
        DELETE FROM "filing_record" WHERE "filing_id" IN (SELECT "filing_id" FROM new_rows);
    ELSIF TG_OP = 'DELETE' THEN
        DELETE FROM "filing_record" WHERE "filing_id" IN (SELECT "filing_id" FROM old_rows);
    ELSE
        DELETE FROM "filing_record" WHERE "filing_id" IN (SELECT "filing_id" FROM old_rows UNION SELECT "filing_id" FROM new_rows);
    END IF;
    RETURN NULL;
END $$;

CREATE TRIGGER "filing_record_after_filing_update" AFTER UPDATE ON "filing"
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION "filing_record_forget_updated_filings"();

-- The same four triggers on each of a filing's lists.
DO $$
DECLARE list TEXT;
BEGIN
    FOREACH list IN ARRAY ARRAY['filing_state', 'demand', 'source'] LOOP
        EXECUTE format('CREATE TRIGGER %I AFTER INSERT ON %I REFERENCING NEW TABLE AS new_rows
            FOR EACH STATEMENT EXECUTE FUNCTION "filing_record_forget_children"()', 'filing_record_after_' || list || '_insert', list);
        EXECUTE format('CREATE TRIGGER %I AFTER UPDATE ON %I REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
            FOR EACH STATEMENT EXECUTE FUNCTION "filing_record_forget_children"()', 'filing_record_after_' || list || '_update', list);
        EXECUTE format('CREATE TRIGGER %I AFTER DELETE ON %I REFERENCING OLD TABLE AS old_rows
            FOR EACH STATEMENT EXECUTE FUNCTION "filing_record_forget_children"()', 'filing_record_after_' || list || '_delete', list);
        EXECUTE format('CREATE TRIGGER %I AFTER TRUNCATE ON %I
            FOR EACH STATEMENT EXECUTE FUNCTION "filing_record_forget_children"()', 'filing_record_after_' || list || '_truncate', list);
    END LOOP;
END $$;
