-- The feeds' order (lib/feeds/atom.ts FEED_ORDER: the most recently updated first, then
-- id by code unit), so that a feed's page of 50 is read from the index instead of sorting
-- every public filing: at 100,000 filings that sort took 44 ms and three processes
-- (issue 9, item 5). COLLATE "C" as the feeds' order writes it, or the planner could not
-- use the index for it.
CREATE INDEX "filing_updated_at_id_idx" ON "filing" ("updated_at" DESC, "id" COLLATE "C");
