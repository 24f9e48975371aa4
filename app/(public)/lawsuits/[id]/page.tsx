import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";

import { LawsuitDocketTable } from "@/components/lawsuit-docket-table";
import { SourceList } from "@/components/source-list";
import { LawsuitStatusBadge } from "@/components/lawsuit-status-badge";
import { LawsuitTimeline, type LawsuitTimelineEvent } from "@/components/lawsuit-timeline";
import { Badge } from "@/components/ui/badge";
import { UsMap } from "@/components/us-map";
import { formatPartialDate } from "@/lib/dates/partial-date";
// The same paragraph and sentence rules as the filing page.
import { firstSentence, splitParagraphs } from "@/lib/text";
import { FILING_KIND_LABELS } from "@/lib/filings/kinds";
import { feedPath } from "@/lib/feeds/paths";
import { hrefWithFilter } from "@/lib/filters/schema";
import { COALITION_ROLE_LABELS } from "@/lib/jurisdictions/roles";
import { LAWSUIT_RELATION_LABELS, LAWSUIT_STATUS_LABELS, PARTY_SIDE_LABELS } from "@/lib/lawsuits/labels";
import { getLawsuit, type LawsuitDetail, type LawsuitRef } from "@/lib/lawsuits/queries";
import { absoluteUrl } from "@/lib/site";

import styles from "./page.module.css";

// Always read the database: lawsuits change without a rebuild.
export const dynamic = "force-dynamic";

interface LawsuitPageProps {
  params: Promise<{ id: string }>;
}

/** How much of the summary a search result or a link preview shows. */
const DESCRIPTION_LENGTH = 200;

function describe(lawsuit: LawsuitDetail): string {
  return `${lawsuit.caseNameShort}, No. ${lawsuit.docketNumber} (${lawsuit.court.shortName}). ${firstSentence(lawsuit.summary, DESCRIPTION_LENGTH)}`.trim();
}

export async function generateMetadata({ params }: LawsuitPageProps): Promise<Metadata> {
  const { id } = await params;
  const lawsuit = await getLawsuit(id);
  if (!lawsuit) return { title: "Lawsuit not found" };
  const description = describe(lawsuit);
  return {
    title: lawsuit.caseNameShort,
    description,
    alternates: {
      canonical: `/lawsuits/${lawsuit.id}`,
      types: { "application/atom+xml": [{ url: await absoluteUrl(feedPath({ lawsuit: lawsuit.id })), title: `Atom feed: filings in ${lawsuit.caseNameShort}` }] },
    },
    openGraph: { title: lawsuit.caseNameShort, description, type: "article", url: `/lawsuits/${lawsuit.id}` },
  };
}

function LawsuitLink({ lawsuit }: { lawsuit: LawsuitRef }) {
  return (
    <>
      <Link href={`/lawsuits/${lawsuit.id}`}>{lawsuit.caseNameShort}</Link>
      <span className={styles.muted}>
        {" "}
        · No. {lawsuit.docketNumber} ({lawsuit.court}) · filed <time dateTime={lawsuit.dateFiled}>{formatPartialDate(lawsuit.dateFiled)}</time> ·{" "}
        {LAWSUIT_STATUS_LABELS[lawsuit.status]}
      </span>
    </>
  );
}

/** The lawsuit's life in date order: when it was filed, its filings, and when it ended. */
function timelineEvents(lawsuit: LawsuitDetail): LawsuitTimelineEvent[] {
  const events: LawsuitTimelineEvent[] = [];
  const hasComplaintOnFilingDay = lawsuit.filings.some((f) => f.kind === "complaint" && f.dateFiled === lawsuit.dateFiled);
  if (!hasComplaintOnFilingDay) {
    events.push({ key: "filed", date: lawsuit.dateFiled, label: "Lawsuit filed", title: `in the ${lawsuit.court.fullName}` });
  }
  for (const filing of lawsuit.filings) {
    events.push({ key: filing.id, date: filing.dateFiled, label: FILING_KIND_LABELS[filing.kind], title: filing.title, href: `/filings/${filing.id}` });
  }
  if (lawsuit.dateTerminated) {
    events.push({ key: "terminated", date: lawsuit.dateTerminated, label: "Case terminated" });
  }
  return events;
}

export default async function LawsuitPage({ params }: LawsuitPageProps) {
  const { id } = await params;
  const lawsuit = await getLawsuit(id);
  if (!lawsuit) notFound();

  const lead = lawsuit.plaintiffs.filter((p) => p.role === "lead");
  const timelineHref = hrefWithFilter("/", { lawsuit: lawsuit.id });

  return (
    <article className={styles.lawsuit} aria-labelledby="lawsuit-title">
      <nav aria-label="Breadcrumb" className={styles.breadcrumb}>
        <Link href="/lawsuits">Lawsuits</Link>
        <span aria-hidden="true"> / </span>
        <span aria-current="page">{lawsuit.caseNameShort}</span>
      </nav>

      <header className={styles.header}>
        <h1 id="lawsuit-title">{lawsuit.caseName}</h1>
        <p className={styles.status}>
          <span className="visually-hidden">Status: </span>
          <LawsuitStatusBadge status={lawsuit.status} />
        </p>
        <dl className={styles.facts}>
          <div>
            <dt>Short name</dt>
            <dd>{lawsuit.caseNameShort}</dd>
          </div>
          <div>
            <dt>Court</dt>
            <dd>{lawsuit.court.fullName}</dd>
          </div>
          <div>
            <dt>Docket number</dt>
            <dd>{lawsuit.docketNumber}</dd>
          </div>
          {lawsuit.judge && (
            <div>
              <dt>Judge</dt>
              <dd>{lawsuit.judge}</dd>
            </div>
          )}
          <div>
            <dt>Date filed</dt>
            <dd>
              <time dateTime={lawsuit.dateFiled}>{formatPartialDate(lawsuit.dateFiled)}</time>
            </dd>
          </div>
          {lawsuit.dateTerminated && (
            <div>
              <dt>Date terminated</dt>
              <dd>
                <time dateTime={lawsuit.dateTerminated}>{formatPartialDate(lawsuit.dateTerminated)}</time>
              </dd>
            </div>
          )}
        </dl>
      </header>

      <section aria-labelledby="summary-heading" className={styles.section}>
        <h2 id="summary-heading" className="visually-hidden">
          Summary
        </h2>
        <div className={styles.summary}>
          {splitParagraphs(lawsuit.summary).map((paragraph, index) => (
            <p key={index}>{paragraph}</p>
          ))}
        </div>
        <p>
          <Link href={timelineHref} className={styles.timelineLink}>
            See these filings on the timeline
          </Link>
        </p>
      </section>

      <section aria-labelledby="plaintiffs-heading" className={styles.section}>
        <h2 id="plaintiffs-heading">Plaintiff jurisdictions</h2>
        {lawsuit.plaintiffs.length > 0 ? (
          <>
            <p className={styles.muted}>
              {lawsuit.plaintiffs.length} {lawsuit.plaintiffs.length === 1 ? "jurisdiction" : "jurisdictions"}
              {lead.length > 0 && `, led by ${lead.map((p) => p.name).join(" and ")}`}.
            </p>
            <div className={styles.plaintiffs}>
              <div className={styles.map}>
                <UsMap
                  title={`Plaintiff jurisdictions in ${lawsuit.caseNameShort}`}
                  description={`${lawsuit.plaintiffs.length} jurisdictions sue as plaintiffs${lead.length ? `, led by ${lead.map((p) => p.name).join(" and ")}` : ""}.`}
                  highlighted={lawsuit.plaintiffs.map((p) => ({ code: p.code, role: p.role }))}
                  mode="roles"
                />
              </div>
              <ol className={styles.plaintiffList} aria-labelledby="plaintiffs-heading">
                {lawsuit.plaintiffs.map((plaintiff) => (
                  <li key={plaintiff.code}>
                    <Link href={`/states/${plaintiff.code}`}>{plaintiff.name}</Link>
                    {plaintiff.role !== "joined" && (
                      <>
                        {" "}
                        <Badge tone="accent">{COALITION_ROLE_LABELS[plaintiff.role]}</Badge>
                      </>
                    )}
                  </li>
                ))}
              </ol>
            </div>
          </>
        ) : (
          <p className={styles.muted}>No state or territory is a plaintiff in this lawsuit.</p>
        )}
      </section>

      {lawsuit.otherParties.length > 0 && (
        <section aria-labelledby="parties-heading" className={styles.section}>
          <h2 id="parties-heading">Other parties</h2>
          <div className={styles.parties}>
            {lawsuit.otherParties.map((group) => (
              <div key={group.side}>
                <h3 id={`side-${group.side}`}>{PARTY_SIDE_LABELS[group.side]}</h3>
                <ul aria-labelledby={`side-${group.side}`} className={styles.partyList}>
                  {group.names.map((name, index) => (
                    <li key={index}>{name}</li>
                  ))}
                </ul>
              </div>
            ))}
          </div>
        </section>
      )}

      {(lawsuit.related.length > 0 || lawsuit.chain.length > 0) && (
        <section aria-labelledby="related-heading" className={styles.section}>
          <h2 id="related-heading">Related lawsuits</h2>
          {lawsuit.related.length > 0 && (
            <ul className={styles.plainList} aria-labelledby="related-heading">
              {lawsuit.related.map((related) => (
                <li key={`${related.direction}-${related.relation}-${related.lawsuit.id}`}>
                  <span className={styles.relation}>{LAWSUIT_RELATION_LABELS[related.relation][related.direction]}:</span>{" "}
                  <LawsuitLink lawsuit={related.lawsuit} />
                </li>
              ))}
            </ul>
          )}
          {lawsuit.chain.length > 0 && (
            <>
              <h3 id="chain-heading">Further along the transfer and appeal chain</h3>
              <ul className={styles.plainList} aria-labelledby="chain-heading">
                {lawsuit.chain.map((link) => (
                  <li key={`${link.from.id}-${link.to.id}`}>
                    <Link href={`/lawsuits/${link.from.id}`}>{link.from.caseNameShort}</Link>{" "}
                    <span className={styles.relation}>{LAWSUIT_RELATION_LABELS[link.relation].outgoing.toLowerCase()}</span>{" "}
                    <Link href={`/lawsuits/${link.to.id}`}>{link.to.caseNameShort}</Link>
                  </li>
                ))}
              </ul>
            </>
          )}
        </section>
      )}

      <section aria-labelledby="docket-heading" className={styles.section}>
        <h2 id="docket-heading">Filings</h2>
        {lawsuit.filings.length > 0 ? (
          <LawsuitDocketTable caseNameShort={lawsuit.caseNameShort} filings={lawsuit.filings} />
        ) : (
          <p className={styles.muted}>No filings of this lawsuit are recorded yet.</p>
        )}
      </section>

      <section aria-labelledby="timeline-heading" className={styles.section}>
        <h2 id="timeline-heading">Timeline</h2>
        <LawsuitTimeline events={timelineEvents(lawsuit)} labelledBy="timeline-heading" />
        <p>
          <Link href={timelineHref}>Open this lawsuit on the full timeline</Link>
        </p>
      </section>

      {lawsuit.sources.length > 0 && (
        <section aria-labelledby="sources-heading" className={styles.section}>
          <h2 id="sources-heading">Sources</h2>
          <SourceList sources={lawsuit.sources} />
        </section>
      )}

      <p className={styles.muted}>
        <Link href={`/lawsuits/${lawsuit.id}/history`}>History</Link>: every change to this record, and who made it
      </p>
    </article>
  );
}
