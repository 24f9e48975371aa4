"use client";

import Link from "next/link";
import { useEffect } from "react";

/** A page that failed: say so plainly, offer a retry, keep the way home. */
export default function PublicError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  useEffect(() => {
    console.error(error);
  }, [error]);
  return (
    <div role="alert">
      <h1>Something went wrong</h1>
      <p className="lede">This page could not be shown. The problem has been logged{error.digest ? ` (reference ${error.digest})` : ""}.</p>
      <p>
        <button type="button" className="button" onClick={() => reset()}>
          Try again
        </button>{" "}
        or go back to the <Link href="/">timeline</Link>.
      </p>
    </div>
  );
}
