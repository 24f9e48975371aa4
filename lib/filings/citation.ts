// A filing's plain-text citation, in the spirit of the Bluebook's rule for court
// documents (B17): the document's title, the case, the docket number, the ECF entry,
// then the court and the date in parentheses. A letter or statement made outside any
// lawsuit has no case or court, so it reads as an unpublished document: the title and
// the date alone ("… (June 19, 2018)"). Dates keep their precision: "(W.D. Wash. June
// 2018)", never an invented day.
import { formatPartialDateForCitation, type PartialDateString } from "@/lib/dates/partial-date";

export interface CitableFiling {
  title: string;
  dateFiled: PartialDateString;
  entryNumber?: number | null;
  lawsuit?: { caseNameShort: string; docketNumber: string; courtShortName: string } | null;
}

/** "Title, Washington v. United States, No. 2:18-cv-00939-MJP, ECF No. 15 (W.D. Wash. July 2, 2018)". */
export function citeFiling(filing: CitableFiling): string {
  const date = formatPartialDateForCitation(filing.dateFiled);
  // A title ending in a full stop would otherwise read "Title., Case".
  const title = filing.title.trim().replace(/\.$/, "");
  if (!filing.lawsuit) return `${title} (${date})`;
  const { caseNameShort, docketNumber, courtShortName } = filing.lawsuit;
  const parts = [title, caseNameShort, `No. ${docketNumber.replace(/^No\.\s*/i, "")}`];
  if (filing.entryNumber != null) parts.push(`ECF No. ${filing.entryNumber}`);
  return `${parts.join(", ")} (${courtShortName} ${date})`;
}
