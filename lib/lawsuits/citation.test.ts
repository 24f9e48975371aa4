import { describe, expect, it } from "vitest";

import { citeFiling } from "@/lib/filings/citation";

import { citeLawsuit } from "./citation";

const WASHINGTON = { caseNameShort: "Washington v. United States", docketNumber: "2:18-cv-00939-MJP", courtShortName: "W.D. Wash." };

describe("citeLawsuit", () => {
  it("cites the docket with the day it was filed", () => {
    expect(citeLawsuit({ ...WASHINGTON, dateFiled: "2018-06-26" })).toBe("Washington v. United States, No. 2:18-cv-00939-MJP (W.D. Wash. filed June 26, 2018)");
  });

  it("keeps a year-precision date a year, and writes the number once when the dataset holds \"No. …\"", () => {
    expect(citeLawsuit({ caseNameShort: "Flores v. Sessions", docketNumber: "No. CV 85-4544-DMG", courtShortName: "C.D. Cal.", dateFiled: "1985" })).toBe(
      "Flores v. Sessions, No. CV 85-4544-DMG (C.D. Cal. filed 1985)",
    );
  });

  it("names the case as a filing's citation names it", () => {
    const filing = citeFiling({ title: "Complaint", dateFiled: "2018-06-26", entryNumber: 1, lawsuit: { ...WASHINGTON, docketNumber: "No. 2:18-cv-00939-MJP" } });
    expect(filing).toContain(citeLawsuit({ ...WASHINGTON, dateFiled: "2018-06-26" }).split(" (")[0]);
  });
});
