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

/** What the collection holds as the public sees it (public lawsuits and filings only), for the About page: one statement. */
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
    SELECT (SELECT count(*)::int FROM "lawsuit" WHERE "is_public") AS "lawsuits",
           (SELECT count(*)::int FROM "filing" WHERE "is_public") AS "filings",
           (SELECT count(DISTINCT fs."jurisdiction_code")::int FROM "filing_state" fs JOIN "filing" f ON f."id" = fs."filing_id" AND f."is_public") AS "jurisdictions",
           -- A source belongs to exactly one lawsuit or filing.
           (SELECT count(*)::int FROM "source" s JOIN "filing" f ON f."id" = s."filing_id" AND f."is_public")
             + (SELECT count(*)::int FROM "source" s JOIN "lawsuit" l ON l."id" = s."lawsuit_id" AND l."is_public") AS "sources",
           e."date_filed" AS "earliest", e."date_filed_precision"::text AS "earliest_precision",
           l."date_filed" AS "latest", l."date_filed_precision"::text AS "latest_precision"
    FROM (SELECT 1) AS one
    LEFT JOIN LATERAL (SELECT "date_filed", "date_filed_precision" FROM "filing" WHERE "is_public" ORDER BY "date_filed" ASC LIMIT 1) e ON TRUE
    LEFT JOIN LATERAL (SELECT "date_filed", "date_filed_precision" FROM "filing" WHERE "is_public" ORDER BY "date_filed" DESC LIMIT 1) l ON TRUE`;
  return {
    lawsuits: row.lawsuits,
    filings: row.filings,
    jurisdictions: row.jurisdictions,
    sources: row.sources,
    earliest: row.earliest && row.earliest_precision ? fromStored(row.earliest, row.earliest_precision) : null,
    latest: row.latest && row.latest_precision ? fromStored(row.latest, row.latest_precision) : null,
  };
}
