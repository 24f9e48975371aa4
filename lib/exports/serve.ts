// The GET of every /export/<file> route, from the format's one definition
// (lib/exports/formats.ts): the filter read strictly from the query string (a 400 naming
// a bad parameter), the file streamed, named after what it holds.
import "server-only";

import { getRequestOrigin } from "@/lib/api/urls";
import { getBulkSql } from "@/lib/db/bulk";
import { EMPTY_FILTER } from "@/lib/filters/schema";
import { originVary } from "@/lib/origin";

import { exportFormat, fileNameParts } from "./formats";
import { downloadResponse, exportFilename, parseExportQuery } from "./http";
import { toByteStream } from "./stream";

/** The route handler of /export/<file>. */
export function exportRoute(file: string): (request: Request) => Response {
  const format = exportFormat(file);
  const { base, extension } = fileNameParts(file);
  return (request) => {
    const origin = getRequestOrigin(request);
    const headers = format.links ? originVary() : {};
    // A format the filter does not change (the codebook) is the same for every view: the
    // timeline's query string, if a link carries it, is not an error.
    if (!format.filtered) {
      return downloadResponse(toByteStream(format.everything(getBulkSql(), { origin })), format.contentType, exportFilename(base, EMPTY_FILTER, extension), headers);
    }
    const query = parseExportQuery(request, { bom: format.bom });
    if (!query.ok) return query.response;
    const chunks = format.filtered(getBulkSql(), query.filter, { origin, bom: query.bom });
    return downloadResponse(toByteStream(chunks), format.contentType, exportFilename(base, query.filter, extension), headers);
  };
}
