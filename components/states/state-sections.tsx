// The sections of a jurisdiction's page (/states/NM): its officials, its filings per
// year, the lawsuits it is a plaintiff in, a page at a time, and its latest filings.
import Link from "next/link";

import { JurisdictionActivityChart } from "@/components/jurisdiction-activity-chart";
import { LawsuitStatusBadge } from "@/components/lawsuits/status-badge";
import { Badge } from "@/components/ui/badge";
import { CountsTable, type CountsColumn } from "@/components/ui/counts-table";
import { ListPager } from "@/components/ui/list-pager";
import { TableScroll, tableStyles } from "@/components/ui/table-scroll";
import { htmlPath } from "@/lib/api/paths";
import { formatPartialDate } from "@/lib/dates/partial-date";
import { FILING_KIND_LABELS } from "@/lib/filings/kinds";
import { hrefWithFilter } from "@/lib/filters/schema";
import { JURISDICTION_FILINGS_LIMIT, JURISDICTION_LAWSUITS_PAGE_SIZE, statePath, type JurisdictionDetail, type OfficialItem } from "@/lib/jurisdictions/queries";
import { COALITION_ROLE_LABELS } from "@/lib/jurisdictions/roles";

import styles from "./state-page.module.css";

/** A page of the jurisdiction's lawsuits, opened at that list. */
const lawsuitsPageHref = (code: string, page: number) => `${statePath(code, page)}#lawsuits-heading`;

export function StateOfficials({ jurisdiction }: { jurisdiction: JurisdictionDetail }) {
  const { officials } = jurisdiction;
  return (
    <section aria-labelledby="officials-heading" className={styles.section}>
      <h2 id="officials-heading">Officials</h2>
      {officials.length > 0 ? (
        <ul className={styles.plainList} aria-labelledby="officials-heading">
          {officials.map((official) => (
            <li key={official.id}>
              <strong>{official.name}</strong>, {official.office} <Term official={official} />
            </li>
          ))}
        </ul>
      ) : (
        <p className={styles.muted}>No officials of {jurisdiction.name} are recorded yet.</p>
      )}
    </section>
  );
}

function Term({ official }: { official: OfficialItem }) {
  const { termStart, termEnd } = official;
  if (!termStart && !termEnd) return null;
  return (
    <span className={styles.term}>
      {termStart && termEnd ? (
        <>
          <time dateTime={termStart}>{formatPartialDate(termStart)}</time> – <time dateTime={termEnd}>{formatPartialDate(termEnd)}</time>
        </>
      ) : termStart ? (
        <>
          since <time dateTime={termStart}>{formatPartialDate(termStart)}</time>
        </>
      ) : (
        <>
          until <time dateTime={termEnd!}>{formatPartialDate(termEnd!)}</time>
        </>
      )}
    </span>
  );
}

export function StateActivity({ jurisdiction }: { jurisdiction: JurisdictionDetail }) {
  const { totals, byYear } = jurisdiction;
  const showCoLed = totals.coLed > 0;
  const activityColumns: CountsColumn<"joined" | "led" | "coLed">[] = [
    { key: "joined", label: "Joined" },
    { key: "led", label: "Led" },
    ...(showCoLed ? [{ key: "coLed" as const, label: "Co-led" }] : []),
  ];
  return (
    <section aria-labelledby="activity-heading" className={styles.section}>
      <h2 id="activity-heading">Filings per year</h2>
      {byYear.length > 0 ? (
        <div className={styles.activity}>
          <TableScroll labelledBy="activity-caption">
            <CountsTable
              captionId="activity-caption"
              caption={`Filings ${jurisdiction.name} joined and led, per year`}
              rowHeading="Year"
              columns={activityColumns}
              rows={byYear.map((year) => ({ key: String(year.year), header: year.year, counts: year }))}
              footer={{ key: "total", header: "Total", counts: totals }}
            />
          </TableScroll>
          <JurisdictionActivityChart years={byYear} />
        </div>
      ) : (
        <p className={styles.muted}>{jurisdiction.name} has joined no filing recorded in Docketline.</p>
      )}
      <p className={styles.note}>“Joined” counts every filing it took part in, including those it led.</p>
    </section>
  );
}

export function StateLawsuits({ jurisdiction }: { jurisdiction: JurisdictionDetail }) {
  const { lawsuits, lawsuitCount, lawsuitPage, lawsuitPageCount } = jurisdiction;
  const firstLawsuit = (lawsuitPage - 1) * JURISDICTION_LAWSUITS_PAGE_SIZE + 1;
  return (
    <section aria-labelledby="lawsuits-heading" className={styles.section}>
      <h2 id="lawsuits-heading">Lawsuits as plaintiff</h2>
      {lawsuitPageCount > 1 && lawsuits.length > 0 && (
        <p className={styles.muted}>
          {firstLawsuit.toLocaleString("en-US")}–{(firstLawsuit + lawsuits.length - 1).toLocaleString("en-US")} of {lawsuitCount.toLocaleString("en-US")}, newest first
        </p>
      )}
      {lawsuits.length > 0 ? (
        <ul className={styles.plainList} aria-labelledby="lawsuits-heading">
          {lawsuits.map((lawsuit) => (
            <li key={lawsuit.id}>
              <Link href={htmlPath.lawsuit(lawsuit.id)}>{lawsuit.caseNameShort}</Link>{" "}
              <span className={styles.muted}>
                No. {lawsuit.docketNumber} ({lawsuit.court}), filed <time dateTime={lawsuit.dateFiled}>{formatPartialDate(lawsuit.dateFiled)}</time>
              </span>{" "}
              <LawsuitStatusBadge status={lawsuit.status} />
              {lawsuit.role !== "joined" && (
                <>
                  {" "}
                  <Badge tone="accent">{COALITION_ROLE_LABELS[lawsuit.role]}</Badge>
                </>
              )}
            </li>
          ))}
        </ul>
      ) : lawsuitCount > 0 ? (
        <p>
          There is no page {lawsuitPage} of its lawsuits. <Link href={lawsuitsPageHref(jurisdiction.code, 1)}>Back to the first page</Link>.
        </p>
      ) : (
        <p className={styles.muted}>{jurisdiction.name} is not a plaintiff in any lawsuit recorded in Docketline.</p>
      )}
      <ListPager page={lawsuitPage} pageCount={lawsuitPageCount} label={`Pages of ${jurisdiction.name}'s lawsuits`} hrefFor={(n) => lawsuitsPageHref(jurisdiction.code, n)} />
    </section>
  );
}

export function StateFilings({ jurisdiction }: { jurisdiction: JurisdictionDetail }) {
  const { totals, filings } = jurisdiction;
  return (
    <section aria-labelledby="filings-heading" className={styles.section}>
      <h2 id="filings-heading">Filings</h2>
      {filings.length > 0 ? (
        <TableScroll labelledBy="filings-caption">
          <table className={tableStyles.table}>
            <caption id="filings-caption">
              {totals.joined > filings.length
                ? `The latest ${filings.length} of the ${totals.joined} filings ${jurisdiction.name} joined, newest first`
                : `Filings ${jurisdiction.name} joined, newest first`}
            </caption>
            <thead>
              <tr>
                <th scope="col">Date</th>
                <th scope="col">Kind</th>
                <th scope="col">Title</th>
                <th scope="col">Lawsuit</th>
                <th scope="col">Role</th>
              </tr>
            </thead>
            <tbody>
              {filings.map((filing) => (
                <tr key={filing.id}>
                  <td className={tableStyles.nowrap}>
                    <time dateTime={filing.dateFiled}>{formatPartialDate(filing.dateFiled)}</time>
                  </td>
                  <td className={tableStyles.nowrap}>{FILING_KIND_LABELS[filing.kind]}</td>
                  <th scope="row">
                    <Link href={htmlPath.filing(filing.id)}>{filing.title}</Link>
                  </th>
                  <td>
                    {filing.lawsuit ? (
                      <Link href={htmlPath.lawsuit(filing.lawsuit.id)}>{filing.lawsuit.caseNameShort}</Link>
                    ) : (
                      <span className={tableStyles.muted}>Outside any lawsuit</span>
                    )}
                  </td>
                  <td className={tableStyles.nowrap}>
                    {filing.role === "joined" ? COALITION_ROLE_LABELS.joined : <Badge tone="accent">{COALITION_ROLE_LABELS[filing.role]}</Badge>}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      ) : (
        <p className={styles.muted}>No filings yet.</p>
      )}
      {totals.joined > JURISDICTION_FILINGS_LIMIT && (
        <p>
          <Link href={hrefWithFilter("/", { state: [jurisdiction.code] })}>See all {totals.joined} filings on the timeline</Link>
        </p>
      )}
    </section>
  );
}
