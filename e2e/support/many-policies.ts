// A dataset with more policies and agencies than the filter panel lists (TOP_CODING_OPTIONS,
// 8): nine challenged by lawsuits of two filings each, and one, the "rare" policy of the
// "rare" agency, by a lawsuit of one filing, so that it is never among the top 8 while the
// founding data's policies and these nine are there. Every name carries `tag`, a made-up
// word no other record has, so that a test can find its own records in a shared database.
// Used by the integration test of the search and the end-to-end test of the panel.

const SOURCE = { url: "https://example.org/many-policies", title: "A test source", publisher: "Example" };
const OTHERS = 9;

export interface ManyPolicies {
  dataset: Record<string, unknown>;
  rare: { policy: string; policyName: string; agency: string; lawsuit: string; filing: string };
}

export function manyPoliciesDataset(tag: string): ManyPolicies {
  const court = `many-policies-court-${tag}`;
  const policies = [];
  const lawsuits = [];
  const filings = [];
  const coding = [];
  const rare = {
    policy: `rare-policy-${tag}`,
    policyName: `Wetlands ${tag} protection rollback`,
    agency: `Office of ${tag} Affairs`,
    lawsuit: `rare-lawsuit-${tag}`,
    filing: `rare-filing-${tag}`,
  };
  for (let i = 0; i <= OTHERS; i++) {
    const isRare = i === OTHERS;
    const policy = isRare ? rare.policy : `common-policy-${i}-${tag}`;
    const lawsuit = isRare ? rare.lawsuit : `common-lawsuit-${i}-${tag}`;
    policies.push({
      id: policy,
      name: isRare ? rare.policyName : `Common rule ${i} ${tag}`,
      agencies: [isRare ? rare.agency : `Common agency ${i} ${tag}`],
      dateAnnounced: "2031-01",
      sources: [SOURCE],
    });
    lawsuits.push({
      id: lawsuit,
      caseName: `State of Washington v. Agency ${i} ${tag}`,
      caseNameShort: `Washington v. Agency ${i} ${tag}`,
      court,
      docketNumber: `9:31-cv-${String(i).padStart(5, "0")}`,
      dateFiled: "2031-02-03",
      status: "open",
      summary: "A lawsuit made up for a test of the policy and agency filters.",
      plaintiffs: [{ jurisdiction: "WA", role: "lead" }],
      otherParties: [],
      sources: [SOURCE],
    });
    for (let n = 0; n < (isRare ? 1 : 2); n++) {
      filings.push({
        id: isRare ? rare.filing : `common-filing-${i}-${n}-${tag}`,
        lawsuit,
        kind: n === 0 ? "complaint" : "motion",
        title: `${n === 0 ? "Complaint" : "Motion"} against policy ${i} ${tag}`,
        dateFiled: `2031-02-0${3 + n}`,
        summary: "A filing made up for a test of the policy and agency filters.",
        states: [{ jurisdiction: "WA", role: "lead" }],
        demands: [],
        sources: [SOURCE],
      });
    }
    coding.push({ lawsuit, policies: [policy], issueAreas: ["environment"], sources: [SOURCE] });
  }
  return {
    dataset: { format: "docketline/v1", courts: [{ id: court, shortName: "Test Ct.", fullName: "A court made up for a test" }], policies, lawsuits, filings, coding },
    rare,
  };
}
