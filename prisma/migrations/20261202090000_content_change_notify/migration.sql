-- Every write to what the public can see tells listeners on the channel
-- "docketline_content": the server's cache of rendered pages (lib/http-cache) forgets
-- what it holds when it hears it, whichever process wrote (a staff save, an import
-- from the command line, a restore). Statement-level triggers with one fixed payload:
-- PostgreSQL folds identical notifications of one transaction into one, delivered at
-- commit, so a 100,000-filing import costs one notification, and a rolled-back write
-- none (docs/decisions/009).
CREATE FUNCTION "docketline_notify_content_change"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('docketline_content', '');
  RETURN NULL;
END;
$$;

DO $$
DECLARE
  content_table text;
BEGIN
  FOREACH content_table IN ARRAY ARRAY[
    'jurisdiction', 'court', 'official', 'lawsuit', 'lawsuit_plaintiff', 'other_party',
    'lawsuit_relation', 'filing', 'filing_state', 'demand', 'source', 'revision'
  ] LOOP
    EXECUTE format(
      'CREATE TRIGGER "notify_content_change" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON %I
         FOR EACH STATEMENT EXECUTE FUNCTION "docketline_notify_content_change"()',
      content_table);
  END LOOP;
END;
$$;
