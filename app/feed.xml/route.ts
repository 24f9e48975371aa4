// An Atom feed of new and updated filings under the timeline's filter, bounded and streamed; see lib/feeds/atom.ts.
import { getRequestOrigin } from "@/lib/api/urls";
import { getBulkSql } from "@/lib/db/bulk";
import { inlineResponse, parseExportQuery } from "@/lib/exports/http";
import { toByteStream } from "@/lib/exports/stream";
import { ATOM_CONTENT_TYPE, FEED_BOUND, openAtomFeed } from "@/lib/feeds/atom";
import { originVary } from "@/lib/origin";

export const dynamic = "force-dynamic";

export async function GET(request: Request): Promise<Response> {
  const query = parseExportQuery(request, { bound: FEED_BOUND });
  if (!query.ok) return query.response;
  const feed = await openAtomFeed(getBulkSql(), query.filter, { origin: getRequestOrigin(request), limit: query.limit, before: query.before });
  return inlineResponse(toByteStream(feed.chunks), ATOM_CONTENT_TYPE, { ...originVary(), ...feed.headers });
}
