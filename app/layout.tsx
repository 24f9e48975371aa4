import type { Metadata } from "next";
import Link from "next/link";
import type { ReactNode } from "react";

import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Docketline", template: "%s · Docketline" },
  description: "A source-cited timeline of multistate legal actions: lawsuits, filings, the states that join them and what they demand.",
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body>
        <a className="skip-link" href="#main">
          Skip to content
        </a>
        <header className="site-header">
          <div className="site-header__inner">
            <Link className="site-title" href="/">
              Docketline
            </Link>
            <p className="site-tagline">Multistate legal actions, with their sources</p>
          </div>
        </header>
        <main id="main" className="page">
          {children}
        </main>
        <footer className="site-footer">
          <div className="page">Every fact in Docketline cites its public sources.</div>
        </footer>
      </body>
    </html>
  );
}
