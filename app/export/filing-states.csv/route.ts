// One row per filing and jurisdiction of the timeline's current filter; see lib/exports/filing-states-csv.ts.
import { getRequestOrigin } from "@/lib/api/urls";
import { getBulkSql } from "@/lib/db/bulk";
import { CSV_CONTENT_TYPE } from "@/lib/exports/csv";
import { filingStatesCsv } from "@/lib/exports/filing-states-csv";
import { downloadResponse, exportFilename, parseExportQuery } from "@/lib/exports/http";
import { toByteStream } from "@/lib/exports/stream";
import { originVary } from "@/lib/origin";

export const dynamic = "force-dynamic";

export function GET(request: Request): Response {
  const query = parseExportQuery(request, { bom: true });
  if (!query.ok) return query.response;
  const chunks = filingStatesCsv(getBulkSql(), query.filter, { origin: getRequestOrigin(request), bom: query.bom });
  return downloadResponse(toByteStream(chunks), CSV_CONTENT_TYPE, exportFilename("filing-states", query.filter, "csv"), originVary());
}
