"use client";

import { usePathname } from "next/navigation";

import { RESULTS_ANCHOR } from "@/components/timeline/anchors";

/**
 * "Skip to results" on the timeline, right after "Skip to content": rendered by the
 * layout so that it is the second Tab stop of the page, not the eleventh (after the
 * header's links and search). Only the timeline has results to skip to.
 */
export function SkipToResults() {
  const pathname = usePathname();
  if (pathname !== "/") return null;
  return (
    <a className="skip-link" href={`#${RESULTS_ANCHOR}`}>
      Skip to results
    </a>
  );
}
