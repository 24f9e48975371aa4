// A filter in words, for the titles of feeds and calendars: "State: New Mexico, Kind: Motion".
import "server-only";

import type { Sql } from "@/lib/db/sql";
import type { Filter } from "@/lib/filters/schema";
import { describeActiveFilters } from "@/lib/timeline/summary";

import { readLawsuits } from "./records";

export async function describeFilterInWords(sql: Sql, filter: Filter): Promise<string> {
  const names = new Map<string, string>();
  if (filter.lawsuit) for (const lawsuit of await readLawsuits(sql, [filter.lawsuit])) names.set(lawsuit.id, lawsuit.caseNameShort);
  return describeActiveFilters(filter, names)
    .map((chip) => `${chip.label}: ${chip.value}`)
    .join(", ");
}

/** Text for an HTML context (Atom's type="html" fields). */
export function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}
