"use client";

// A filing's heading on the timeline, at the level of the view that shows it: h4 in the
// list (under its year's h2 and its month's h3), h3 on react-chrono's cards (under the
// results' h2). Chosen in the browser, so that one server-rendered entry serves both views
// and the page carries its markup once (timeline-views.tsx).
import { createContext, useContext, type ReactNode } from "react";

export const EntryHeadingLevel = createContext<3 | 4>(4);

export function EntryHeading({ id, className, children }: { id: string; className: string; children: ReactNode }) {
  const Heading = `h${useContext(EntryHeadingLevel)}` as const;
  return (
    <Heading id={id} className={className}>
      {children}
    </Heading>
  );
}
