// A filing's plain-text citation, in the spirit of the Bluebook's rule for court
// documents (B17): the document's title, the case, the docket number, the ECF entry,
// then the court and the date in parentheses. A letter or statement made outside any
// lawsuit has no case or court, so it reads as an unpublished document: the title and
// the date alone ("… (June 19, 2018)"). Dates keep their precision: "(W.D. Wash. June
// 2018)", never an invented day.
//
// The same facts as BibTeX and CSL-JSON, for reference managers (bibtex, cslJson).
import { formatPartialDateForCitation, parsePartialDate, type PartialDateString } from "@/lib/dates/partial-date";
import type { FilingKind } from "@/lib/dataset/schema";
import { FILING_KIND_LABELS } from "@/lib/filings/kinds";
import { docketNumberOf } from "@/lib/lawsuits/citation";

export interface CitableFiling {
  title: string;
  dateFiled: PartialDateString;
  entryNumber?: number | null;
  lawsuit?: { caseNameShort: string; docketNumber: string; courtShortName: string; courtFullName?: string } | null;
}

/** A filing as reference managers take it: with its id, kind and page. */
export interface CitableRecord extends CitableFiling {
  id: string;
  kind: FilingKind;
  /** The filing's page, absolute. */
  url: string;
}

/** "Title, Washington v. United States, No. 2:18-cv-00939-MJP, ECF No. 15 (W.D. Wash. July 2, 2018)". */
export function citeFiling(filing: CitableFiling): string {
  const date = formatPartialDateForCitation(filing.dateFiled);
  // A title ending in a full stop would otherwise read "Title., Case".
  const title = filing.title.trim().replace(/\.$/, "");
  if (!filing.lawsuit) return `${title} (${date})`;
  const { caseNameShort, courtShortName } = filing.lawsuit;
  const parts = [title, caseNameShort, `No. ${docketNumberOf(filing.lawsuit)}`];
  if (filing.entryNumber != null) parts.push(`ECF No. ${filing.entryNumber}`);
  return `${parts.join(", ")} (${courtShortName} ${date})`;
}

const BIBTEX_MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

/** Text for a braced BibTeX field: LaTeX's special characters escaped, braces balanced. */
function bibtexText(text: string): string {
  return text
    .replace(/\s+/g, " ")
    .trim()
    .replace(/[\\{}$&%#_^~]/g, (c) =>
      c === "\\" ? "\\textbackslash{}" : c === "^" ? "\\textasciicircum{}" : c === "~" ? "\\textasciitilde{}" : `\\${c}`,
    );
}

/**
 * A BibTeX entry. Court filings have no entry type of their own, so it is a `@misc`
 * that BibTeX and biblatex both read: `howpublished` carries the case, docket number,
 * ECF entry and court; `date` the date at its precision (biblatex reads "2018-06"),
 * `year` and `month` the same for classic BibTeX, with no day field, so a month stays a
 * month. The title is double-braced so that styles keep its capitals.
 */
export function bibtex(filing: CitableRecord): string {
  const date = parsePartialDate(filing.dateFiled);
  if (!date) throw new RangeError(`"${filing.dateFiled}" is not a date`);
  const title = filing.title.trim().replace(/\.$/, "");
  const published = filing.lawsuit ? [filing.lawsuit.caseNameShort, `No. ${docketNumberOf(filing.lawsuit)}`] : [];
  if (filing.lawsuit && filing.entryNumber != null) published.push(`ECF No. ${filing.entryNumber}`);
  const fields: [string, string][] = [["title", `{${bibtexText(title)}}`]];
  if (filing.lawsuit) fields.push(["howpublished", bibtexText(`${published.join(", ")} (${filing.lawsuit.courtShortName})`)]);
  if (filing.lawsuit?.courtFullName) fields.push(["organization", bibtexText(filing.lawsuit.courtFullName)]);
  fields.push(["type", bibtexText(FILING_KIND_LABELS[filing.kind])]);
  fields.push(["date", filing.dateFiled]);
  fields.push(["year", String(date.year)]);
  const lines = fields.map(([name, value]) => `  ${name.padEnd(12)} = {${value}},`);
  // Month macros are written bare: `month = jul`.
  if (date.month) lines.push(`  ${"month".padEnd(12)} = ${BIBTEX_MONTHS[date.month - 1]},`);
  lines.push(`  ${"url".padEnd(12)} = {${filing.url}},`);
  return `@misc{${filing.id},\n${lines.join("\n").replace(/,$/, "")}\n}\n`;
}

/** A CSL-JSON item (the input of citeproc processors, Zotero, Pandoc), in a one-item array. */
export interface CslItem {
  id: string;
  type: "document";
  title: string;
  genre: string;
  "container-title"?: string;
  authority?: string;
  number?: string;
  note?: string;
  /** Only the parts that are known: [[2018, 7, 2]], [[2018, 6]] or [[2018]]. */
  issued: { "date-parts": [number[]] };
  URL: string;
}

/**
 * CSL-JSON. A court filing is a `document` (CSL's `legal_case` is the decided case,
 * not a paper filed in it): its genre is the kind, the case name is the container,
 * the court the authority, the docket number the number, the ECF entry a note.
 */
export function cslJson(filing: CitableRecord): CslItem[] {
  const date = parsePartialDate(filing.dateFiled);
  if (!date) throw new RangeError(`"${filing.dateFiled}" is not a date`);
  const parts = [date.year, date.month, date.day].filter((n): n is number => n !== undefined);
  const { lawsuit } = filing;
  const item: CslItem = {
    id: filing.id,
    type: "document",
    title: filing.title.trim().replace(/\.$/, ""),
    genre: FILING_KIND_LABELS[filing.kind],
    ...(lawsuit && {
      "container-title": lawsuit.caseNameShort,
      authority: lawsuit.courtFullName ?? lawsuit.courtShortName,
      number: docketNumberOf(lawsuit),
      ...(filing.entryNumber != null && { note: `ECF No. ${filing.entryNumber}` }),
    }),
    issued: { "date-parts": [parts] },
    URL: filing.url,
  };
  return [item];
}

export const BIBTEX_CONTENT_TYPE = "application/x-bibtex; charset=utf-8";
/** The media type citeproc services use for CSL-JSON. */
export const CSL_JSON_CONTENT_TYPE = "application/vnd.citationstyles.csl+json; charset=utf-8";
