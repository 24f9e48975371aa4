// An Atom feed of new and updated filings under the timeline's filter; see lib/feeds/atom.ts.
import { getRequestOrigin } from "@/lib/api/urls";
import { getBulkSql } from "@/lib/db/bulk";
import { inlineResponse, parseExportQuery } from "@/lib/exports/http";
import { ATOM_CONTENT_TYPE, buildAtomFeed } from "@/lib/feeds/atom";
import { originVary } from "@/lib/origin";

export const dynamic = "force-dynamic";

export async function GET(request: Request): Promise<Response> {
  const query = parseExportQuery(request);
  if (!query.ok) return query.response;
  const xml = await buildAtomFeed(getBulkSql(), query.filter, { origin: getRequestOrigin(request) });
  return inlineResponse(xml, ATOM_CONTENT_TYPE, originVary());
}
