// Colours of the insights charts. Each chart also names its colours in a legend, draws
// white gaps between stacked segments and has a table alternative, so no fact depends
// on telling two colours apart.
import type { OutcomeGroup } from "@/lib/coding/groups";
import type { DemandOutcome } from "@/lib/demands/labels";
import type { FilingKind } from "@/lib/filings/kinds";

/** Distinct hues, each at least 3:1 against the white page (WCAG non-text contrast). */
export const KIND_COLORS: Record<FilingKind, string> = {
  complaint: "#1f5fa8",
  motion: "#c2500c",
  response: "#2e7d4f",
  reply: "#7e3fa8",
  brief: "#8c6d1f",
  "amicus-brief": "#0d7d8c",
  letter: "#b8336f",
  order: "#3b4654",
  settlement: "#5e7d16",
  notice: "#a3243b",
  hearing: "#4b4fc4",
  statement: "#8a5a3b",
};

/** Granted greens, denied vermilion (told apart by red–green colour-blind readers too), the rest greys. */
export const OUTCOME_COLORS: Record<DemandOutcome, string> = {
  granted: "#1a7453",
  "granted-in-part": "#7cc4a4",
  denied: "#c2410c",
  pending: "#e0a526",
  moot: "#939cab",
  withdrawn: "#b9aed6",
  unknown: "#dfe3e8",
};

/** The lawsuits' outcomes for the states in the same hues as the demands' outcomes: won green, lost vermilion. */
export const OUTCOME_GROUP_COLORS: Record<OutcomeGroup, string> = {
  won: OUTCOME_COLORS.granted,
  mixed: OUTCOME_COLORS["granted-in-part"],
  lost: OUTCOME_COLORS.denied,
  pending: OUTCOME_COLORS.pending,
  "ended-otherwise": OUTCOME_COLORS.moot,
  unknown: OUTCOME_COLORS.unknown,
};

/** The page's ink or white, whichever reads better on `fill` (a #rrggbb colour). */
export function textColorOn(fill: string): string {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = parseInt(fill.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  const luminance = 0.2126 * r + 0.7152 * g + 0.0722 * b;
  // Contrast with white (1.05 / (L + 0.05)) against contrast with the ink #1b1f24 (L ≈ 0.0136).
  return 1.05 / (luminance + 0.05) >= (luminance + 0.05) / 0.0636 ? "#ffffff" : "#1b1f24";
}
