import type { Metadata } from "next";
import { redirect } from "next/navigation";

import { safeNextPath, STAFF_HOME } from "@/lib/auth/next-path";
import { getStaff } from "@/lib/auth/session";

import { SignInForm } from "./sign-in-form";
import styles from "./sign-in.module.css";

export const metadata: Metadata = { title: "Staff sign-in" };

export default async function SignInPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { next: requested } = await searchParams;
  // Only a page of the staff area on this site: a link cannot send anyone elsewhere.
  const next = safeNextPath(requested);
  if (await getStaff()) redirect(next ?? STAFF_HOME);
  return (
    <div className={styles.page}>
      <h1>Staff sign-in</h1>
      <p className="lede">For Docketline&apos;s editors and admins. Accounts are made by an admin; there is no sign-up.</p>
      <SignInForm next={next} />
    </div>
  );
}
