import type { Metadata } from "next";

import { recordHistoryMetadata, recordHistoryPage, type RecordHistoryPageProps } from "@/components/history/record-history-page";

// Always read the database: every save adds to the history.
export const dynamic = "force-dynamic";

export function generateMetadata(props: RecordHistoryPageProps): Promise<Metadata> {
  return recordHistoryMetadata("issue-area", props);
}

export default function IssueAreaHistoryPage(props: RecordHistoryPageProps) {
  return recordHistoryPage("issue-area", props);
}
