// GET /api/v1/filings: the timeline's filters as query parameters, keyset-paged.
import { apiGet } from "@/lib/api/handler";
import { parseFilingListQuery } from "@/lib/api/query";
import { getFilingList } from "@/lib/api/representations";

export const GET = apiGet(async ({ url, origin }) => getFilingList(parseFilingListQuery(url.searchParams), origin));

export { OPTIONS, POST, PUT, PATCH, DELETE } from "@/lib/api/handler";
