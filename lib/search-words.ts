// The words of a search box, as every search parameter takes them: the timeline's `q`,
// the lawsuit search (`lawsuitq`, the API's `/lawsuits?q=`), the lawsuit list and the
// staff lists. Trimmed, capped, and plain text: a NUL byte would reach PostgreSQL as an
// error, so it is refused here with the parameter's name rather than as a 500 there.
import { z } from "zod";

import { isPlainText } from "@/lib/text";

export const PLAIN_TEXT_MESSAGE = "must be plain text, without control characters such as NUL";

export function searchWords(max: number) {
  return z.string().trim().max(max, `must be at most ${max} characters`).refine(isPlainText, PLAIN_TEXT_MESSAGE);
}

/** Words past these are ignored: no name needs more to be told apart. */
const MAX_SEARCH_TERMS = 12;

/** What a reader typed as search terms: lower case, letters and digits only, at most MAX_SEARCH_TERMS. */
export function searchTerms(text: string): string[] {
  return text
    .toLowerCase()
    .normalize("NFKC")
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean)
    .slice(0, MAX_SEARCH_TERMS);
}

/**
 * A `to_tsquery('simple', …)` text where every term is a prefix (the reader may not have
 * finished typing it) and all must match; null without a term. Terms hold only letters
 * and digits (searchTerms), so no input can be read as an operator.
 */
export function prefixTsquery(terms: string[]): string | null {
  return terms.length === 0 ? null : terms.map((term) => `${term}:*`).join(" & ");
}
