import type { Metadata } from "next";
import Link from "next/link";

import { FilingForm } from "@/components/staff/filing-form";
import styles from "@/components/staff/staff-list.module.css";
import { requireStaff } from "@/lib/auth/session";
import { slug } from "@/lib/dataset/schema";
import { getRecordSummaries, listDemandCategories, listOfficials } from "@/lib/staff/search";

import { searchFilingsAction, searchLawsuitsAction } from "@/lib/staff/search-actions";
import { saveFilingAction } from "../actions";

export const dynamic = "force-dynamic";

export const metadata: Metadata = { title: "New filing · Staff", robots: { index: false, follow: false } };

export default async function NewFilingPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requireStaff();
  // Opened from a lawsuit's page: the new filing starts in that lawsuit.
  const lawsuitParam = slug.safeParse((await searchParams).lawsuit);
  const [officials, categories, summaries] = await Promise.all([
    listOfficials(),
    listDemandCategories(),
    getRecordSummaries({ lawsuits: lawsuitParam.success ? [lawsuitParam.data] : [] }),
  ]);
  const initialLawsuit = lawsuitParam.success ? (summaries.lawsuits[lawsuitParam.data] ?? null) : null;

  return (
    <>
      <p className={styles.breadcrumb}>
        <Link href="/staff/filings">Filings</Link>
      </p>
      <h1>New filing</h1>
      <p className={styles.meta}>A new filing is saved as a draft: nobody outside the staff sees it until it is published.</p>
      <FilingForm
        mode="create"
        record={null}
        version={null}
        references={{ lawsuits: {}, filings: {} }}
        officials={officials}
        categories={categories}
        initialLawsuit={initialLawsuit}
        save={saveFilingAction}
        searchLawsuits={searchLawsuitsAction}
        searchFilings={searchFilingsAction}
      />
    </>
  );
}
