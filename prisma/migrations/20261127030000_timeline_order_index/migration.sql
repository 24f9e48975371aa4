-- The timeline orders by date, a wider period first (the precision descending: year,
-- month, day), then id; this index serves that order in both directions, so keyset
-- pages no longer sort the whole filtered set.

-- DropIndex
DROP INDEX "filing_date_filed_id_idx";

-- CreateIndex
CREATE INDEX "filing_date_filed_date_filed_precision_id_idx" ON "filing"("date_filed", "date_filed_precision" DESC, "id");
