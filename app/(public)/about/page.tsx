import type { Metadata } from "next";
import Link from "next/link";

import { getCollectionSummary } from "@/lib/about/queries";
import { formatPartialDate } from "@/lib/dates/partial-date";
import { DATA_PATH } from "@/lib/releases/paths";

import styles from "./page.module.css";

export const dynamic = "force-dynamic";

export const metadata: Metadata = {
  title: "About Docketline and its data",
  description: "What Docketline records, where its facts come from, how dates and outcomes are shown, and how to cite and reuse the data.",
  openGraph: { title: "About Docketline and its data", type: "website" },
  alternates: { canonical: "/about" },
};

export default async function AboutPage() {
  const summary = await getCollectionSummary();
  const n = (count: number) => count.toLocaleString("en-US");
  return (
    <article className={styles.about}>
      <h1>About Docketline</h1>
      <p className="lede">
        Docketline is an open-source tracker of multistate legal actions: the lawsuits, the filings in and around them, the states that join
        each filing through their attorneys general, and what each filing demands. Every fact cites its public sources.
      </p>

      <section aria-labelledby="scope">
        <h2 id="scope">What the collection holds</h2>
        <dl className={styles.figures}>
          <div>
            <dt>Lawsuits</dt>
            <dd>{n(summary.lawsuits)}</dd>
          </div>
          <div>
            <dt>Filings</dt>
            <dd>{n(summary.filings)}</dd>
          </div>
          <div>
            <dt>Jurisdictions that joined a filing</dt>
            <dd>{n(summary.jurisdictions)}</dd>
          </div>
          <div>
            <dt>Sources cited</dt>
            <dd>{n(summary.sources)}</dd>
          </div>
        </dl>
        {summary.earliest && summary.latest && (
          <p>
            Filings dated from {formatPartialDate(summary.earliest)} to {formatPartialDate(summary.latest)}.
          </p>
        )}
        <p>
          Docketline began with the 2018 litigation by state attorneys general over the separation of families at the U.S. southern border:
          the multistate lawsuit <Link href="/lawsuits/washington-v-united-states-2018">Washington v. United States</Link> (W.D. Wash. No.
          2:18-cv-00939-MJP), the states’ motion of July 2, 2018 that New Mexico’s attorney general Hector Balderas announced at the border,
          the letter of June 19, 2018 that he led, the related federal cases Ms. L. v. ICE and Flores, and later multistate filings.
        </p>
      </section>

      <section aria-labelledby="sources">
        <h2 id="sources">Where the facts come from</h2>
        <p>
          Every lawsuit and filing lists its sources: court records, the attorneys general’s own announcements and contemporaneous reporting.
          Points the sources do not settle are said in the summaries rather than guessed, and a demand whose outcome no source records is
          shown as <em>Outcome unknown</em>.
        </p>
      </section>

      <section aria-labelledby="dates">
        <h2 id="dates">How dates are shown</h2>
        <p>
          A date is shown exactly as precisely as it is known: “2 July 2018” when the day is known, “June 2018” when only the month is, and
          “2018” when only the year is. Docketline never invents a day. In filters, a date known to the month matches any date range that
          overlaps that month, and it sorts at the start of its month.
        </p>
      </section>

      <section aria-labelledby="reuse">
        <h2 id="reuse">Citing and reusing the data</h2>
        <p>
          Every filing and lawsuit page offers a citation, the citation of the newest data release holding it, and a permanent link. The data is published in the open{" "}
          <code>docketline/v1</code> format, which the project imports and exports; see the <Link href="/api">API</Link> for machine access.
          Numbered, dated <Link href={DATA_PATH}>data releases</Link> freeze the published data in every format, each file with its
          SHA-256, so that research can cite exactly the data it used.
          The <Link href="/about/codebook">codebook</Link> says what every code of the research coding means and how it is decided.
        </p>
      </section>
    </article>
  );
}
