// One row per filing of the timeline's current filter; see lib/exports/filings-csv.ts.
import { getRequestOrigin } from "@/lib/api/urls";
import { getBulkSql } from "@/lib/db/bulk";
import { CSV_CONTENT_TYPE } from "@/lib/exports/csv";
import { filingsCsv } from "@/lib/exports/filings-csv";
import { downloadResponse, exportFilename, parseExportQuery } from "@/lib/exports/http";
import { toByteStream } from "@/lib/exports/stream";
import { originVary } from "@/lib/origin";

export const dynamic = "force-dynamic";

export function GET(request: Request): Response {
  const query = parseExportQuery(request, { bom: true });
  if (!query.ok) return query.response;
  const chunks = filingsCsv(getBulkSql(), query.filter, { origin: getRequestOrigin(request), bom: query.bom });
  return downloadResponse(toByteStream(chunks), CSV_CONTENT_TYPE, exportFilename("filings", query.filter, "csv"), originVary());
}
