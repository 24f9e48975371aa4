import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { cache } from "react";

import { RecordHistoryView } from "@/components/history/record-history";
import { getStaff } from "@/lib/auth/session";
import { getRecordHistory, HistoryParamsSchema } from "@/lib/editing/history";

// Always read the database: every save adds to the history.
export const dynamic = "force-dynamic";

interface Props {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

// Staff see the whole history (drafts and deleted filings too); the public, a public filing's from its publication on.
const load = cache(async (id: string) => {
  const staff = await getStaff();
  return { staff: staff !== null, history: await getRecordHistory("filing", id, { staff: staff !== null }) };
});

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { history } = await load((await params).id);
  return {
    title: history ? `History: ${history.label}` : "No filing with that id",
    // The filing's own page is the one to find; its history is a record of edits.
    robots: { index: false, follow: true },
  };
}

export default async function FilingHistoryPage({ params, searchParams }: Props) {
  const { id } = await params;
  const { staff, history } = await load(id);
  if (!history) notFound();
  const { reverted } = HistoryParamsSchema.parse(await searchParams);
  return <RecordHistoryView history={history} staff={staff} recordHref={`/filings/${encodeURIComponent(id)}`} reverted={reverted !== undefined} />;
}
