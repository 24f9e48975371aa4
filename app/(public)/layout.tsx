import type { Metadata } from "next";
import type { ReactNode } from "react";

import { SiteFooter } from "@/components/site-footer";
import { SiteHeader } from "@/components/site-header";
import { SkipToResults } from "@/components/skip-to-results";
import { getSiteOrigin } from "@/lib/site";

// Every public page names its canonical address (alternates.canonical) as a path; this
// base makes it, and the OpenGraph url, absolute for the site's origin (lib/site.ts):
// search engines and Lighthouse do not resolve a relative canonical link.
export async function generateMetadata(): Promise<Metadata> {
  return { metadataBase: new URL(await getSiteOrigin()) };
}

export default function PublicLayout({ children }: { children: ReactNode }) {
  return (
    <>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <SkipToResults />
      <SiteHeader />
      <main id="main" className="page" tabIndex={-1}>
        {children}
      </main>
      <SiteFooter />
    </>
  );
}
