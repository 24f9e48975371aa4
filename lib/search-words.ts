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
