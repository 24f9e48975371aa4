// Names and limits of the filter's query parameters that browser code needs too, apart
// from the zod schema (lib/filters/schema.ts, which re-exports them) so that the lawsuit
// search field does not download zod and the dataset schema with it.

export const MAX_QUERY_LENGTH = 200;

/**
 * Words that find a lawsuit (`?lawsuitq=flores`): what the lawsuit search field submits
 * without JavaScript, and the API's lawsuit search (`/api/v1/lawsuits?q=`). Not a filter
 * itself: the page resolves the words to a lawsuit and the filter keeps its id
 * (`lawsuit`), so that a shared link names a lawsuit rather than a search.
 */
export const LAWSUIT_WORDS_PARAM = "lawsuitq";
