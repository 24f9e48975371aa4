// Staff reads of the research coding's reference records: the policies with how many
// lawsuits challenge each, and the issue-area vocabulary the forms choose from.
import "server-only";

import { getBulkSql } from "@/lib/db/bulk";

export interface PolicySummary {
  id: string;
  name: string;
  agencies: string[];
  lawsuitCount: number;
}

/** Every policy by name; a fixed number of statements. */
export async function listPoliciesForStaff(): Promise<PolicySummary[]> {
  const sql = getBulkSql();
  const rows = await sql<{ id: string; name: string; agencies: string[]; lawsuit_count: number }[]>`
    SELECT p.id, p.name, p.agencies, (SELECT count(*)::int FROM lawsuit_policy lp WHERE lp.policy_id = p.id) AS lawsuit_count
    FROM policy p ORDER BY p.name, p.id COLLATE "C"`;
  return rows.map((r) => ({ id: r.id, name: r.name, agencies: r.agencies, lawsuitCount: r.lawsuit_count }));
}

/** The issue-area vocabulary, by label. */
export async function listIssueAreas(): Promise<{ slug: string; label: string }[]> {
  return getBulkSql()<{ slug: string; label: string }[]>`SELECT slug, label FROM issue_area ORDER BY label, slug COLLATE "C"`;
}
