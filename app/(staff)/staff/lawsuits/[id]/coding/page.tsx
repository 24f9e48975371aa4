import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";

import { CodingForm } from "@/components/staff/coding-form";
import styles from "@/components/staff/staff-list.module.css";
import { requireStaff } from "@/lib/auth/session";
import { listIssueAreas, listPoliciesForStaff } from "@/lib/coding/staff-queries";
import { formatPartialDate } from "@/lib/dates/partial-date";
import { editPath } from "@/lib/editing/paths";
import { loadRecord } from "@/lib/editing/records";
import { listLawsuitFilingsForStaff } from "@/lib/lawsuits/staff-queries";

import { saveLawsuitCodingAction } from "./actions";

export const dynamic = "force-dynamic";

export const metadata: Metadata = { title: "Coding of a lawsuit · Staff", robots: { index: false, follow: false } };

export default async function LawsuitCodingPage({ params }: { params: Promise<{ id: string }> }) {
  await requireStaff();
  const { id } = await params;
  const [lawsuit, coding, policies, issueAreas, filings] = await Promise.all([
    loadRecord("lawsuit", id),
    loadRecord("lawsuit-coding", id),
    listPoliciesForStaff(),
    listIssueAreas(),
    listLawsuitFilingsForStaff(id),
  ]);
  if (!lawsuit) notFound();
  const caption = typeof lawsuit.record.caseNameShort === "string" ? lawsuit.record.caseNameShort : lawsuit.id;

  return (
    <>
      <p className={styles.breadcrumb}>
        <Link href="/staff/lawsuits">Lawsuits</Link> › <Link href={editPath("lawsuit", lawsuit.id)}>{caption}</Link>
      </p>
      <h1>Coding of {caption}</h1>
      <p className={styles.meta}>
        {coding ? `Version ${coding.version}.` : "Not coded yet."} What each code means and how to decide it is in the{" "}
        <Link href="/about/codebook">codebook</Link>. The administration is derived from the date filed.
      </p>
      <CodingForm
        lawsuit={lawsuit.id}
        record={coding?.record ?? null}
        version={coding?.version ?? null}
        policies={policies.map((p) => ({ id: p.id, name: p.name }))}
        issueAreas={issueAreas}
        filings={filings.map((f) => ({ value: f.id, label: `${formatPartialDate(f.dateFiled)}: ${f.title}` }))}
        save={saveLawsuitCodingAction}
      />
    </>
  );
}
