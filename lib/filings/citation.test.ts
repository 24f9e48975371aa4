import { describe, expect, it } from "vitest";

import { citeFiling } from "./citation";

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
