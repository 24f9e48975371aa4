// Writes the research coding of a validated dataset (issue areas, policies, each
// lawsuit's coding) inside the importer's transaction (lib/dataset/import.ts), once the
// staged kinds are merged (decision 027): compared in canonical form, upserted with a
// new version, children replaced, a revision per record created or changed.
import "server-only";

import { readCodingRecords } from "@/lib/coding/read";
import {
  chunks,
  insert,
  plan,
  revisionRows,
  sourceRow,
  storedDate,
  upsert,
  type KindSummary,
  type Row,
  type WriteOptions,
} from "@/lib/dataset/rows";
import { canonicalCoding, canonicalIssueArea, canonicalPolicy } from "@/lib/dataset/records";
import type { Dataset, SourceRecord } from "@/lib/dataset/schema";
import type { Sql } from "@/lib/db/sql";

export interface CodingWriteResult {
  summary: { issueAreas: KindSummary; policies: KindSummary; coding: KindSummary };
  revisions: Row[];
}

/** Every parent column of a source that cites a coded value, all unset: a row sets one. */
const CODED_PARENTS = { policy_id: null, coding_lawsuit_id: null, outcome_lawsuit_id: null, state_side_id: null, relief_milestone_id: null };

const sourceRows = (sources: SourceRecord[], parent: Partial<Record<keyof typeof CODED_PARENTS, string | number>>, now: Date) =>
  sources.map((s, position) => sourceRow(s, position, { lawsuit_id: null, filing_id: null, ...CODED_PARENTS, ...parent }, now));

export async function writeCoding(sql: Sql, dataset: Pick<Dataset, "issueAreas" | "policies" | "coding">, options: WriteOptions, now: Date): Promise<CodingWriteResult> {
  // Issue areas and codings are keyed by slug and lawsuit; the planner keys by id.
  const areas = dataset.issueAreas.map((a) => ({ ...a, id: a.slug }));
  const codings = dataset.coding.map((c) => ({ ...c, id: c.lawsuit }));
  const existing = await readCodingRecords(sql, {
    issueAreas: areas.map((a) => a.id),
    policies: dataset.policies.map((p) => p.id),
    coding: codings.map((c) => c.id),
  });
  const areaPlan = plan(areas, existing.issueAreas, canonicalIssueArea, "slug");
  const policyPlan = plan(dataset.policies, existing.policies, canonicalPolicy);
  const codingPlan = plan(codings, existing.coding, canonicalCoding, "lawsuit");

  const areaVersions = await upsert(sql, "issue_area", areaPlan.write.map((a) => ({ slug: a.slug, label: a.label, definition: a.definition, updated_at: now })), "slug");

  const policyVersions = await upsert(
    sql,
    "policy",
    policyPlan.write.map((p) => ({ id: p.id, name: p.name, agencies: p.agencies, ...storedDate("date_announced", p.dateAnnounced), citation: p.citation ?? null, updated_at: now })),
  );
  if (policyPlan.replaced.length > 0) {
    await sql`DELETE FROM policy_issue_area WHERE policy_id = ANY(${policyPlan.replaced})`;
    await sql`DELETE FROM source WHERE policy_id = ANY(${policyPlan.replaced})`;
  }
  await insert(sql, "policy_issue_area", policyPlan.write.flatMap((p) => p.issueAreas.map((slug, position) => ({ policy_id: p.id, issue_area_slug: slug, position, updated_at: now }))));
  await insert(sql, "source", policyPlan.write.flatMap((p) => sourceRows(p.sources, { policy_id: p.id }, now)));

  const codingVersions = await upsert(
    sql,
    "lawsuit_coding",
    codingPlan.write.map((c) => ({
      lawsuit_id: c.lawsuit,
      outcome: c.outcome.class,
      ...storedDate("outcome_date", c.outcome.date),
      outcome_decided_by_id: c.outcome.decidedBy ?? null,
      updated_at: now,
    })),
    "lawsuit_id",
  );
  if (codingPlan.replaced.length > 0) {
    // Sources of sides and milestones go with them (ON DELETE CASCADE).
    const ids = codingPlan.replaced;
    for (const table of ["lawsuit_policy", "lawsuit_issue_area", "lawsuit_state_side", "relief_milestone"]) {
      await sql`DELETE FROM ${sql(table)} WHERE lawsuit_id = ANY(${ids})`;
    }
    await sql`DELETE FROM source WHERE coding_lawsuit_id = ANY(${ids}) OR outcome_lawsuit_id = ANY(${ids})`;
  }
  const w = codingPlan.write;
  await insert(sql, "lawsuit_policy", w.flatMap((c) => c.policies.map((policy, position) => ({ lawsuit_id: c.lawsuit, policy_id: policy, position, updated_at: now }))));
  await insert(sql, "lawsuit_issue_area", w.flatMap((c) => c.issueAreas.map((slug, position) => ({ lawsuit_id: c.lawsuit, issue_area_slug: slug, position, updated_at: now }))));
  const sideIds = await insertReturningIds(
    sql,
    "lawsuit_state_side",
    w.flatMap((c) => c.stateSides.map((s, position) => ({ lawsuit_id: c.lawsuit, jurisdiction_code: s.jurisdiction, side: s.side, filing_id: s.filing ?? null, position, updated_at: now }))),
  );
  const milestoneIds = await insertReturningIds(
    sql,
    "relief_milestone",
    w.flatMap((c) =>
      c.reliefMilestones.map((m, position) => ({
        lawsuit_id: c.lawsuit,
        relief: m.relief,
        status: m.status,
        ...storedDate("date", m.date),
        scope: m.scope ?? null,
        filing_id: m.filing ?? null,
        position,
        updated_at: now,
      })),
    ),
  );
  await insert(
    sql,
    "source",
    w.flatMap((c) => [
      ...sourceRows(c.sources, { coding_lawsuit_id: c.lawsuit }, now),
      ...sourceRows(c.outcome.sources, { outcome_lawsuit_id: c.lawsuit }, now),
      ...c.stateSides.flatMap((s, position) => sourceRows(s.sources, { state_side_id: sideIds.get(`${c.lawsuit}|${position}`)! }, now)),
      ...c.reliefMilestones.flatMap((m, position) => sourceRows(m.sources, { relief_milestone_id: milestoneIds.get(`${c.lawsuit}|${position}`)! }, now)),
    ]),
  );

  return {
    summary: { issueAreas: areaPlan.summary, policies: policyPlan.summary, coding: codingPlan.summary },
    revisions: [
      ...revisionRows("issue-area", areaPlan, canonicalIssueArea, areaVersions, options),
      ...revisionRows("policy", policyPlan, canonicalPolicy, policyVersions, options),
      ...revisionRows("lawsuit-coding", codingPlan, canonicalCoding, codingVersions, options),
    ],
  };
}

/** Inserts rows of a child with a serial id; returns "lawsuit|position" → id, for their sources. */
async function insertReturningIds(sql: Sql, table: "lawsuit_state_side" | "relief_milestone", rows: Row[]): Promise<Map<string, number>> {
  const ids = new Map<string, number>();
  for (const chunk of chunks(rows)) {
    const returned = await sql<{ id: number; lawsuit_id: string; position: number }[]>`
      INSERT INTO ${sql(table)} ${sql(chunk)} RETURNING id, lawsuit_id, position`;
    for (const row of returned) ids.set(`${row.lawsuit_id}|${row.position}`, row.id);
  }
  return ids;
}
