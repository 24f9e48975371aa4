"use client";

import Link from "next/link";

// Shown instead of the root layout when the layout itself fails (pages have their own
// error boundaries). A plain page with no styles of its own: Next.js's built-in one is
// about 2 kB gzip of inline styles that every page's first load would carry for a screen
// that should never be seen.
export default function GlobalError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <html lang="en">
      <body>
        <main>
          <h1>Something went wrong</h1>
          <p>Docketline could not show this page{error.digest ? ` (reference ${error.digest})` : ""}.</p>
          <p>
            <button type="button" onClick={() => reset()}>
              Try again
            </button>{" "}
            or go back to the <Link href="/">timeline</Link>.
          </p>
        </main>
      </body>
    </html>
  );
}
