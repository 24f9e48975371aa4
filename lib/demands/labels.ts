// How demands read: outcome names, and category slugs as words.
import { DEMAND_OUTCOMES, type DemandOutcome } from "@/lib/dataset/vocabulary";

export const DEMAND_OUTCOME_LABELS: Record<DemandOutcome, string> = {
  pending: "Pending",
  granted: "Granted",
  "granted-in-part": "Granted in part",
  denied: "Denied",
  moot: "Moot",
  withdrawn: "Withdrawn",
  unknown: "Outcome unknown",
};

/** The badge tone of an outcome, for components/ui/badge. */
export const DEMAND_OUTCOME_TONES: Record<DemandOutcome, "positive" | "partial" | "negative" | "neutral"> = {
  pending: "neutral",
  granted: "positive",
  "granted-in-part": "partial",
  denied: "negative",
  moot: "neutral",
  withdrawn: "neutral",
  unknown: "neutral",
};

export { DEMAND_OUTCOMES, type DemandOutcome };

/** "asylum-processing" → "Asylum processing". Categories are open-ended slugs. */
export function demandCategoryLabel(category: string): string {
  const words = category.replace(/-/g, " ");
  return words.charAt(0).toUpperCase() + words.slice(1);
}
