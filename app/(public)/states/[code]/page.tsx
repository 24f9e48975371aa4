import type { Metadata } from "next";
import Link from "next/link";
import { notFound, permanentRedirect } from "next/navigation";

import { StateActivity, StateFilings, StateLawsuits, StateOfficials } from "@/components/states/state-sections";
import styles from "@/components/states/state-page.module.css";
import { Badge } from "@/components/ui/badge";
import { htmlPath } from "@/lib/api/paths";
import { feedPath } from "@/lib/feeds/paths";
import { hrefWithFilter } from "@/lib/filters/schema";
import { getJurisdiction, statePath, type JurisdictionDetail } from "@/lib/jurisdictions/queries";
import { normalizeJurisdictionCode } from "@/lib/jurisdictions/schema";
import { pageParam } from "@/lib/lawsuits/schema";
import { absoluteUrl } from "@/lib/site";
import { plural } from "@/lib/text";

// Always read the database: filings change without a rebuild.
export const dynamic = "force-dynamic";

interface StatePageProps {
  params: Promise<{ code: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

const KIND_LABELS: Record<JurisdictionDetail["kind"], string> = {
  state: "State",
  district: "Federal district",
  territory: "Territory",
};

function describe(jurisdiction: JurisdictionDetail): string {
  const { joined, led } = jurisdiction.totals;
  return `${jurisdiction.name} in multistate litigation: joined ${plural(joined, "filing")}, led ${led}, and is a plaintiff in ${plural(jurisdiction.lawsuitCount, "lawsuit")}.`;
}

export async function generateMetadata({ params, searchParams }: StatePageProps): Promise<Metadata> {
  const code = normalizeJurisdictionCode((await params).code);
  const jurisdiction = code ? await getJurisdiction(code) : null;
  if (!jurisdiction) return { title: "Jurisdiction not found" };
  const description = describe(jurisdiction);
  return {
    title: jurisdiction.name,
    description,
    alternates: {
      canonical: statePath(jurisdiction.code, pageParam.parse((await searchParams).page)),
      types: {
        "application/atom+xml": [{ url: await absoluteUrl(feedPath({ state: [jurisdiction.code] })), title: `Atom feed: filings ${jurisdiction.name} joined` }],
      },
    },
    openGraph: { title: jurisdiction.name, description, url: htmlPath.jurisdiction(jurisdiction.code) },
  };
}

export default async function StatePage({ params, searchParams }: StatePageProps) {
  const raw = (await params).code;
  const code = normalizeJurisdictionCode(raw);
  if (!code) notFound();
  // One address per jurisdiction: /states/nm becomes /states/NM.
  if (code !== raw) permanentRedirect(htmlPath.jurisdiction(code));
  const jurisdiction = await getJurisdiction(code, pageParam.parse((await searchParams).page));
  if (!jurisdiction) notFound();

  const { totals, lawsuitCount } = jurisdiction;
  const showCoLed = totals.coLed > 0;

  return (
    <article aria-labelledby="jurisdiction-title" className={styles.jurisdiction}>
      <nav aria-label="Breadcrumb" className={styles.breadcrumb}>
        <Link href="/states">States and territories</Link>
        <span aria-hidden="true"> / </span>
        <span aria-current="page">{jurisdiction.name}</span>
      </nav>

      <header>
        <h1 id="jurisdiction-title">{jurisdiction.name}</h1>
        <p className={styles.kind}>
          <Badge>{KIND_LABELS[jurisdiction.kind]}</Badge> <span className={styles.muted}>USPS code {jurisdiction.code}</span>
        </p>
      </header>

      <dl className={styles.stats}>
        <div>
          <dt>Filings joined</dt>
          <dd>{totals.joined}</dd>
        </div>
        <div>
          <dt>Filings led</dt>
          <dd>{totals.led}</dd>
        </div>
        {showCoLed && (
          <div>
            <dt>Filings co-led</dt>
            <dd>{totals.coLed}</dd>
          </div>
        )}
        <div>
          <dt>Lawsuits as plaintiff</dt>
          <dd>{lawsuitCount}</dd>
        </div>
      </dl>
      <ul className={styles.timelineLinks}>
        <li>
          <Link href={hrefWithFilter("/", { state: [jurisdiction.code] })}>See its filings on the timeline</Link>
        </li>
        <li>
          <Link href={hrefWithFilter("/", { state: [jurisdiction.code], role: "lead" })}>See the filings it led on the timeline</Link>
        </li>
      </ul>

      <StateOfficials jurisdiction={jurisdiction} />
      <StateActivity jurisdiction={jurisdiction} />
      <StateLawsuits jurisdiction={jurisdiction} />
      <StateFilings jurisdiction={jurisdiction} />
    </article>
  );
}
