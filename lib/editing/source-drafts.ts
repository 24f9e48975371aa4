// The sources editor's form state and its conversions, apart from the component so that
// server code (a form model read by a page or an action) can use them too.
import type { SourceRecord } from "@/lib/dataset/schema";

import { newItemKey } from "@/lib/editing/item-key";
import { optional } from "@/lib/editing/form-fields";

export interface SourceDraft {
  /** A React key that stays with the item when it moves. */
  key: string;
  url: string;
  title: string;
  publisher: string;
  published: string;
}

export function emptySource(): SourceDraft {
  return { key: newItemKey(), url: "", title: "", publisher: "", published: "" };
}

export function sourcesFromRecord(sources: readonly Partial<SourceRecord>[] | undefined): SourceDraft[] {
  return (sources ?? []).map((s) => ({ key: newItemKey(), url: s.url ?? "", title: s.title ?? "", publisher: s.publisher ?? "", published: s.published ?? "" }));
}

/** Drafts as record input for the zod schema; empty optional boxes become absent. */
export function sourcesToRecord(drafts: readonly SourceDraft[]) {
  return drafts.map((s) => {
    const published = optional(s.published);
    return { url: s.url, title: s.title, publisher: s.publisher, ...(published ? { published: published.trim() } : {}) };
  });
}
