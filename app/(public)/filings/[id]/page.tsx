import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";

import { CopyButton } from "@/components/copy-button";
import { SourceList } from "@/components/source-list";
import { Badge } from "@/components/ui/badge";
import { UsMap } from "@/components/us-map";
import { getFilingDetail, type DateView, type FilingDetail, type FilingRef, type ThreadNode } from "@/lib/filings/detail";
import { absoluteUrl } from "@/lib/site";

import styles from "./page.module.css";

// Always read the database: filings change without a rebuild.
export const dynamic = "force-dynamic";

interface Props {
  params: Promise<{ id: string }>;
}

function filingPath(id: string): string {
  return `/filings/${encodeURIComponent(id)}`;
}

/** The filing's absolute, stable URL. */
function permalinkOf(id: string): Promise<string> {
  return absoluteUrl(filingPath(id));
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { id } = await params;
  const filing = await getFilingDetail(id);
  // The page itself calls notFound(), so that the response is a 404.
  if (!filing) return { title: "No filing with that id" };
  return {
    title: filing.title,
    description: filing.summaryFirstSentence,
    openGraph: {
      title: filing.title,
      description: filing.summaryFirstSentence,
      type: "article",
      url: await permalinkOf(filing.id),
    },
    alternates: { canonical: filingPath(filing.id) },
  };
}

export default async function FilingPage({ params }: Props) {
  const { id } = await params;
  const filing = await getFilingDetail(id);
  if (!filing) notFound();

  const stateCount = filing.jurisdictionGroups.reduce((n, g) => n + g.members.length, 0);
  const permalink = await permalinkOf(filing.id);

  return (
    <article className={styles.filing} aria-labelledby="filing-title">
      <header className={styles.header}>
        <p className={styles.meta}>
          <DateText date={filing.dateFiled} />
          <Badge>{filing.kindLabel}</Badge>
          {filing.entryNumber !== null && <span>ECF No. {filing.entryNumber}</span>}
        </p>
        <h1 id="filing-title">{filing.title}</h1>
      </header>

      <Facts filing={filing} />

      <div className={styles.layout}>
        <div className={styles.main}>
          <section aria-labelledby="summary-heading" className={styles.section}>
            <h2 id="summary-heading">Summary</h2>
            {filing.summaryParagraphs.map((paragraph, i) => (
              <p key={i} className={styles.prose}>
                {paragraph}
              </p>
            ))}
          </section>

          {stateCount > 0 && (
            <section aria-labelledby="jurisdictions-heading" className={styles.section}>
              <h2 id="jurisdictions-heading">Jurisdictions</h2>
              <p className={styles.sectionLede}>
                {stateCount === 1 ? "1 jurisdiction" : `${stateCount} jurisdictions`} joined this {filing.kindLabel.toLowerCase()} through their
                attorneys general.
              </p>
              <div className={styles.mapWrap}>
                <UsMap
                  title={`Jurisdictions joining: ${filing.title}`}
                  description={filing.jurisdictionGroups.map((g) => `${g.label}: ${g.members.length}`).join(", ")}
                  highlighted={filing.jurisdictionGroups.flatMap((g) => g.members.map((m) => ({ code: m.code, role: g.role })))}
                  mode="roles"
                />
              </div>
              {filing.jurisdictionGroups.map((group) => (
                <div key={group.role} className={styles.group}>
                  <h3 id={`role-${group.role}`}>
                    {group.label} <span className={styles.count}>({group.members.length})</span>
                  </h3>
                  <ul aria-labelledby={`role-${group.role}`} className={group.members.length > 3 ? styles.columns : styles.plainList}>
                    {group.members.map((member) => (
                      <li key={member.code}>
                        {member.name}
                        {member.official && <span className={styles.muted}> — {member.official}</span>}
                        {member.dateJoined && (
                          <span className={styles.muted}>
                            , joined <DateText date={member.dateJoined} />
                          </span>
                        )}
                      </li>
                    ))}
                  </ul>
                </div>
              ))}
            </section>
          )}

          {filing.demands.length > 0 && (
            <section aria-labelledby="demands-heading" className={styles.section}>
              <h2 id="demands-heading">Demands</h2>
              <ol className={styles.demands}>
                {filing.demands.map((demand) => (
                  <li key={demand.id} className={styles.demand}>
                    <p className={styles.demandText}>{demand.text}</p>
                    <p className={styles.demandMeta}>
                      <Badge tone={demand.outcomeTone}>{demand.outcomeLabel}</Badge>
                      <span>{demand.categoryLabel}</span>
                      {demand.decidedBy && (
                        <span>
                          Decided by <FilingLink filing={demand.decidedBy} />
                        </span>
                      )}
                    </p>
                  </li>
                ))}
              </ol>
            </section>
          )}

          {(filing.thread || filing.demandsDecidedBy.length > 0 || filing.decidesDemandsOf.length > 0) && (
            <section aria-labelledby="thread-heading" className={styles.section}>
              <h2 id="thread-heading">Thread</h2>
              {filing.thread && (
                <>
                  <p className={styles.sectionLede}>What this filing answers, and what answers it, in docket order.</p>
                  <ol className={styles.thread} aria-label="Filings in this thread">
                    <ThreadItem node={filing.thread} />
                  </ol>
                </>
              )}
              {filing.demandsDecidedBy.length > 0 && (
                <>
                  <h3 id="decided-by-heading">Its demands are decided by</h3>
                  <ul aria-labelledby="decided-by-heading" className={styles.refList}>
                    {filing.demandsDecidedBy.map((ref) => (
                      <li key={ref.id}>
                        <RefLine filing={ref} note={ref.demandCount === 1 ? "decides 1 demand" : `decides ${ref.demandCount} demands`} />
                      </li>
                    ))}
                  </ul>
                </>
              )}
              {filing.decidesDemandsOf.length > 0 && (
                <>
                  <h3 id="decides-heading">It decides demands of</h3>
                  <ul aria-labelledby="decides-heading" className={styles.refList}>
                    {filing.decidesDemandsOf.map((ref) => (
                      <li key={ref.id}>
                        <RefLine filing={ref} />
                        <ul className={styles.decidedDemands}>
                          {ref.demands.map((d, i) => (
                            <li key={i}>
                              {d.text} <span className={styles.muted}>({d.outcomeLabel.toLowerCase()})</span>
                            </li>
                          ))}
                        </ul>
                      </li>
                    ))}
                  </ul>
                </>
              )}
            </section>
          )}

          <section aria-labelledby="sources-heading" className={styles.section}>
            <h2 id="sources-heading">Sources</h2>
            {filing.sources.length > 0 ? (
              <SourceList sources={filing.sources.map((source) => ({ ...source, published: source.published?.value ?? null }))} />
            ) : (
              <p>No source is recorded for this filing.</p>
            )}
          </section>
        </div>

        <aside className={styles.aside} aria-label="Cite and navigate">
          <section aria-labelledby="cite-heading" className={styles.card}>
            <h2 id="cite-heading">Cite this</h2>
            <p id="citation" className={styles.citation}>
              {filing.citation}
            </p>
            <CopyButton targetId="citation" label="Copy citation" />
            <p className={styles.citeDownloads}>
              Download as{" "}
              <a href={`${filingPath(filing.id)}/cite.bib`} download>
                BibTeX
              </a>{" "}
              or{" "}
              <a href={`${filingPath(filing.id)}/cite.json`} download>
                CSL-JSON
              </a>
            </p>
            <h3 id="permalink-heading">Permalink</h3>
            <p id="permalink" className={styles.permalink}>
              <a href={permalink}>{permalink}</a>
            </p>
            <CopyButton targetId="permalink" label="Copy link" />
            <p className={styles.citeDownloads}>
              <Link href={`${filingPath(filing.id)}/history`}>History</Link>: every change to this record, and who made it
            </p>
          </section>

          {filing.lawsuit && (filing.previous || filing.next) && (
            <nav aria-label="Filings in this lawsuit" className={`${styles.card} ${styles.pager}`}>
              <h2>In this lawsuit</h2>
              {filing.previous && (
                <p>
                  <span className={styles.pagerLabel}>Previous</span>
                  <RefLine filing={filing.previous} rel="prev" />
                </p>
              )}
              {filing.next && (
                <p>
                  <span className={styles.pagerLabel}>Next</span>
                  <RefLine filing={filing.next} rel="next" />
                </p>
              )}
            </nav>
          )}
        </aside>
      </div>
    </article>
  );
}

function Facts({ filing }: { filing: FilingDetail }) {
  const { lawsuit } = filing;
  return (
    <dl className={styles.facts}>
      <div>
        <dt>Lawsuit</dt>
        <dd>
          {lawsuit ? <Link href={`/lawsuits/${encodeURIComponent(lawsuit.id)}`}>{lawsuit.caseNameShort}</Link> : "None: made outside any lawsuit"}
        </dd>
      </div>
      {lawsuit && (
        <>
          <div>
            <dt>Court</dt>
            <dd>{lawsuit.court.fullName}</dd>
          </div>
          <div>
            <dt>Docket number</dt>
            <dd>No. {lawsuit.docketNumber}</dd>
          </div>
        </>
      )}
      {filing.entryNumber !== null && (
        <div>
          <dt>Docket entry</dt>
          <dd>ECF No. {filing.entryNumber}</dd>
        </div>
      )}
      {filing.filedBy && (
        <div>
          <dt>Filed by</dt>
          <dd>{filing.filedBy}</dd>
        </div>
      )}
    </dl>
  );
}

/** Only what is known of the date: "June 2018" stays a month. */
function DateText({ date }: { date: DateView }) {
  return <time dateTime={date.value}>{date.text}</time>;
}

function FilingLink({ filing, rel }: { filing: FilingRef; rel?: string }) {
  return (
    <Link href={filingPath(filing.id)} rel={rel}>
      {filing.title}
    </Link>
  );
}

/** "2 July 2018 · Motion · ECF No. 15", then the title as a link. */
function RefLine({ filing, rel, note }: { filing: FilingRef; rel?: string; note?: string }) {
  return (
    <span className={styles.refLine}>
      <span className={styles.refMeta}>
        <DateText date={filing.dateFiled} /> · {filing.kindLabel}
        {filing.entryNumber !== null && ` · ECF No. ${filing.entryNumber}`}
        {note && ` · ${note}`}
      </span>
      <FilingLink filing={filing} rel={rel} />
    </span>
  );
}

function ThreadItem({ node }: { node: ThreadNode }) {
  return (
    <li className={node.isCurrent ? styles.current : undefined}>
      <span className={styles.refLine}>
        <span className={styles.refMeta}>
          <DateText date={node.dateFiled} /> · {node.kindLabel}
          {node.entryNumber !== null && ` · ECF No. ${node.entryNumber}`}
          {node.isCurrent && <strong className={styles.here}> · this filing</strong>}
        </span>
        <Link href={filingPath(node.id)} aria-current={node.isCurrent ? "page" : undefined}>
          {node.title}
        </Link>
      </span>
      {node.responses.length > 0 && (
        <ol>
          {node.responses.map((child) => (
            <ThreadItem key={child.id} node={child} />
          ))}
        </ol>
      )}
    </li>
  );
}
