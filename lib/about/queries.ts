import "server-only";

import { db } from "@/lib/db/client";
import { fromStored, type DatePrecision, type PartialDateString } from "@/lib/dates/partial-date";

export interface CollectionSummary {
  lawsuits: number;
  filings: number;
  jurisdictions: number;
  sources: number;
  earliest: PartialDateString | null;
  latest: PartialDateString | null;
}

/** What the collection holds, for the About page: one statement. */
export async function getCollectionSummary(): Promise<CollectionSummary> {
  const [row] = await db.$queryRaw<
    {
      lawsuits: number;
      filings: number;
      jurisdictions: number;
      sources: number;
      earliest: Date | null;
      earliest_precision: DatePrecision | null;
      latest: Date | null;
      latest_precision: DatePrecision | null;
    }[]
  >`
    SELECT (SELECT count(*)::int FROM "lawsuit") AS "lawsuits",
           (SELECT count(*)::int FROM "filing") AS "filings",
           (SELECT count(DISTINCT "jurisdiction_code")::int FROM "filing_state") AS "jurisdictions",
           (SELECT count(*)::int FROM "source") AS "sources",
           e."date_filed" AS "earliest", e."date_filed_precision"::text AS "earliest_precision",
           l."date_filed" AS "latest", l."date_filed_precision"::text AS "latest_precision"
    FROM (SELECT 1) AS one
    LEFT JOIN LATERAL (SELECT "date_filed", "date_filed_precision" FROM "filing" ORDER BY "date_filed" ASC LIMIT 1) e ON TRUE
    LEFT JOIN LATERAL (SELECT "date_filed", "date_filed_precision" FROM "filing" ORDER BY "date_filed" DESC LIMIT 1) l ON TRUE`;
  return {
    lawsuits: row.lawsuits,
    filings: row.filings,
    jurisdictions: row.jurisdictions,
    sources: row.sources,
    earliest: row.earliest && row.earliest_precision ? fromStored(row.earliest, row.earliest_precision) : null,
    latest: row.latest && row.latest_precision ? fromStored(row.latest, row.latest_precision) : null,
  };
}
