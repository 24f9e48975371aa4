// A lawsuit's research coding as its public page summarises it: the policies it
// challenges, its issue areas and the outcome for the states, each with where to read
// more (the filings, the history). Read as the public export reads it (publicOnly), so
// that a value whose only citation is a filing the public cannot see is not shown.
import "server-only";

import { codeLabel, OUTCOME_CLASS_CODES } from "@/lib/coding/labels";
import { readCodingRecords } from "@/lib/coding/read";
import { getBulkSql } from "@/lib/db/bulk";
import type { Sql } from "@/lib/db/sql";

export interface LawsuitCodingSummary {
  policies: { id: string; name: string; agencies: string[] }[];
  issueAreas: { slug: string; label: string }[];
  /** The outcome class's label ("Settled", "Unknown"). */
  outcome: string;
}

/** Null when the lawsuit is not public or not coded. */
export async function getLawsuitCodingSummary(lawsuitId: string, sql: Sql = getBulkSql()): Promise<LawsuitCodingSummary | null> {
  const { coding } = await readCodingRecords(sql, { coding: [lawsuitId], policies: [], issueAreas: [] }, { publicOnly: true });
  const record = coding[0] as { policies: string[]; issueAreas: string[]; outcome: { class: string } } | undefined;
  if (!record) return null;
  const [policies, areas] = await Promise.all([
    sql<{ id: string; name: string; agencies: string[] }[]>`SELECT id, name, agencies FROM policy WHERE id = ANY(${record.policies})`,
    sql<{ slug: string; label: string }[]>`SELECT slug, label FROM issue_area WHERE slug = ANY(${record.issueAreas})`,
  ]);
  // In the coding's own order.
  const inOrder = <T,>(ids: string[], rows: T[], key: (row: T) => string) => ids.flatMap((id) => rows.filter((row) => key(row) === id));
  return {
    policies: inOrder(record.policies, policies, (p) => p.id),
    issueAreas: inOrder(record.issueAreas, areas, (a) => a.slug),
    outcome: codeLabel(OUTCOME_CLASS_CODES, record.outcome.class),
  };
}
