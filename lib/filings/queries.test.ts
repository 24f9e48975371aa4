// The filing page's view model, without a database: rows as Prisma and the raw
// queries return them, in; what the page shows, out.
import { describe, expect, it } from "vitest";

import { firstSentence, splitParagraphs } from "@/lib/text";

import { buildThread, toFilingDetail, type FilingDetailRow, type RawThreadRow } from "@/lib/filings/queries";

const utc = (iso: string) => new Date(`${iso}T00:00:00Z`);

function row(overrides: Partial<FilingDetailRow> = {}): FilingDetailRow {
  return {
    id: "wa-v-us-2018-notice",
    kind: "notice",
    title: "States' notice of supplemental authority",
    // Known only to the month: stored as the first of the month.
    dateFiled: utc("2018-06-01"),
    dateFiledPrecision: "month",
    entryNumber: null,
    filedBy: "plaintiffs",
    summary: "The states filed a notice. It cites the U.S. Supreme Court.\n\nA second paragraph.",
    lawsuit: {
      id: "washington-v-united-states-2018",
      caseName: "State of Washington et al. v. United States of America et al.",
      caseNameShort: "Washington v. United States",
      docketNumber: "2:18-cv-00939-MJP",
      court: { shortName: "W.D. Wash.", fullName: "U.S. District Court for the Western District of Washington" },
    },
    states: [
      { jurisdictionCode: "NM", role: "joined", dateJoined: utc("2018-07-01"), dateJoinedPrecision: "month", official: { name: "Hector H. Balderas" } },
      { jurisdictionCode: "WA", role: "lead", dateJoined: null, dateJoinedPrecision: null, official: null },
      { jurisdictionCode: "CA", role: "co_lead", dateJoined: utc("2018-01-01"), dateJoinedPrecision: "year", official: null },
    ],
    demands: [
      {
        id: 1,
        text: "Hold regular status conferences.",
        category: "procedure",
        outcome: "granted_in_part",
        decidedBy: { id: "order-1", kind: "order", title: "Order", dateFiled: utc("2018-07-01"), dateFiledPrecision: "month", entryNumber: null, isPublic: true },
      },
    ],
    decidedDemands: [],
    sources: [{ url: "https://example.org/a", title: "A", publisher: "P", published: utc("2018-06-01"), publishedPrecision: "month" }],
    ...overrides,
  };
}

describe("The filing page's view model", () => {
  it("shows a month-precision date as the month, never as an invented day", () => {
    const detail = toFilingDetail(row(), [], []);
    expect(detail.dateFiled).toEqual({ value: "2018-06", text: "June 2018" });
    expect(detail.citation).toBe("States' notice of supplemental authority, Washington v. United States, No. 2:18-cv-00939-MJP (W.D. Wash. June 2018)");
    expect(detail.sources[0].published).toEqual({ value: "2018-06", text: "June 2018" });
    expect(detail.demands[0].decidedBy?.dateFiled).toEqual({ value: "2018-07", text: "July 2018" });
    const everything = JSON.stringify(detail);
    expect(everything).not.toMatch(/\b1 June 2018\b|June 1, 2018|2018-06-01/);
  });

  it("groups jurisdictions lead first, then co-lead, then joined, with official and date joined when recorded", () => {
    const detail = toFilingDetail(row(), [], []);
    expect(detail.jurisdictionGroups.map((g) => [g.label, g.members.map((m) => m.name)])).toEqual([
      ["Lead", ["Washington"]],
      ["Co-lead", ["California"]],
      ["Joined", ["New Mexico"]],
    ]);
    expect(detail.jurisdictionGroups[2].members[0]).toEqual({
      code: "NM",
      name: "New Mexico",
      official: "Hector H. Balderas",
      dateJoined: { value: "2018-07", text: "July 2018" },
    });
    expect(detail.jurisdictionGroups[1].members[0].dateJoined).toEqual({ value: "2018", text: "2018" });
  });

  it("labels demands with hyphenated outcomes and lists the filings deciding them", () => {
    const detail = toFilingDetail(row(), [], []);
    expect(detail.demands[0]).toMatchObject({ outcome: "granted-in-part", outcomeLabel: "Granted in part", outcomeTone: "partial", categoryLabel: "Procedure" });
    expect(detail.demandsDecidedBy).toEqual([expect.objectContaining({ id: "order-1", demandCount: 1 })]);
  });

  it("names no decision when the deciding filing is not public (a draft order links nowhere)", () => {
    const [demand] = row().demands;
    const detail = toFilingDetail(row({ demands: [{ ...demand, decidedBy: { ...demand.decidedBy!, isPublic: false } }] }), [], []);
    expect(detail.demands[0].decidedBy).toBeNull();
    expect(detail.demandsDecidedBy).toEqual([]);
    expect(JSON.stringify(detail)).not.toContain("order-1");
  });

  it("splits the summary into paragraphs and takes its first sentence past abbreviations", () => {
    const detail = toFilingDetail(row(), [], []);
    expect(detail.summaryParagraphs).toEqual(["The states filed a notice. It cites the U.S. Supreme Court.", "A second paragraph."]);
    expect(detail.summaryFirstSentence).toBe("The states filed a notice.");
    expect(firstSentence("Led by New Mexico, attorneys general wrote to U.S. Attorney General Jeff Sessions. Then more.")).toBe(
      "Led by New Mexico, attorneys general wrote to U.S. Attorney General Jeff Sessions.",
    );
    expect(firstSentence("Judge Marsha J. Pechman granted it. More.")).toBe("Judge Marsha J. Pechman granted it.");
    expect(firstSentence("No full stop at all")).toBe("No full stop at all");
    expect(firstSentence(`${"word ".repeat(100)}end.`, 40)).toBe(`${"word ".repeat(8).trim()}…`);
    expect(splitParagraphs("  one\r\n\r\n\r\ntwo \n three  ")).toEqual(["one", "two three"]);
  });
});

describe("buildThread", () => {
  const node = (id: string, respondsToId: string | null, depth: number, dateFiled: string): RawThreadRow => ({
    id,
    kind: "motion",
    title: id,
    dateFiled,
    precision: "day",
    entryNumber: null,
    respondsToId,
    depth,
  });

  it("builds the tree from the root, responses in docket order, and marks the current filing", () => {
    const thread = buildThread(
      [node("motion", null, 0, "2018-07-02"), node("response", "motion", 1, "2018-07-11"), node("reply", "response", 2, "2018-07-13"), node("order", "motion", 1, "2018-07-19")],
      "reply",
    );
    const shape = (n: NonNullable<typeof thread>): unknown => [n.id, n.isCurrent, n.responses.map(shape)];
    expect(shape(thread!)).toEqual(["motion", false, [["response", false, [["reply", true, []]]], ["order", false, []]]]);
  });

  it("is null for a filing that answers nothing and that nothing answers", () => {
    expect(buildThread([node("alone", null, 0, "2018-07-02")], "alone")).toBeNull();
  });
});
