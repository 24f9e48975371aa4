import Link from "next/link";

import { TableScroll, tableStyles } from "@/components/ui/table-scroll";
import { htmlPath } from "@/lib/api/paths";

export interface CodeRow {
  code: string;
  label: string;
  definition: string;
  /** How a coder decides it; absent where one rule serves a whole list. */
  decide?: string;
  examples: { lawsuit: string; caseNameShort: string }[];
  /** Where the code's own changes are listed, for codes kept as data (issue areas). */
  historyHref?: string;
}

/** One list of the codebook: each code with its label, definition, how to decide it, and lawsuits coded with it. */
export function CodeTable({ caption, field, codes }: { caption: string; field: string; codes: CodeRow[] }) {
  const id = `codes-${caption.toLowerCase().replace(/[^a-z0-9]+/g, "-")}`;
  const withDecide = codes.some((c) => c.decide);
  return (
    <TableScroll labelledBy={id}>
      <table className={tableStyles.table}>
        <caption id={id}>
          {caption} <span className="visually-hidden">(field </span>
          <code>{field}</code>
          <span className="visually-hidden">)</span>
        </caption>
        <thead>
          <tr>
            <th scope="col">Code</th>
            <th scope="col">Meaning</th>
            {withDecide && <th scope="col">How a coder decides</th>}
            <th scope="col">Examples in the data</th>
          </tr>
        </thead>
        <tbody>
          {codes.map((c) => (
            <tr key={c.code}>
              <th scope="row">
                {c.label}
                <br />
                <code>{c.code}</code>
                {c.historyHref && (
                  <>
                    <br />
                    <Link href={c.historyHref} aria-label={`History of ${c.label}`}>
                      History
                    </Link>
                  </>
                )}
              </th>
              <td>{c.definition}</td>
              {withDecide && <td>{c.decide}</td>}
              <td>
                {c.examples.length === 0
                  ? "None yet"
                  : c.examples.map((e, i) => (
                      <span key={e.lawsuit}>
                        {i > 0 && "; "}
                        <Link href={htmlPath.lawsuit(e.lawsuit)}>{e.caseNameShort}</Link>
                      </span>
                    ))}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
