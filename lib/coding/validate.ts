// The coding's rules that look beyond one record: references resolve (in the dataset
// or the database), every filing a coded value cites belongs to the coded lawsuit, and
// nothing is dated before the lawsuit was filed. Run before anything is written.
import "server-only";

import type { DatasetProblem } from "@/lib/dataset/problems";
import type { Dataset } from "@/lib/dataset/schema";
import { fromStored, mayBeOnOrAfter, type DatePrecision } from "@/lib/dates/partial-date";
import type { Sql } from "@/lib/db/sql";

/** The research coding of a file, with the file's own lawsuits and filings as far as the coding refers to them. */
export interface CodingInput {
  issueAreas: Dataset["issueAreas"];
  policies: Dataset["policies"];
  coding: Dataset["coding"];
  lawsuits: Pick<Dataset["lawsuits"][number], "id" | "dateFiled">[];
  filings: Pick<Dataset["filings"][number], "id" | "lawsuit">[];
}

/** The lawsuits and filings a coding refers to, which must exist in the file or the database. */
export function codingReferences(dataset: Pick<Dataset, "coding">): { lawsuitIds: string[]; filingIds: string[] } {
  const lawsuitIds = [...new Set(dataset.coding.map((c) => c.lawsuit))];
  const filingIds = [
    ...new Set(
      dataset.coding.flatMap((c) => [
        ...c.stateSides.map((s) => s.filing),
        c.outcome.decidedBy,
        ...c.reliefMilestones.map((m) => m.filing),
      ]).filter((id): id is string => Boolean(id)),
    ),
  ];
  return { lawsuitIds, filingIds };
}

export async function findCodingProblems(sql: Sql, dataset: CodingInput): Promise<DatasetProblem[]> {
  if (dataset.coding.length === 0 && dataset.policies.length === 0) return [];
  const { lawsuitIds, filingIds } = codingReferences(dataset);
  const policyIds = [...new Set(dataset.coding.flatMap((c) => c.policies))];
  const areaSlugs = [...new Set([...dataset.coding.flatMap((c) => c.issueAreas), ...dataset.policies.flatMap((p) => p.issueAreas)])];

  // What the database holds; the dataset's own records take precedence below.
  const [lawsuits, filings, policies, areas] = await Promise.all([
    sql<{ id: string; date_filed: string; date_filed_precision: DatePrecision }[]>`
      SELECT id, date_filed, date_filed_precision FROM lawsuit WHERE id = ANY(${lawsuitIds}) AND deleted_at IS NULL`,
    sql<{ id: string; lawsuit_id: string | null }[]>`SELECT id, lawsuit_id FROM filing WHERE id = ANY(${filingIds}) AND deleted_at IS NULL`,
    sql<{ id: string }[]>`SELECT id FROM policy WHERE id = ANY(${policyIds})`,
    sql<{ slug: string }[]>`SELECT slug FROM issue_area WHERE slug = ANY(${areaSlugs})`,
  ]);
  const dateFiled = new Map(lawsuits.map((l) => [l.id, fromStored(l.date_filed, l.date_filed_precision)]));
  for (const l of dataset.lawsuits) dateFiled.set(l.id, l.dateFiled);
  const lawsuitOf = new Map(filings.map((f) => [f.id, f.lawsuit_id]));
  for (const f of dataset.filings) lawsuitOf.set(f.id, f.lawsuit);
  const knownPolicies = new Set([...policies.map((p) => p.id), ...dataset.policies.map((p) => p.id)]);
  const knownAreas = new Set([...areas.map((a) => a.slug), ...dataset.issueAreas.map((a) => a.slug)]);

  const problems: DatasetProblem[] = [];
  dataset.policies.forEach((policy, i) => {
    policy.issueAreas.forEach((area, j) => {
      if (!knownAreas.has(area)) problems.push({ path: ["policies", i, "issueAreas", j], message: "is not an issue area in this dataset or the vocabulary" });
    });
  });
  dataset.coding.forEach((coding, i) => {
    const filed = dateFiled.get(coding.lawsuit);
    if (filed === undefined) problems.push({ path: ["coding", i, "lawsuit"], message: "is not a lawsuit in this dataset or the database" });
    coding.policies.forEach((policy, j) => {
      if (!knownPolicies.has(policy)) problems.push({ path: ["coding", i, "policies", j], message: "is not a policy in this dataset or the database" });
    });
    coding.issueAreas.forEach((area, j) => {
      if (!knownAreas.has(area)) problems.push({ path: ["coding", i, "issueAreas", j], message: "is not an issue area in this dataset or the vocabulary" });
    });
    const checkFiling = (id: string | null | undefined, path: (string | number)[]) => {
      if (!id) return;
      if (!lawsuitOf.has(id)) problems.push({ path, message: "is not a filing in this dataset or the database" });
      else if (lawsuitOf.get(id) !== coding.lawsuit) {
        const other = lawsuitOf.get(id);
        problems.push({ path, message: other ? `is a filing of another lawsuit ("${other}"), not of "${coding.lawsuit}"` : `is a filing outside any lawsuit, not of "${coding.lawsuit}"` });
      }
    };
    const checkDate = (value: string | null | undefined, path: (string | number)[]) => {
      // "2018-06" may date a ruling in a case filed "2018-06-26": compare whole periods.
      if (value && filed !== undefined && !mayBeOnOrAfter(value, filed)) problems.push({ path, message: `is before the lawsuit was filed ("${filed}")` });
    };
    coding.stateSides.forEach((side, j) => checkFiling(side.filing, ["coding", i, "stateSides", j, "filing"]));
    checkFiling(coding.outcome.decidedBy, ["coding", i, "outcome", "decidedBy"]);
    checkDate(coding.outcome.date, ["coding", i, "outcome", "date"]);
    coding.reliefMilestones.forEach((milestone, j) => {
      checkFiling(milestone.filing, ["coding", i, "reliefMilestones", j, "filing"]);
      checkDate(milestone.date, ["coding", i, "reliefMilestones", j, "date"]);
    });
  });
  return problems;
}
