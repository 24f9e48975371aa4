// A lawsuit's plain-text citation: its docket, as the Bluebook cites a case that has no
// reported decision to cite (R10.8.1): the short caption, the docket number, then the
// court and the date it was filed in parentheses — "Washington v. United States, No.
// 2:18-cv-00939-MJP (W.D. Wash. filed June 26, 2018)". The date keeps its precision
// ("filed June 2018"), never an invented day. A filing's citation (lib/filings/citation.ts)
// names the case the same way.
import { formatPartialDateForCitation, type PartialDateString } from "@/lib/dates/partial-date";

export interface CitableDocket {
  caseNameShort: string;
  docketNumber: string;
  courtShortName: string;
}

/** "No. 2:18-cv-00939-MJP" → "2:18-cv-00939-MJP": the number alone, as the dataset may hold either. */
export function docketNumberOf(docket: Pick<CitableDocket, "docketNumber">): string {
  return docket.docketNumber.replace(/^No\.\s*/i, "");
}

/** "Washington v. United States, No. 2:18-cv-00939-MJP (W.D. Wash. filed June 26, 2018)". */
export function citeLawsuit(lawsuit: CitableDocket & { dateFiled: PartialDateString }): string {
  return `${lawsuit.caseNameShort}, No. ${docketNumberOf(lawsuit)} (${lawsuit.courtShortName} filed ${formatPartialDateForCitation(lawsuit.dateFiled)})`;
}
