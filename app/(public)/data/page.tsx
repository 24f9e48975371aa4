import type { Metadata } from "next";
import Link from "next/link";

import { CopyButton } from "@/components/copy-button";
import { ReleaseEntry } from "@/components/releases/release-entry";
import { EXPORT_FORMATS } from "@/lib/exports/formats";
import { MANIFEST_FILE, MANIFEST_LABEL } from "@/lib/releases/actions";
import { citeRelease } from "@/lib/releases/citation";
import { listReleases } from "@/lib/releases/queries";
import { getSiteOrigin } from "@/lib/site";

import styles from "./page.module.css";

// Always read the database: a release is made from the command line, without a rebuild.
export const dynamic = "force-dynamic";

export const metadata: Metadata = {
  title: "Data releases",
  description: "Numbered, dated, citable snapshots of Docketline's published data, in every export format, with SHA-256 hashes and changelogs.",
  openGraph: { title: "Data releases", type: "website" },
  alternates: { canonical: "/data" },
};

const FILE_LABELS: Record<string, string> = {
  ...Object.fromEntries(EXPORT_FORMATS.map((format) => [format.file, format.label])),
  [MANIFEST_FILE]: MANIFEST_LABEL,
};

export default async function DataPage() {
  const [releases, origin] = await Promise.all([listReleases(), getSiteOrigin()]);
  const newest = releases[0];
  return (
    <article className={styles.data}>
      <h1>Data releases</h1>
      <p className="lede">
        Each release is a numbered, dated snapshot of every published lawsuit and filing, frozen in every export format. A release never
        changes: cite it, and anyone can download exactly what you used and check it against its SHA-256.
      </p>
      <p>
        For the data as it is today, filtered as you like, use the downloads on the <Link href="/">timeline</Link> or the{" "}
        <Link href="/api">API</Link>.
      </p>

      <section aria-labelledby="cite-data-heading" className={styles.cite}>
        <h2 id="cite-data-heading">Cite the dataset</h2>
        {newest ? (
          <>
            <p id="data-citation" className={styles.citation}>
              {citeRelease(newest, origin)}
            </p>
            <CopyButton targetId="data-citation" label="Copy citation" />
          </>
        ) : (
          <p>No release has been made yet.</p>
        )}
      </section>

      {releases.map((release) => (
        <ReleaseEntry key={release.number} release={release} labels={FILE_LABELS} />
      ))}
    </article>
  );
}
