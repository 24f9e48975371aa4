// What tells the filter panel's search fields apart (the lawsuit's, the policy's, the
// agency's): their words, where they search, and how a suggestion reads. One table, read
// by the plain field, its frame and the combobox, so that the three fields behave alike.
// Browser-safe: no zod, nothing server-only.
import { apiPath } from "@/lib/api/paths";
import type { SearchedParam } from "@/lib/filters/params";

/** A value a search suggests: the filter's value, its name, and what tells it apart. */
export interface Suggestion {
  value: string;
  label: string;
  detail: string;
}

export interface SearchFieldSpec {
  label: string;
  hint: string;
  /** The thing found, singular and plural: "lawsuit", "lawsuits". */
  one: string;
  many: string;
  /** What to say when nothing matches, after "No lawsuit matches “…”.". */
  retry: string;
  /** The API search (`?q=`) the combobox suggests from. */
  api: string;
  /** The API's answer as suggestions. */
  suggestions: (data: unknown[]) => Suggestion[];
  /** What the status line says once a value is chosen. */
  chosen: (suggestion: Suggestion) => string;
}

const lawsuits = (n: number) => `${n.toLocaleString("en-US")} ${n === 1 ? "lawsuit" : "lawsuits"}`;

export const SEARCH_FIELDS: Record<SearchedParam, SearchFieldSpec> = {
  lawsuit: {
    label: "Find a lawsuit",
    hint: "Words of its name, or its docket number",
    one: "lawsuit",
    many: "lawsuits",
    retry: "Try other words of its name, or its docket number.",
    api: apiPath.lawsuits,
    suggestions: (data) =>
      (data as { id: string; caseNameShort: string; docketNumber: string }[]).map((l) => ({ value: l.id, label: l.caseNameShort, detail: `No. ${l.docketNumber}` })),
    chosen: (s) => `Showing the filings of ${s.label}.`,
  },
  policy: {
    label: "Find a policy",
    hint: "Words of its name",
    one: "policy",
    many: "policies",
    retry: "Try other words of its name.",
    api: apiPath.policies,
    suggestions: (data) => (data as { id: string; name: string; agencies: string[] }[]).map((p) => ({ value: p.id, label: p.name, detail: p.agencies.join(", ") })),
    chosen: (s) => `Showing the filings of lawsuits that challenge ${s.label}.`,
  },
  agency: {
    label: "Find an agency",
    hint: "Words of its name, as the policies name it",
    one: "agency",
    many: "agencies",
    retry: "Try other words of its name.",
    api: apiPath.agencies,
    suggestions: (data) => (data as { name: string; lawsuits: number }[]).map((a) => ({ value: a.name, label: a.name, detail: lawsuits(a.lawsuits) })),
    chosen: (s) => `Showing the filings of lawsuits that challenge a policy of ${s.label}.`,
  },
};
