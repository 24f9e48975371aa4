// The demand tokens on each filing (`filing.demand_tokens`, migration 20261202110000):
// what its demands ask and what became of them, written so that the timeline filters
// and counts by demand category and outcome without reading the demand table.
// "category:reunification" and "outcome:granted" once per filing (facets count
// filings), "reunification|granted" once per demand (insights count demands).
//
// This is the one definition in TypeScript, as coalitionTokens is for the coalition.
// The importer writes the tokens it computes here (lib/dataset/import.ts, decision
// 030); every other write path has the database compute them
// (refresh_filing_demand_tokens), in SQL that cannot import this;
// tests/bulk-merge.test.ts holds the two to each other.
import type { DemandOutcome } from "@/lib/dataset/schema";

/** Filings with a demand of this category. */
export const categoryToken = (category: string): string => `category:${category}`;
/** Filings with a demand of this outcome. */
export const outcomeToken = (outcome: DemandOutcome): string => `outcome:${outcome}`;
/** One demand of this category with this outcome. */
export const demandToken = (category: string, outcome: DemandOutcome): string => `${category}|${outcome}`;

/** A filing's tokens, as the trigger writes them: in the database's byte order, a demand's pair once per demand. */
export function demandTokens(demands: { category: string; outcome: DemandOutcome }[]): string[] {
  const categories = new Set(demands.map((d) => categoryToken(d.category)));
  const outcomes = new Set(demands.map((d) => outcomeToken(d.outcome)));
  const tokens = [...categories, ...outcomes, ...demands.map((d) => demandToken(d.category, d.outcome))];
  // sort() with no comparator orders by UTF-16 code units, as `<` does.
  return tokens.sort();
}
