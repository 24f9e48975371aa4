// The canonical form of each record: the field order of FORMAT.md, optional fields
// left out when empty. The exporter writes it, and the importer compares against it
// to tell an unchanged record from an updated one.
import type {
  CourtRecord,
  FilingRecord,
  IssueAreaRecord,
  LawsuitCodingRecord,
  LawsuitRecord,
  OfficialRecord,
  PolicyRecord,
  SourceRecord,
} from "@/lib/dataset/schema";

type Nullable<T> = { [K in keyof T]?: T[K] | null };

/** Copies the keys in order, leaving out undefined and null (but `keep` keeps null). */
function ordered<T extends object>(value: T, keys: (keyof T)[], keep: (keyof T)[] = []): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of keys) {
    const v = value[key];
    if (v === undefined || (v === null && !keep.includes(key))) continue;
    out[key as string] = v;
  }
  return out;
}

export function canonicalSource(source: Nullable<SourceRecord>) {
  return ordered(source, ["url", "title", "publisher", "published"]);
}

export function canonicalCourt(court: CourtRecord) {
  return ordered(court, ["id", "shortName", "fullName"]);
}

export function canonicalOfficial(official: Nullable<OfficialRecord>) {
  return ordered(official, ["id", "name", "office", "jurisdiction", "termStart", "termEnd"]);
}

export function canonicalLawsuit(lawsuit: Nullable<LawsuitRecord>) {
  return {
    ...ordered(lawsuit, ["id", "caseName", "caseNameShort", "court", "docketNumber", "judge", "dateFiled", "dateTerminated", "status", "summary"]),
    plaintiffs: (lawsuit.plaintiffs ?? []).map((p) => ordered(p, ["jurisdiction", "role"])),
    otherParties: (lawsuit.otherParties ?? []).map((p) => ordered(p, ["name", "side"])),
    related: (lawsuit.related ?? []).map((r) => ordered(r, ["lawsuit", "relation"])),
    sources: (lawsuit.sources ?? []).map(canonicalSource),
  };
}

export function canonicalFiling(filing: Nullable<FilingRecord>) {
  return {
    // A filing outside any lawsuit says so with `"lawsuit": null`.
    ...ordered({ ...filing, lawsuit: filing.lawsuit ?? null }, ["id", "lawsuit", "kind", "title", "dateFiled", "entryNumber", "filedBy", "respondsTo", "summary"], ["lawsuit"]),
    states: (filing.states ?? []).map((s) => ordered(s, ["jurisdiction", "role", "official", "dateJoined"])),
    demands: (filing.demands ?? []).map((d) => ordered(d, ["text", "category", "outcome", "decidedBy"])),
    sources: (filing.sources ?? []).map(canonicalSource),
  };
}

export function canonicalIssueArea(area: IssueAreaRecord) {
  return ordered(area, ["slug", "label", "definition"]);
}

export function canonicalPolicy(policy: Nullable<PolicyRecord>) {
  return {
    ...ordered(policy, ["id", "name"]),
    agencies: policy.agencies ?? [],
    ...ordered(policy, ["dateAnnounced", "citation"]),
    issueAreas: policy.issueAreas ?? [],
    sources: (policy.sources ?? []).map(canonicalSource),
  };
}

type Coded = { sources?: Nullable<SourceRecord>[] | null };
const withSources = <T extends Coded>(value: T, keys: (keyof T)[]) => ({ ...ordered(value, keys), sources: (value.sources ?? []).map(canonicalSource) });

const UNKNOWN_OUTCOME: LawsuitCodingRecord["outcome"] = { class: "unknown", sources: [] };

export function canonicalCoding(coding: Nullable<LawsuitCodingRecord>) {
  return {
    ...ordered(coding, ["lawsuit"]),
    policies: coding.policies ?? [],
    issueAreas: coding.issueAreas ?? [],
    sources: (coding.sources ?? []).map(canonicalSource),
    stateSides: (coding.stateSides ?? []).map((s) => withSources(s, ["jurisdiction", "side", "filing"])),
    outcome: withSources(coding.outcome ?? UNKNOWN_OUTCOME, ["class", "date", "decidedBy"]),
    reliefMilestones: (coding.reliefMilestones ?? []).map((m) => withSources(m, ["relief", "status", "date", "scope", "filing"])),
  };
}

const LIST_OPENING = "[\n  [\n    ";
const LIST_CLOSING = "\n  ]\n]";

/**
 * A record as a dataset's list holds it: JSON.stringify(dataset, null, 2)'s text for
 * it, at the depth of the list's items (four spaces, then two more per level). The
 * importer keeps each filing's in filing_record (decision 034); jsonArray writes the rest.
 */
export function listedRecordText(record: object): string {
  // Stringified two levels down, so that JSON.stringify indents it, not a replace over its text.
  return JSON.stringify([[record]], null, 2).slice(LIST_OPENING.length, -LIST_CLOSING.length);
}

/**
 * `  "key": [ …records… ]` exactly as JSON.stringify(dataset, null, 2) writes it, from
 * batches of records, each an object or its listedRecordText already: the way a dataset
 * is written a batch at a time.
 */
export async function* jsonArray(key: string, batches: AsyncIterable<(object | string)[]> | Iterable<(object | string)[]>): AsyncGenerator<string> {
  let empty = true;
  yield `  ${JSON.stringify(key)}: [`;
  for await (const records of batches) {
    let text = "";
    for (const record of records) {
      text += `${empty ? "\n" : ",\n"}    ${typeof record === "string" ? record : listedRecordText(record)}`;
      empty = false;
    }
    yield text;
  }
  yield empty ? "]" : "\n  ]";
}
