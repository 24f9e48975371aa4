// What a lawsuit's and a filing's history pages share: who may see which revisions, the
// page's metadata and the view. Each route file only names its kind.
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { cache } from "react";

import { getStaff } from "@/lib/auth/session";
import { getRecordHistory, HistoryParamsSchema } from "@/lib/editing/history";
import type { PublishableKind } from "@/lib/editing/types";

import { RecordHistoryView } from "./record-history";

export interface RecordHistoryPageProps {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

// The same words as the record's own page when there is no such record.
const NOT_FOUND_TITLE: Record<PublishableKind, string> = { lawsuit: "Lawsuit not found", filing: "No filing with that id" };
const RECORD_PATH: Record<PublishableKind, string> = { lawsuit: "/lawsuits", filing: "/filings" };

// Staff see the whole history (drafts and deleted records too); the public, a public record's from its publication on.
const loadHistory = cache(async (kind: PublishableKind, id: string) => {
  const staff = (await getStaff()) !== null;
  return { staff, history: await getRecordHistory(kind, id, { staff }) };
});

export async function recordHistoryMetadata(kind: PublishableKind, { params }: RecordHistoryPageProps): Promise<Metadata> {
  const { history } = await loadHistory(kind, (await params).id);
  return {
    title: history ? `History: ${history.label}` : NOT_FOUND_TITLE[kind],
    // The record's own page is the one to find; its history is a record of edits.
    robots: { index: false, follow: true },
  };
}

/** The history, or a 404 when there is no such record or the viewer may not see it. */
export async function recordHistoryPage(kind: PublishableKind, { params, searchParams }: RecordHistoryPageProps) {
  const { id } = await params;
  const { staff, history } = await loadHistory(kind, id);
  if (!history) notFound();
  const { reverted } = HistoryParamsSchema.parse(await searchParams);
  return <RecordHistoryView history={history} staff={staff} recordHref={`${RECORD_PATH[kind]}/${encodeURIComponent(id)}`} reverted={reverted !== undefined} />;
}
