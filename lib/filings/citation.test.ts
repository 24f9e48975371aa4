import { describe, expect, it } from "vitest";

import { bibtex, citeFiling, cslJson } from "./citation";

const WASHINGTON = { caseNameShort: "Washington v. United States", docketNumber: "2:18-cv-00939-MJP", courtShortName: "W.D. Wash." };

describe("citeFiling", () => {
  it("cites a docketed filing with its ECF entry number", () => {
    expect(
      citeFiling({
        title: "States' Motion for Expedited Discovery and Regular Status Conferences",
        dateFiled: "2018-07-02",
        entryNumber: 15,
        lawsuit: WASHINGTON,
      }),
    ).toBe(
      "States' Motion for Expedited Discovery and Regular Status Conferences, Washington v. United States, No. 2:18-cv-00939-MJP, ECF No. 15 (W.D. Wash. July 2, 2018)",
    );
  });

  it("leaves out the ECF part when the filing has no entry number", () => {
    expect(
      citeFiling({
        title: "Order granting in part the states' motion for expedited discovery",
        dateFiled: "2018-07-19",
        entryNumber: null,
        lawsuit: WASHINGTON,
      }),
    ).toBe("Order granting in part the states' motion for expedited discovery, Washington v. United States, No. 2:18-cv-00939-MJP (W.D. Wash. July 19, 2018)");
  });

  it("cites a letter outside any lawsuit by its title and date", () => {
    expect(
      citeFiling({
        title: "Attorneys general letter to Attorney General Sessions and Secretary Nielsen demanding an end to family separation",
        dateFiled: "2018-06-19",
        lawsuit: null,
      }),
    ).toBe("Attorneys general letter to Attorney General Sessions and Secretary Nielsen demanding an end to family separation (June 19, 2018)");
  });

  it("gives only the month of a month-precision date, never an invented day", () => {
    const citation = citeFiling({ title: "States' notice", dateFiled: "2018-06", entryNumber: 7, lawsuit: WASHINGTON });
    expect(citation).toBe("States' notice, Washington v. United States, No. 2:18-cv-00939-MJP, ECF No. 7 (W.D. Wash. June 2018)");
    expect(citeFiling({ title: "Statement", dateFiled: "2018-09" })).toBe("Statement (Sept. 2018)");
  });

  it("gives only the year of a year-precision date", () => {
    expect(
      citeFiling({ title: "Complaint", dateFiled: "1985", lawsuit: { caseNameShort: "Flores v. Sessions", docketNumber: "CV 85-4544-DMG", courtShortName: "C.D. Cal." } }),
    ).toBe("Complaint, Flores v. Sessions, No. CV 85-4544-DMG (C.D. Cal. 1985)");
  });

  it("does not double the full stop of a title that ends with one", () => {
    expect(citeFiling({ title: "Letter to the Secretary.", dateFiled: "2019" })).toBe("Letter to the Secretary (2019)");
  });
});

const MOTION = {
  id: "wa-v-us-2018-dkt-15",
  kind: "motion" as const,
  title: "States' Motion for Expedited Discovery and Regular Status Conferences",
  dateFiled: "2018-07-02",
  entryNumber: 15,
  lawsuit: { ...WASHINGTON, courtFullName: "U.S. District Court for the Western District of Washington" },
  url: "https://docketline.example/filings/wa-v-us-2018-dkt-15",
};

describe("bibtex", () => {
  it("gives a month-precision date as year and month, with no day anywhere", () => {
    const entry = bibtex({ ...MOTION, dateFiled: "2018-06" });
    expect(entry).toContain("  date         = {2018-06},\n");
    expect(entry).toContain("  year         = {2018},\n");
    expect(entry).toContain("  month        = jun,\n");
    expect(entry).not.toMatch(/day|2018-06-/);
  });

  it("gives a year-precision date as the year alone", () => {
    const entry = bibtex({ ...MOTION, dateFiled: "1985" });
    expect(entry).toContain("  date         = {1985},\n");
    expect(entry).toContain("  year         = {1985},\n");
    expect(entry).not.toContain("month");
  });

  it("escapes LaTeX's special characters and keeps braces balanced", () => {
    const entry = bibtex({ ...MOTION, title: "Brief on 100% of #claims & {costs}_under $ rules ~ ^ \\ end." });
    expect(entry).toContain(
      "  title        = {{Brief on 100\\% of \\#claims \\& \\{costs\\}\\_under \\$ rules \\textasciitilde{} \\textasciicircum{} \\textbackslash{} end}},",
    );
    const depth = [...entry].reduce((d, c, i) => (entry[i - 1] === "\\" ? d : c === "{" ? d + 1 : c === "}" ? d - 1 : d), 0);
    expect(depth).toBe(0);
  });
});

describe("cslJson", () => {
  it("gives only the known parts of the date", () => {
    expect(cslJson({ ...MOTION, dateFiled: "2018-06" })[0].issued).toEqual({ "date-parts": [[2018, 6]] });
    expect(cslJson({ ...MOTION, dateFiled: "1985" })[0].issued).toEqual({ "date-parts": [[1985]] });
  });

  it("puts the case, court, docket number and ECF entry in CSL's variables", () => {
    expect(cslJson(MOTION)[0]).toMatchObject({
      type: "document",
      genre: "Motion",
      "container-title": "Washington v. United States",
      authority: "U.S. District Court for the Western District of Washington",
      number: "2:18-cv-00939-MJP",
      note: "ECF No. 15",
    });
  });
});
