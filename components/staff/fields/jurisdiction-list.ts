// Reads a typed or pasted list of jurisdictions: "WA, NM, CA", "WA NM CA", one per
// line, "Washington and New Mexico". Codes and full names both work, in any case.
import { JURISDICTIONS, type JurisdictionReference } from "@/lib/jurisdictions/reference";

const BY_KEY = new Map<string, JurisdictionReference>(
  JURISDICTIONS.flatMap((j) => [
    [j.code.toLowerCase(), j],
    [j.name.toLowerCase(), j],
  ]),
);

export function findJurisdiction(text: string): JurisdictionReference | undefined {
  return BY_KEY.get(text.trim().replace(/\s+/g, " ").replace(/\.$/, "").toLowerCase());
}

export interface JurisdictionList {
  /** Known codes in the order given, without repeats. */
  codes: string[];
  /** What could not be read as a jurisdiction, as typed. */
  unknown: string[];
}

/** Whether the text looks like a list rather than the start of one name ("New Mex"). */
export function looksLikeList(text: string): boolean {
  if (/[,;\n]|\band\b|&/i.test(text)) return true;
  const words = text.trim().split(/\s+/);
  return words.length > 1 && words.every((word) => /^[a-z]{2}$/i.test(word));
}

export function parseJurisdictionList(text: string): JurisdictionList {
  const codes: string[] = [];
  const unknown: string[] = [];
  const add = (code: string) => {
    if (!codes.includes(code)) codes.push(code);
  };
  const tokens = text
    .split(/[,;\n\t]+|\band\b|&/i)
    .map((token) => token.trim())
    .filter(Boolean);
  for (const token of tokens) {
    const whole = findJurisdiction(token);
    if (whole) {
      add(whole.code);
      continue;
    }
    // "WA NM CA": codes separated by spaces only. A multi-word name that is not known
    // ("New Mexco") stays one unknown entry rather than several.
    const words = token.split(/\s+/);
    const found = words.map((word) => findJurisdiction(word));
    if (words.length > 1 && found.every(Boolean)) found.forEach((j) => add(j!.code));
    else unknown.push(token);
  }
  return { codes, unknown };
}

/** The jurisdictions matching what is typed: exact code first, then names that start with it, then names containing it. */
export function matchJurisdictions(query: string, exclude: readonly string[] = []): JurisdictionReference[] {
  const q = query.trim().toLowerCase();
  const available = JURISDICTIONS.filter((j) => !exclude.includes(j.code));
  if (!q) return [...available];
  const rank = (j: JurisdictionReference) => {
    const name = j.name.toLowerCase();
    if (j.code.toLowerCase() === q) return 0;
    if (name.startsWith(q)) return 1;
    if (j.code.toLowerCase().startsWith(q)) return 2;
    if (name.includes(q)) return 3;
    return 4;
  };
  return available
    .map((j) => ({ j, r: rank(j) }))
    .filter(({ r }) => r < 4)
    .sort((a, b) => a.r - b.r || a.j.name.localeCompare(b.j.name))
    .map(({ j }) => j);
}
