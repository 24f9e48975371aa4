// A docketline/v1 dataset of the timeline's current filter; see lib/exports/dataset-json.ts.
import { getBulkSql } from "@/lib/db/bulk";
import { filteredDatasetJson } from "@/lib/exports/dataset-json";
import { JSON_CONTENT_TYPE } from "@/lib/exports/formats";
import { downloadResponse, exportFilename, parseExportQuery } from "@/lib/exports/http";
import { toByteStream } from "@/lib/exports/stream";

export const dynamic = "force-dynamic";

export function GET(request: Request): Response {
  const query = parseExportQuery(request);
  if (!query.ok) return query.response;
  const chunks = filteredDatasetJson(getBulkSql(), query.filter);
  return downloadResponse(toByteStream(chunks), JSON_CONTENT_TYPE, exportFilename("dataset", query.filter, "json"));
}
