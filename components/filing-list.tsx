import { formatPartialDate } from "@/lib/dates/partial-date";
import { FILING_KIND_LABELS } from "@/lib/filings/kinds";
import type { FilingListItem } from "@/lib/filings/queries";

/** Who joined: "Washington + 17 others", "New Mexico and Iowa", "No states". */
export function describeCoalition(filing: Pick<FilingListItem, "leads" | "stateCount">): string {
  const { leads, stateCount } = filing;
  if (stateCount === 0) return "No states joined";
  if (leads.length === 0) return "no lead state recorded";
  const named = leads.map((l) => l.name).join(" and ");
  const others = stateCount - leads.length;
  return others > 0 ? `${named} + ${others} ${others === 1 ? "other" : "others"}` : named;
}

export function FilingList({ filings }: { filings: FilingListItem[] }) {
  return (
    <ol className="filing-list">
      {filings.map((filing) => (
        <li key={filing.id} className="filing-list__item">
          <article aria-labelledby={`filing-${filing.id}`}>
            <div className="filing-list__meta">
              {/* dateTime carries only what is known: "2018-06" for a month. */}
              <time dateTime={filing.dateFiled}>
                {formatPartialDate(filing.dateFiled)}
              </time>
              <span className="badge">{FILING_KIND_LABELS[filing.kind]}</span>
            </div>
            <h2 className="filing-list__title" id={`filing-${filing.id}`}>
              {filing.title}
            </h2>
            <div className="filing-list__meta">
              {filing.lawsuit ? (
                <span>
                  {filing.lawsuit.caseNameShort}, No. {filing.lawsuit.docketNumber} ({filing.lawsuit.court})
                </span>
              ) : (
                <span>Outside any lawsuit</span>
              )}
              {filing.stateCount > 0 && (
                <span>
                  {filing.stateCount} {filing.stateCount === 1 ? "state" : "states"} joining
                </span>
              )}
              <span>{describeCoalition(filing)}</span>
            </div>
          </article>
        </li>
      ))}
    </ol>
  );
}
