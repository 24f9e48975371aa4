import type { Metadata } from "next";
import { notFound } from "next/navigation";

import { FilingAside } from "@/components/filings/filing-aside";
import { FilingFacts } from "@/components/filings/filing-facts";
import styles from "@/components/filings/filing-page.module.css";
import { DateText } from "@/components/filings/filing-refs";
import { FilingDemands, FilingJurisdictions, FilingThread } from "@/components/filings/filing-sections";
import { SourceList } from "@/components/source-list";
import { Badge } from "@/components/ui/badge";
import { htmlPath } from "@/lib/api/paths";
import { getFilingDetail } from "@/lib/filings/queries";
import { getReleaseCitation } from "@/lib/releases/queries";
import { absoluteUrl } from "@/lib/site";

// Always read the database: filings change without a rebuild.
export const dynamic = "force-dynamic";

interface Props {
  params: Promise<{ id: string }>;
}

/** The filing's absolute, stable URL. */
function permalinkOf(id: string): Promise<string> {
  return absoluteUrl(htmlPath.filing(id));
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
    alternates: { canonical: htmlPath.filing(filing.id) },
  };
}

export default async function FilingPage({ params }: Props) {
  const { id } = await params;
  const filing = await getFilingDetail(id);
  if (!filing) notFound();

  const [permalink, releaseCitation] = await Promise.all([permalinkOf(filing.id), getReleaseCitation("filings", filing.id)]);

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

      <FilingFacts filing={filing} />

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

          <FilingJurisdictions filing={filing} />
          <FilingDemands filing={filing} />
          <FilingThread filing={filing} />

          <section aria-labelledby="sources-heading" className={styles.section}>
            <h2 id="sources-heading">Sources</h2>
            {filing.sources.length > 0 ? (
              <SourceList sources={filing.sources.map((source) => ({ ...source, published: source.published?.value ?? null }))} />
            ) : (
              <p>No source is recorded for this filing.</p>
            )}
          </section>
        </div>

        <FilingAside filing={filing} permalink={permalink} releaseCitation={releaseCitation} />
      </div>
    </article>
  );
}
