// PostgreSQL's ts_headline marks matches inside the text it returns. It marks them with
// two control characters that cannot occur in our data, never with HTML, so that the
// text is rendered as text and <mark> elements are made by React.
export const MATCH_START = "\u0002";
export const MATCH_END = "\u0003";

export type HighlightedText = { text: string; match: boolean }[];

export function splitHighlights(marked: string): HighlightedText {
  const parts: HighlightedText = [];
  let rest = marked;
  while (rest.length > 0) {
    const start = rest.indexOf(MATCH_START);
    if (start === -1) {
      parts.push({ text: rest, match: false });
      break;
    }
    if (start > 0) parts.push({ text: rest.slice(0, start), match: false });
    const end = rest.indexOf(MATCH_END, start + 1);
    const stop = end === -1 ? rest.length : end;
    parts.push({ text: rest.slice(start + 1, stop), match: true });
    rest = end === -1 ? "" : rest.slice(end + 1);
  }
  return parts.filter((p) => p.text.length > 0);
}
