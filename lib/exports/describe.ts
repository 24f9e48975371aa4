// A filter in words, for the titles of feeds and calendars: "State: New Mexico, Kind: Motion".
import "server-only";

import { getCodedNames } from "@/lib/coding/filter-names";
import type { Sql } from "@/lib/db/sql";
import type { Filter } from "@/lib/filters/schema";
import { runWithPostgres } from "@/lib/timeline/queries";
import { describeActiveFilters } from "@/lib/timeline/summary";

import { readLawsuits } from "./records";

export async function describeFilterInWords(sql: Sql, filter: Filter): Promise<string> {
  const names = await getCodedNames(filter, runWithPostgres(sql));
  if (filter.lawsuit) for (const lawsuit of await readLawsuits(sql, [filter.lawsuit])) names.set(lawsuit.id, lawsuit.caseNameShort);
  return describeActiveFilters(filter, names)
    .map((chip) => `${chip.label}: ${chip.value}`)
    .join(", ");
}

/** Text for an HTML context (Atom's type="html" fields). */
export function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}
