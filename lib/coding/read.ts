// Reads the research coding (issue areas, policies, each lawsuit's coding) in its
// docketline/v1 form, with a fixed number of statements whatever the number of records.
import "server-only";

import { canonicalCoding, canonicalIssueArea, canonicalPolicy } from "@/lib/dataset/records";
import { date, groupBy, sourceFromRow, type CanonicalRecord, type ReadOptions, type Row } from "@/lib/dataset/read";
import type { Sql } from "@/lib/db/sql";

export interface CodingSelection {
  issueAreas?: string[];
  policies?: string[];
  /** Lawsuit ids. */
  coding?: string[];
}

export interface CodingRecords {
  issueAreas: CanonicalRecord[];
  policies: CanonicalRecord[];
  coding: CanonicalRecord[];
}

/**
 * Issue areas by slug, policies by id, codings by lawsuit id. A kind left out of
 * `only` is read whole; an empty list reads none. publicOnly: the codings of public
 * lawsuits, citing public filings only; a coded value whose only citation is a filing
 * the public cannot see is left out (an outcome becomes "unknown"), so that a public
 * export re-imports.
 */
export async function readCodingRecords(sql: Sql, only: CodingSelection = {}, options: ReadOptions = {}): Promise<CodingRecords> {
  const skip = (ids: string[] | undefined) => ids !== undefined && ids.length === 0;
  const [issueAreas, policies, coding] = await Promise.all([
    skip(only.issueAreas)
      ? []
      : sql<Row[]>`SELECT slug, label, definition FROM issue_area ${only.issueAreas ? sql`WHERE slug = ANY(${only.issueAreas})` : sql``} ORDER BY slug COLLATE "C"`,
    skip(only.policies) ? [] : readPolicies(sql, only.policies),
    skip(only.coding) ? [] : readCodings(sql, only.coding, options.publicOnly ?? false),
  ]);
  return { issueAreas: issueAreas.map((a) => canonicalIssueArea({ slug: a.slug, label: a.label, definition: a.definition })), policies, coding };
}

async function readPolicies(sql: Sql, ids: string[] | undefined): Promise<CanonicalRecord[]> {
  const [policies, areas, sources] = await Promise.all([
    sql<Row[]>`SELECT id, name, agencies, date_announced, date_announced_precision, citation FROM policy
               ${ids ? sql`WHERE id = ANY(${ids})` : sql``} ORDER BY id COLLATE "C"`,
    sql<Row[]>`SELECT policy_id, issue_area_slug FROM policy_issue_area ${ids ? sql`WHERE policy_id = ANY(${ids})` : sql``} ORDER BY policy_id, position`,
    sql<Row[]>`SELECT policy_id, url, title, publisher, published, published_precision FROM source
               WHERE ${ids ? sql`policy_id = ANY(${ids})` : sql`policy_id IS NOT NULL`} ORDER BY policy_id, position`,
  ]);
  const areasOf = groupBy(areas, "policy_id");
  const sourcesOf = groupBy(sources, "policy_id");
  return policies.map((p) =>
    canonicalPolicy({
      id: p.id,
      name: p.name,
      agencies: p.agencies,
      dateAnnounced: date(p.date_announced, p.date_announced_precision),
      citation: p.citation,
      issueAreas: (areasOf.get(p.id) ?? []).map((a) => a.issue_area_slug),
      sources: (sourcesOf.get(p.id) ?? []).map(sourceFromRow),
    }),
  );
}

async function readCodings(sql: Sql, ids: string[] | undefined, publicOnly: boolean): Promise<CanonicalRecord[]> {
  const byLawsuit = (column: string) => (ids ? sql`WHERE ${sql(column)} = ANY(${ids})` : sql`WHERE ${sql(column)} IS NOT NULL`);
  // A filing the public may cite: every filing for staff, a public one for the public.
  const citable = (column: string) => (publicOnly ? sql`(SELECT x.id FROM filing x WHERE x.id = ${sql(column)} AND x.is_public)` : sql`${sql(column)}`);
  const [codings, policies, areas, sides, milestones, sources] = await Promise.all([
    sql<Row[]>`
      SELECT c.lawsuit_id, c.outcome, c.outcome_date, c.outcome_date_precision, ${citable("c.outcome_decided_by_id")} AS decided_by
      FROM lawsuit_coding c ${publicOnly ? sql`JOIN lawsuit l ON l.id = c.lawsuit_id AND l.is_public` : sql``}
      ${ids ? sql`WHERE c.lawsuit_id = ANY(${ids})` : sql``} ORDER BY c.lawsuit_id COLLATE "C"`,
    sql<Row[]>`SELECT lawsuit_id, policy_id FROM lawsuit_policy ${byLawsuit("lawsuit_id")} ORDER BY lawsuit_id, position`,
    sql<Row[]>`SELECT lawsuit_id, issue_area_slug FROM lawsuit_issue_area ${byLawsuit("lawsuit_id")} ORDER BY lawsuit_id, position`,
    sql<Row[]>`SELECT s.id, s.lawsuit_id, s.jurisdiction_code, s.side, ${citable("s.filing_id")} AS filing_id FROM lawsuit_state_side s
               ${ids ? sql`WHERE s.lawsuit_id = ANY(${ids})` : sql``} ORDER BY s.lawsuit_id, s.position`,
    sql<Row[]>`SELECT m.id, m.lawsuit_id, m.relief, m.status, m.date, m.date_precision, m.scope, ${citable("m.filing_id")} AS filing_id
               FROM relief_milestone m ${ids ? sql`WHERE m.lawsuit_id = ANY(${ids})` : sql``} ORDER BY m.lawsuit_id, m.position`,
    sql<Row[]>`
      SELECT s.coding_lawsuit_id, s.outcome_lawsuit_id, s.state_side_id, s.relief_milestone_id, s.url, s.title, s.publisher, s.published, s.published_precision
      FROM source s
      WHERE ${
        ids
          ? sql`s.coding_lawsuit_id = ANY(${ids}) OR s.outcome_lawsuit_id = ANY(${ids})
                OR s.state_side_id IN (SELECT id FROM lawsuit_state_side WHERE lawsuit_id = ANY(${ids}))
                OR s.relief_milestone_id IN (SELECT id FROM relief_milestone WHERE lawsuit_id = ANY(${ids}))`
          : sql`num_nonnulls(s.coding_lawsuit_id, s.outcome_lawsuit_id, s.state_side_id, s.relief_milestone_id) = 1`
      }
      ORDER BY s.position`,
  ]);
  const policiesOf = groupBy(policies, "lawsuit_id");
  const areasOf = groupBy(areas, "lawsuit_id");
  const sidesOf = groupBy(sides, "lawsuit_id");
  const milestonesOf = groupBy(milestones, "lawsuit_id");
  const sourcesOf = (key: string) => groupBy(sources.filter((s) => s[key] !== null).map((s) => ({ ...s, parent: String(s[key]) })), "parent");
  const [classificationSources, outcomeSources, sideSources, milestoneSources] = ["coding_lawsuit_id", "outcome_lawsuit_id", "state_side_id", "relief_milestone_id"].map(sourcesOf);
  const cited = <T extends { filing?: string | null; decidedBy?: string | null; sources: unknown[] }>(value: T) =>
    Boolean(value.filing ?? value.decidedBy) || value.sources.length > 0;

  return codings.map((c) => {
    const outcome = {
      class: c.outcome,
      date: date(c.outcome_date, c.outcome_date_precision),
      decidedBy: c.decided_by,
      sources: (outcomeSources.get(c.lawsuit_id) ?? []).map(sourceFromRow),
    };
    return canonicalCoding({
      lawsuit: c.lawsuit_id,
      policies: (policiesOf.get(c.lawsuit_id) ?? []).map((p) => p.policy_id),
      issueAreas: (areasOf.get(c.lawsuit_id) ?? []).map((a) => a.issue_area_slug),
      sources: (classificationSources.get(c.lawsuit_id) ?? []).map(sourceFromRow),
      stateSides: (sidesOf.get(c.lawsuit_id) ?? [])
        .map((s) => ({ jurisdiction: s.jurisdiction_code.trim(), side: s.side, filing: s.filing_id, sources: (sideSources.get(String(s.id)) ?? []).map(sourceFromRow) }))
        .filter(cited),
      outcome: outcome.class === "unknown" || cited(outcome) ? outcome : { class: "unknown" as const, sources: [] },
      reliefMilestones: (milestonesOf.get(c.lawsuit_id) ?? [])
        .map((m) => ({
          relief: m.relief,
          status: m.status,
          date: date(m.date, m.date_precision),
          scope: m.scope,
          filing: m.filing_id,
          sources: (milestoneSources.get(String(m.id)) ?? []).map(sourceFromRow),
        }))
        .filter(cited),
    });
  });
}
