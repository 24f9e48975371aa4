// A field is named the same on the staff forms, in their error summaries and in the
// histories, because all of them read lib/editing/vocabulary.
import { describe, expect, it } from "vitest";

import { FILING_FIELD_LABELS, filingFieldLabel } from "@/lib/filings/form-model";
import { LAWSUIT_FIELD_LABELS, lawsuitFieldLabel, validateLawsuit } from "@/lib/lawsuits/form-model";
import { describeChanges } from "@/lib/editing/changes";
import { FIELD_LABELS, REVISION_ACTION_WORDS, revisionPredicate } from "@/lib/editing/vocabulary";
import { REVISION_ACTIONS } from "@/lib/editing/types";

const lawsuit = {
  id: "zed-v-nobody-2020",
  caseName: "State of Zed v. Nobody",
  caseNameShort: "Zed v. Nobody",
  court: "wawd",
  docketNumber: "2:20-cv-00001",
  dateFiled: "2020-05-01",
  status: "open",
  summary: "A lawsuit.",
  plaintiffs: [{ jurisdiction: "WA", role: "lead" }],
  otherParties: [],
  related: [],
  sources: [],
};

describe("the vocabulary of fields", () => {
  it("names a lawsuit's fields alike on the form and in its history", () => {
    const changed = { ...lawsuit, caseName: "State of Zed et al. v. Nobody", caseNameShort: "Zed v. Nobody II", docketNumber: "2:20-cv-00002" };
    const changes = describeChanges("lawsuit", lawsuit, changed);
    expect(changes.map((c) => c.field)).toEqual(["caseName", "caseNameShort", "docketNumber"]);
    for (const change of changes) {
      expect(change.label).toBe(LAWSUIT_FIELD_LABELS[change.field as keyof typeof LAWSUIT_FIELD_LABELS]);
      expect(change.label).toBe(lawsuitFieldLabel([change.field]));
    }
    // The drifted pair, settled on the legal domain's names (caseName, caseNameShort).
    expect(changes.map((c) => c.label)).toEqual(["Case name", "Short name", "Docket number"]);
  });

  it("names a filing's fields alike on the form and in its history", () => {
    const before = { id: "f", lawsuit: "l", kind: "motion", title: "Motion", dateFiled: "2020-05-01", summary: "A.", states: [], demands: [], sources: [] };
    const after = { ...before, title: "Motion to compel", dateFiled: "2020-05-02", summary: "B." };
    for (const change of describeChanges("filing", before, after)) {
      expect(change.label).toBe(FILING_FIELD_LABELS[change.field as keyof typeof FILING_FIELD_LABELS]);
      expect(change.label).toBe(filingFieldLabel([change.field]));
    }
  });

  it("names a list item's property in the error summary as in the history", () => {
    const before = { ...lawsuit, plaintiffs: [{ jurisdiction: "WA", role: "lead" }] };
    const after = { ...lawsuit, plaintiffs: [{ jurisdiction: "WA", role: "joined" }] };
    const [change] = describeChanges("lawsuit", before, after);
    if (change.type !== "list") throw new Error(`expected a list change, got ${change.type}`);
    const historyLabel = change.items[0].details[0].label;
    expect(lawsuitFieldLabel(["plaintiffs", 0, "role"])).toBe(`Plaintiff state 1: ${historyLabel}`);
  });

  it("labels the form's own problems with the same names", () => {
    const problems = validateLawsuit({ ...lawsuit, caseName: "", caseNameShort: "" });
    const labels = problems.map((p) => lawsuitFieldLabel(p.path));
    expect(labels).toEqual(expect.arrayContaining([FIELD_LABELS.lawsuit.caseName, FIELD_LABELS.lawsuit.caseNameShort]));
  });

  it("has a word for every revision action", () => {
    for (const action of REVISION_ACTIONS) {
      expect(REVISION_ACTION_WORDS[action]).toMatch(/^[a-z]+ed$/);
      expect(revisionPredicate(action)).not.toBe("");
    }
  });
});
