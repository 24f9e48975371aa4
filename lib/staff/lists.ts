// What the staff lists share: their URL parameters (search text, page), the lifecycle
// filter of the records that have drafts (lawsuits, filings), and paging. A bad
// parameter falls back to its default: a list never answers a hand-edited URL with an
// error page.
import { z } from "zod";

import type { Publication } from "@/lib/editing/types";
import { searchWords } from "@/lib/search-words";

export const STAFF_LIST_PAGE_SIZE = 50;
export const MAX_STAFF_QUERY_LENGTH = 200;

/** The last value of a repeated parameter, blanks as absent. */
export const singleParam = (value: unknown) => {
  const last = Array.isArray(value) ? value[value.length - 1] : value;
  return typeof last === "string" && last.trim() === "" ? undefined : last;
};

/** Search text of a staff list: a bad value is dropped, never an error page. */
export const staffQueryParam = z.preprocess(singleParam, searchWords(MAX_STAFF_QUERY_LENGTH).optional()).catch(undefined);

/** A 1-based page number; anything else is the first page. */
export const staffPageParam = z.preprocess(singleParam, z.coerce.number().int().min(1).max(100_000).default(1)).catch(1);

/** What the list of lawsuits or filings shows: live records by default, or one lifecycle state. */
export const LIFECYCLE_SHOWS = ["all", "draft", "published", "deleted"] as const;
export type LifecycleShow = (typeof LIFECYCLE_SHOWS)[number];

export const LIFECYCLE_SHOW_LABELS: Record<LifecycleShow, string> = {
  all: "Drafts and published",
  draft: "Drafts",
  published: "Published",
  deleted: "Deleted",
};

/** The parameters of the staff lists of lawsuits and filings. */
export const StaffRecordListParamsSchema = z.object({
  q: staffQueryParam,
  show: z.preprocess(singleParam, z.enum(LIFECYCLE_SHOWS).default("all")).catch("all"),
  page: staffPageParam,
});
export type StaffRecordListParams = z.output<typeof StaffRecordListParamsSchema>;

type LifecycleWhere = { deletedAt: null; publication?: Publication } | { deletedAt: { not: null } };

/**
 * The where clause of a lawsuit or filing list: its lifecycle filter, and when there is
 * search text, the record's own search conditions (`search`), any of which may match.
 */
export function recordListWhere<Where>(params: StaffRecordListParams, search: (q: string) => Where[]): LifecycleWhere & { OR?: Where[] } {
  const lifecycle: LifecycleWhere = params.show === "deleted" ? { deletedAt: { not: null } } : params.show === "all" ? { deletedAt: null } : { deletedAt: null, publication: params.show };
  return params.q ? { ...lifecycle, OR: search(params.q) } : lifecycle;
}

/** The order of the lawsuit and filing lists: what was changed last comes first. */
export const recentlyChangedFirst = () => [{ updatedAt: "desc" as const }, { id: "asc" as const }];

/** The rows of a 1-based page, for findMany. */
export const pageWindow = (page: number) => ({ skip: (page - 1) * STAFF_LIST_PAGE_SIZE, take: STAFF_LIST_PAGE_SIZE });

export interface ListPaging {
  total: number;
  page: number;
  /** At least 1, so that an empty list still has its first page. */
  pageCount: number;
}

export function pagingOf(total: number, page: number): ListPaging {
  return { total, page, pageCount: Math.max(1, Math.ceil(total / STAFF_LIST_PAGE_SIZE)) };
}

/** The address of a list page with its filters (blank ones left out) and page number, for the pager. */
export function staffListHref(path: string, filters: Record<string, string | undefined>, page: number): string {
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(filters)) if (value) query.set(name, value);
  if (page > 1) query.set("page", String(page));
  const text = query.toString();
  return text ? `${path}?${text}` : path;
}

/** Where a lawsuit or filing stands, as every staff list shows it. */
export interface RecordLifecycle {
  publication: Publication;
  /** Whether the public sees it (published, not deleted, and for a filing its lawsuit public). */
  isPublic: boolean;
  deletedAt: string | null;
  version: number;
  updatedAt: string;
}

/** The columns of RecordLifecycle, for a Prisma `select`. */
export const LIFECYCLE_COLUMNS = { publication: true, isPublic: true, deletedAt: true, version: true, updatedAt: true } as const;

export function lifecycleOf(row: { publication: Publication; isPublic: boolean; deletedAt: Date | null; version: number; updatedAt: Date }): RecordLifecycle {
  return { publication: row.publication, isPublic: row.isPublic, deletedAt: row.deletedAt?.toISOString() ?? null, version: row.version, updatedAt: row.updatedAt.toISOString() };
}
