-- Notifications that name what changed (docs/decisions/025), so that the front server's
-- cache of rendered pages forgets the pages that show it and keeps the rest, where until
-- now every write emptied it whole (decision 009).
--
-- The payload is a JSON array of tags, the same as the cache gives the pages it keeps
-- (lib/http-cache/tags.ts): "filing:<id>", "lawsuit:<id>", "state:<code>". For each row
-- a statement changed, before and after: the record itself and every record whose pages
-- show it or count it (its lawsuit, the filing it responds to, the filings deciding its
-- demands, the states of its coalition; for a lawsuit, its filings). Every change also reaches the pages of lists
-- (the timeline, feeds, the API's lists, insights), which the listener adds itself.
--
-- An empty payload or "*" means everything; it is sent when a record becomes public or
-- stops being public (then it appears in or leaves pages that do not link it yet: other
-- filings' threads, the API's references), for reference data (jurisdictions, courts,
-- officials, by the triggers of migration 20261202090000), for a TRUNCATE, for a
-- statement of more than 200 rows (an import), and when the tags outgrow a
-- notification's 8,000 bytes. PostgreSQL still delivers at commit, once per distinct
-- payload in a transaction, and nothing for a transaction that rolled back.
CREATE FUNCTION "docketline_notify_content_tags"() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  max_rows CONSTANT integer := 200;
  row_count bigint;
  changed jsonb;
  tags text[];
  payload text;
BEGIN
  -- Transition tables exist only for their own event: each branch reads its own. A
  -- statement of many rows (an import) is a change of everything, told before its rows
  -- are read.
  IF TG_OP = 'DELETE' THEN
    row_count := (SELECT count(*) FROM old_rows);
  ELSE
    row_count := (SELECT count(*) FROM new_rows);
  END IF;
  IF row_count > max_rows THEN
    PERFORM pg_notify('docketline_content', '*');
    RETURN NULL;
  END IF;
  IF TG_OP = 'INSERT' THEN
    changed := (SELECT jsonb_agg(to_jsonb(n)) FROM new_rows n);
  ELSIF TG_OP = 'DELETE' THEN
    changed := (SELECT jsonb_agg(to_jsonb(o)) FROM old_rows o);
  ELSE
    changed := (SELECT jsonb_agg(r) FROM (SELECT to_jsonb(o) AS r FROM old_rows o UNION ALL SELECT to_jsonb(n) FROM new_rows n) AS both_sides);
    -- A record that became public or stopped being public (published, unpublished,
    -- deleted, restored; its id changed): pages that do not name it change too.
    IF TG_TABLE_NAME IN ('filing', 'lawsuit') AND EXISTS (
      SELECT 1 FROM (SELECT to_jsonb(o) AS r FROM old_rows o) AS before
      FULL JOIN (SELECT to_jsonb(n) AS r FROM new_rows n) AS after ON before.r->>'id' = after.r->>'id'
      WHERE before.r IS NULL OR after.r IS NULL OR before.r->'is_public' <> after.r->'is_public'
    ) THEN
      PERFORM pg_notify('docketline_content', '*');
      RETURN NULL;
    END IF;
  END IF;
  IF changed IS NULL THEN
    RETURN NULL; -- no row changed
  END IF;
  -- A public record created or deleted: the same.
  IF TG_OP <> 'UPDATE' AND TG_TABLE_NAME IN ('filing', 'lawsuit')
     AND EXISTS (SELECT 1 FROM jsonb_array_elements(changed) AS r WHERE (r->>'is_public')::boolean) THEN
    PERFORM pg_notify('docketline_content', '*');
    RETURN NULL;
  END IF;
  -- The history of a court or an official is no page of its own: their own tables say everything.
  IF TG_TABLE_NAME = 'revision' AND EXISTS (SELECT 1 FROM jsonb_array_elements(changed) AS r WHERE r->>'record_kind' NOT IN ('filing', 'lawsuit')) THEN
    PERFORM pg_notify('docketline_content', '*');
    RETURN NULL;
  END IF;

  tags := ARRAY(
    SELECT DISTINCT tag FROM jsonb_array_elements(changed) AS r
    CROSS JOIN LATERAL (
      SELECT 'filing:' || (r->>'id') WHERE TG_TABLE_NAME = 'filing'
      UNION ALL SELECT 'filing:' || (r->>'responds_to_id') WHERE TG_TABLE_NAME = 'filing'
      UNION ALL SELECT 'lawsuit:' || (r->>'lawsuit_id') WHERE TG_TABLE_NAME IN ('filing', 'source', 'lawsuit_plaintiff', 'other_party', 'lawsuit_relation')
      -- The coalition tokens (migration 20261127020000): a state's code, alone, for each state that joined.
      UNION ALL SELECT 'state:' || token FROM jsonb_array_elements_text(CASE WHEN TG_TABLE_NAME = 'filing' THEN r->'coalition' ELSE '[]' END) AS token WHERE position(':' IN token) = 0
      UNION ALL SELECT 'filing:' || (r->>'filing_id') WHERE TG_TABLE_NAME IN ('filing_state', 'demand', 'source')
      UNION ALL SELECT 'state:' || (r->>'jurisdiction_code') WHERE TG_TABLE_NAME IN ('filing_state', 'lawsuit_plaintiff')
      UNION ALL SELECT 'filing:' || (r->>'decided_by_id') WHERE TG_TABLE_NAME = 'demand'
      UNION ALL SELECT 'lawsuit:' || (r->>'id') WHERE TG_TABLE_NAME = 'lawsuit'
      -- A filing's citations and API resource show its lawsuit without a link to it.
      UNION ALL SELECT 'filing:' || f.id FROM "filing" f WHERE TG_TABLE_NAME = 'lawsuit' AND f.lawsuit_id = r->>'id'
      UNION ALL SELECT 'lawsuit:' || (r->>'related_lawsuit_id') WHERE TG_TABLE_NAME = 'lawsuit_relation'
      UNION ALL SELECT (r->>'record_kind') || ':' || (r->>'record_id') WHERE TG_TABLE_NAME = 'revision'
    ) AS named(tag)
    WHERE tag IS NOT NULL
    ORDER BY tag
  );
  payload := array_to_json(tags)::text;
  PERFORM pg_notify('docketline_content', CASE WHEN octet_length(payload) > 7900 THEN '*' ELSE payload END);
  RETURN NULL;
END;
$$;

DO $$
DECLARE
  content_table text;
BEGIN
  FOREACH content_table IN ARRAY ARRAY[
    'lawsuit', 'lawsuit_plaintiff', 'other_party', 'lawsuit_relation', 'filing', 'filing_state',
    'demand', 'source', 'revision'
  ] LOOP
    EXECUTE format('DROP TRIGGER "notify_content_change" ON %I', content_table);
    -- A trigger with transition tables takes one event.
    EXECUTE format(
      'CREATE TRIGGER "notify_content_insert" AFTER INSERT ON %I REFERENCING NEW TABLE AS new_rows
         FOR EACH STATEMENT EXECUTE FUNCTION "docketline_notify_content_tags"()', content_table);
    EXECUTE format(
      'CREATE TRIGGER "notify_content_update" AFTER UPDATE ON %I REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
         FOR EACH STATEMENT EXECUTE FUNCTION "docketline_notify_content_tags"()', content_table);
    EXECUTE format(
      'CREATE TRIGGER "notify_content_delete" AFTER DELETE ON %I REFERENCING OLD TABLE AS old_rows
         FOR EACH STATEMENT EXECUTE FUNCTION "docketline_notify_content_tags"()', content_table);
    -- No transition table for TRUNCATE: everything, by the function of 20261202090000.
    EXECUTE format(
      'CREATE TRIGGER "notify_content_truncate" AFTER TRUNCATE ON %I
         FOR EACH STATEMENT EXECUTE FUNCTION "docketline_notify_content_change"()', content_table);
  END LOOP;
END;
$$;
