"use server";

// Lookups for the staff forms' pickers (components/staff/fields/record-picker). Staff
// only: they see drafts. Each checks the session first, then its input.
import { z } from "zod";

import { requireStaff } from "@/lib/auth/session";
import { slug } from "@/lib/dataset/schema";
import { MAX_STAFF_QUERY_LENGTH } from "@/lib/staff/lists";
import { searchFilings, searchLawsuits, type RecordSummary } from "@/lib/staff/search";

const QuerySchema = z.string().max(MAX_STAFF_QUERY_LENGTH).catch("");

const FilingSearchOptionsSchema = z
  .strictObject({
    lawsuitId: slug.nullish(),
    excludeId: z.string().max(200).nullish(),
  })
  .default({});

const LawsuitSearchOptionsSchema = z
  .strictObject({
    excludeId: z.string().max(200).nullish(),
  })
  .default({});

/** Filings by title or id, drafts included; optionally one lawsuit's only, and never `excludeId`. */
export async function searchFilingsAction(query: unknown, options?: unknown): Promise<RecordSummary[]> {
  await requireStaff();
  const parsed = FilingSearchOptionsSchema.safeParse(options ?? {});
  if (!parsed.success) throw new Error("searchFilingsAction: options must be { lawsuitId?, excludeId? }");
  return searchFilings(QuerySchema.parse(query), parsed.data);
}

/** Lawsuits by caption, docket number or id, drafts included. */
export async function searchLawsuitsAction(query: unknown, options?: unknown): Promise<RecordSummary[]> {
  await requireStaff();
  const parsed = LawsuitSearchOptionsSchema.safeParse(options ?? {});
  if (!parsed.success) throw new Error("searchLawsuitsAction: options must be { excludeId? }");
  return searchLawsuits(QuerySchema.parse(query), parsed.data);
}
