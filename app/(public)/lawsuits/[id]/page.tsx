import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";

import { CiteThis } from "@/components/citations/cite-this";
import { LawsuitDocketTable } from "@/components/lawsuits/docket-table";
import { LawsuitCoding } from "@/components/lawsuits/lawsuit-coding";
import { LawsuitFacts } from "@/components/lawsuits/lawsuit-facts";
import styles from "@/components/lawsuits/lawsuit-page.module.css";
import { LawsuitTimeline, lawsuitEvents } from "@/components/lawsuits/lawsuit-timeline";
import { PlaintiffJurisdictions } from "@/components/lawsuits/plaintiff-jurisdictions";
import { OtherParties, RelatedLawsuits } from "@/components/lawsuits/related-lawsuits";
import { SourceList } from "@/components/source-list";
import { htmlPath } from "@/lib/api/paths";
import { historyPath } from "@/lib/editing/paths";
import { getLawsuitCodingSummary } from "@/lib/coding/lawsuit-coding";
import { feedPath } from "@/lib/feeds/paths";
import { hrefWithFilter } from "@/lib/filters/schema";
import { getLawsuit, type LawsuitDetail } from "@/lib/lawsuits/queries";
import { getReleaseCitation } from "@/lib/releases/queries";
import { absoluteUrl } from "@/lib/site";
// The same paragraph and sentence rules as the filing page.
import { firstSentence, splitParagraphs } from "@/lib/text";

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
      canonical: htmlPath.lawsuit(lawsuit.id),
      types: { "application/atom+xml": [{ url: await absoluteUrl(feedPath({ lawsuit: lawsuit.id })), title: `Atom feed: filings in ${lawsuit.caseNameShort}` }] },
    },
    openGraph: { title: lawsuit.caseNameShort, description, type: "article", url: htmlPath.lawsuit(lawsuit.id) },
  };
}

export default async function LawsuitPage({ params }: LawsuitPageProps) {
  const { id } = await params;
  const [lawsuit, coding] = await Promise.all([getLawsuit(id), getLawsuitCodingSummary(id)]);
  if (!lawsuit) notFound();
  const [permalink, releaseCitation] = await Promise.all([absoluteUrl(htmlPath.lawsuit(lawsuit.id)), getReleaseCitation("lawsuits", lawsuit.id)]);
  const timelineHref = hrefWithFilter("/", { lawsuit: lawsuit.id });

  return (
    <article className={styles.lawsuit} aria-labelledby="lawsuit-title">
      <nav aria-label="Breadcrumb" className={styles.breadcrumb}>
        <Link href="/lawsuits">Lawsuits</Link>
        <span aria-hidden="true"> / </span>
        <span aria-current="page">{lawsuit.caseNameShort}</span>
      </nav>

      <LawsuitFacts lawsuit={lawsuit} />

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

      <PlaintiffJurisdictions lawsuit={lawsuit} />
      <OtherParties lawsuit={lawsuit} />
      <RelatedLawsuits lawsuit={lawsuit} />
      <LawsuitCoding lawsuitId={lawsuit.id} coding={coding} />

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
        <LawsuitTimeline events={lawsuitEvents(lawsuit)} labelledBy="timeline-heading" />
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

      <CiteThis
        className={styles.section}
        citation={lawsuit.citation}
        releaseCitation={releaseCitation}
        permalink={permalink}
        historyHref={historyPath("lawsuit", lawsuit.id)}
      />
    </article>
  );
}
