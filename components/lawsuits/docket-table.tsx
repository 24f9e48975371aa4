import Link from "next/link";

import { TableScroll, tableStyles } from "@/components/ui/table-scroll";
import { htmlPath } from "@/lib/api/paths";
import { formatPartialDate } from "@/lib/dates/partial-date";
import { FILING_KIND_LABELS } from "@/lib/filings/kinds";
import { COALITION_ROLE_LABELS } from "@/lib/jurisdictions/roles";
import type { DocketEntry } from "@/lib/lawsuits/queries";

/** "None", for a cell with nothing in it: a dash to the eye, a word to a screen reader. */
function Nothing() {
  return (
    <>
      <span aria-hidden="true">—</span>
      <span className="visually-hidden">None</span>
    </>
  );
}

/** A lawsuit's filings as its docket: entry number, date, kind, title, and who joined. */
export function LawsuitDocketTable({ caseNameShort, filings }: { caseNameShort: string; filings: DocketEntry[] }) {
  const captionId = "docket-caption";
  return (
    <TableScroll labelledBy={captionId}>
      <table className={tableStyles.table}>
        <caption id={captionId}>
          Docket of {caseNameShort}: {filings.length} {filings.length === 1 ? "filing" : "filings"}, by date
        </caption>
        <thead>
          <tr>
            <th scope="col" className={tableStyles.number}>
              <abbr title="Docket entry number">No.</abbr>
            </th>
            <th scope="col">Date</th>
            <th scope="col">Kind</th>
            <th scope="col">Title</th>
            <th scope="col" className={tableStyles.number}>
              Jurisdictions
            </th>
            <th scope="col">Lead</th>
          </tr>
        </thead>
        <tbody>
          {filings.map((filing) => (
            <tr key={filing.id}>
              <td className={tableStyles.number}>{filing.entryNumber ?? <Nothing />}</td>
              <td className={tableStyles.nowrap}>
                <time dateTime={filing.dateFiled}>{formatPartialDate(filing.dateFiled)}</time>
              </td>
              <td className={tableStyles.nowrap}>{FILING_KIND_LABELS[filing.kind]}</td>
              <th scope="row">
                <Link href={htmlPath.filing(filing.id)}>{filing.title}</Link>
              </th>
              <td className={tableStyles.number}>{filing.stateCount > 0 ? filing.stateCount : <Nothing />}</td>
              <td>
                {filing.leads.length > 0 ? (
                  filing.leads.map((lead, index) => (
                    <span key={lead.code}>
                      {index > 0 && ", "}
                      {lead.name}
                      {lead.role === "co-lead" && ` (${COALITION_ROLE_LABELS["co-lead"].toLowerCase()})`}
                    </span>
                  ))
                ) : (
                  <Nothing />
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
