import type { Metadata, Viewport } from "next";
import type { ReactNode } from "react";

import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Docketline", template: "%s · Docketline" },
  description: "A source-cited timeline of multistate legal actions: lawsuits, filings, the states that join them and what they demand.",
  applicationName: "Docketline",
  openGraph: { siteName: "Docketline", type: "website", locale: "en_US" },
};

export const viewport: Viewport = { width: "device-width", initialScale: 1 };

// Every page is rendered per request, the 404 page and any staff page included: the
// Content-Security-Policy's nonce is new for each request (proxy.ts), and a page
// prerendered at build time would carry scripts without it, which the browser refuses.
export const dynamic = "force-dynamic";

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body>
        {children}
      </body>
    </html>
  );
}
