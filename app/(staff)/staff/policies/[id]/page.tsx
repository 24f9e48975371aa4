import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";

import { PolicyForm } from "@/components/staff/policy-form";
import styles from "@/components/staff/staff-list.module.css";
import { requireStaff } from "@/lib/auth/session";
import { listIssueAreas } from "@/lib/coding/staff-queries";
import { loadRecord } from "@/lib/editing/records";

import { savePolicyAction } from "../actions";

export const dynamic = "force-dynamic";

export const metadata: Metadata = { title: "Edit policy · Staff", robots: { index: false, follow: false } };

export default async function EditPolicyPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requireStaff();
  const { id } = await params;
  const [policy, issueAreas, query] = await Promise.all([loadRecord("policy", id), listIssueAreas(), searchParams]);
  if (!policy) notFound();
  const name = typeof policy.record.name === "string" ? policy.record.name : policy.id;

  return (
    <>
      <p className={styles.breadcrumb}>
        <Link href="/staff/policies">Policies</Link>
      </p>
      <h1>{name}</h1>
      <p className={styles.meta}>
        Policy <code>{policy.id}</code>, version {policy.version}. Public: changes show wherever the policy is named as soon as they are saved.
      </p>
      {query.created === "1" ? (
        <p role="status" className={styles.notice}>
          The policy was created.
        </p>
      ) : null}
      <PolicyForm mode="edit" record={policy.record} version={policy.version} issueAreas={issueAreas} save={savePolicyAction} />
    </>
  );
}
