// What every history page shares (a lawsuit's, a filing's, a lawsuit's coding's, a
// policy's, an issue area's): who may see which revisions, the page's metadata and the
// view. Each route file only names its kind.
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { cache } from "react";

import { htmlPath } from "@/lib/api/paths";
import { getStaff } from "@/lib/auth/session";
import { getRecordHistory, HistoryParamsSchema } from "@/lib/editing/history";
import { hrefWithFilter } from "@/lib/filters/params";
import type { HistoryKind } from "@/lib/editing/paths";

import { RecordHistoryView } from "./record-history";

export interface RecordHistoryPageProps {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

// The same words as the record's own page when there is no such record.
const NOT_FOUND_TITLE: Record<HistoryKind, string> = {
  lawsuit: "Lawsuit not found",
  filing: "No filing with that id",
  "lawsuit-coding": "Lawsuit not found",
  policy: "Policy not found",
  "issue-area": "Issue area not found",
};
/**
 * Where the public sees the record itself: a lawsuit's coding on the lawsuit's page; a
 * policy, which has no page of its own, as the filings of the lawsuits that challenge it;
 * an issue area in the codebook.
 */
const RECORD_HREF: Record<HistoryKind, (id: string) => string> = {
  lawsuit: htmlPath.lawsuit,
  filing: htmlPath.filing,
  "lawsuit-coding": (id) => `${htmlPath.lawsuit(id)}#coding`,
  policy: (id) => hrefWithFilter("/", { policy: id }),
  "issue-area": () => "/about/codebook#issue-areas",
};

// Staff see the whole history (drafts and deleted records too); the public, a public record's from its publication on.
const loadHistory = cache(async (kind: HistoryKind, id: string) => {
  const staff = (await getStaff()) !== null;
  return { staff, history: await getRecordHistory(kind, id, { staff }) };
});

export async function recordHistoryMetadata(kind: HistoryKind, { params }: RecordHistoryPageProps): Promise<Metadata> {
  const { history } = await loadHistory(kind, (await params).id);
  return {
    title: history ? `History: ${history.label}` : NOT_FOUND_TITLE[kind],
    // The record's own page is the one to find; its history is a record of edits.
    robots: { index: false, follow: true },
  };
}

/** The history, or a 404 when there is no such record or the viewer may not see it. */
export async function recordHistoryPage(kind: HistoryKind, { params, searchParams }: RecordHistoryPageProps) {
  const { id } = await params;
  const { staff, history } = await loadHistory(kind, id);
  if (!history) notFound();
  const { reverted } = HistoryParamsSchema.parse(await searchParams);
  return <RecordHistoryView history={history} staff={staff} recordHref={RECORD_HREF[kind](id)} reverted={reverted !== undefined} />;
}
