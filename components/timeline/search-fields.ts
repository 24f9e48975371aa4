// What tells the filter panel's search fields apart (the lawsuit's, the policy's, the
// agency's): their words and how they name what they find. One table, read by the plain
// field, its frame, the server's matches and the combobox, so that the three fields
// behave alike; where the combobox searches and how it reads the answers is in
// search-combobox.tsx, which loads when idle (this table is part of the first load).
// Browser-safe: no zod, nothing server-only.
import type { SearchedParam } from "@/lib/filters/params";

export interface SearchFieldSpec {
  label: string;
  hint: string;
  /** The thing found, singular and plural: "lawsuit", "lawsuits". */
  one: string;
  many: string;
  /** What to say when nothing matches, after "No lawsuit matches “…”.". */
  retry: string;
}

export const SEARCH_FIELDS: Record<SearchedParam, SearchFieldSpec> = {
  lawsuit: {
    label: "Find a lawsuit",
    hint: "Words of its name, or its docket number",
    one: "lawsuit",
    many: "lawsuits",
    retry: "Try other words of its name, or its docket number.",
  },
  policy: {
    label: "Find a policy",
    hint: "Words of its name",
    one: "policy",
    many: "policies",
    retry: "Try other words of its name.",
  },
  agency: {
    label: "Find an agency",
    hint: "Words of its name, as the policies name it",
    one: "agency",
    many: "agencies",
    retry: "Try other words of its name.",
  },
};
