import type { Metadata } from "next";
import type { ReactNode } from "react";

import { StaffHeader } from "@/components/staff/staff-header";
import { getStaff } from "@/lib/auth/session";

// Staff pages are for signed-in staff only: no search engine should list them.
export const metadata: Metadata = { robots: { index: false, follow: false } };

export const dynamic = "force-dynamic";

/**
 * Every staff page, the sign-in page included (whose header then shows no sections).
 * Not a security boundary: each page calls requireStaff() itself.
 */
export default async function StaffLayout({ children }: { children: ReactNode }) {
  const staff = await getStaff();
  return (
    <>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <StaffHeader staff={staff} />
      <main id="main" className="page" tabIndex={-1}>
        {children}
      </main>
    </>
  );
}
