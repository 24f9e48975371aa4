// Plain-text helpers for summaries and counts, shared by every page.

/** "1 filing", "1,234 filings": a count and its noun, in the site's number format. */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n.toLocaleString("en-US")} ${n === 1 ? one : many}`;
}

/** Paragraphs of a plain-text field: blank lines separate them. */
export function splitParagraphs(text: string): string[] {
  return text
    .split(/\r?\n\s*\r?\n/)
    .map((p) => p.replace(/\s+/g, " ").trim())
    .filter((p) => p.length > 0);
}

// Words that end in a full stop without ending a sentence: "U.S.", "v.", "No.", "Gen.".
const ABBREVIATION = /(?:^|[\s(])(?:[A-Z]|(?:[A-Za-z]\.)+[A-Za-z]|v|vs|No|Nos|Mr|Mrs|Ms|Dr|Gen|Gov|Sen|Rep|Sec|St|Jr|Sr|Inc|Co|Corp|Ltd|Jan|Feb|Mar|Apr|Aug|Sept|Oct|Nov|Dec|e\.g|i\.e|etc|al)$/;

/** The first sentence of a text, for a meta description; cut at a word when too long. */
export function firstSentence(text: string, maxLength = 300): string {
  const flat = text.replace(/\s+/g, " ").trim();
  const boundary = /[.!?]["”’)]?(?=\s|$)/g;
  let end = flat.length;
  for (let match = boundary.exec(flat); match; match = boundary.exec(flat)) {
    if (match[0].startsWith(".") && ABBREVIATION.test(flat.slice(0, match.index))) continue;
    end = match.index + match[0].length;
    break;
  }
  const sentence = flat.slice(0, end);
  if (sentence.length <= maxLength) return sentence;
  // Room for the ellipsis; end at the last whole word.
  const cut = sentence.slice(0, maxLength);
  const space = cut.lastIndexOf(" ");
  return `${cut.slice(0, space > 0 ? space : maxLength - 1).replace(/[\s,;:]+$/, "")}…`;
}

// Control characters other than tab, line feed and carriage return, and UTF-16 halves
// that stand alone: no one types them, PostgreSQL refuses NUL in text, and a lone
// surrogate is not text in any encoding.
const NOT_PLAIN_TEXT = /(?![\t\n\r])\p{Cc}|\p{Cs}/u;

/** Whether a string a reader sent (a search, a path) is text that can be stored and shown as it is. */
export function isPlainText(value: string): boolean {
  return !NOT_PLAIN_TEXT.test(value);
}
