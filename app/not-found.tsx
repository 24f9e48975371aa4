import type { Metadata } from "next";
import Link from "next/link";

import { SiteFooter } from "@/components/site-footer";
import { SiteHeader } from "@/components/site-header";

export const metadata: Metadata = { title: "Page not found" };

/** Any address no route answers: the public frame, and the ways back in. */
export default function NotFound() {
  return (
    <>
      <SiteHeader />
      <main id="main" className="page">
        <h1>Page not found</h1>
        <p className="lede">There is no page at this address. It may have moved, or the link may be mistyped.</p>
        <p>
          Go to the <Link href="/">timeline</Link>, the <Link href="/lawsuits">lawsuits</Link> or the <Link href="/states">states</Link>, or
          search the filings from the box above.
        </p>
      </main>
      <SiteFooter />
    </>
  );
}
