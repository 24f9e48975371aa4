"use client";

// The visual timeline (react-chrono). Loaded on demand by timeline-views.tsx, never in
// the first load: react-chrono and its stylesheet are about 76 kB gzip and several
// seconds of a phone's main thread, for a view of what the server-rendered list
// already shows. Its stylesheet is imported here, so that it arrives with this chunk.
import { useEffect, useRef } from "react";
import { Chrono } from "react-chrono";
import "react-chrono/dist/style.css";

import { repairChronoAccessibility } from "./chrono-a11y";
import { EntryHeadingLevel } from "./entry-heading";
import type { TimelineCard } from "./timeline-list";
import styles from "./visual-timeline.module.css";

export type VisualTimelineMode = "alternating" | "vertical";

export default function VisualTimeline({ cards, mode }: { cards: TimelineCard[]; mode: VisualTimelineMode }) {
  const container = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!container.current) return;
    return repairChronoAccessibility(container.current);
  }, [cards, mode]);

  return (
    <div ref={container} className={styles.chrono} data-testid="visual-timeline">
      <Chrono
        key={`${mode}-${cards[0]?.id ?? ""}-${cards.length}`}
        // No title: the card shows the date (the list's own <time>), and a title would
        // say it a second time beside it.
        items={cards.map(() => ({}))}
        mode={mode}
        disableToolbar
        // The page scrolls, not the timeline: a box with its own scroll inside the page
        // traps a phone reader's thumb. "auto" lets the timeline be as tall as its cards.
        layout={{ cardHeight: "auto", timelineHeight: "auto", responsive: { enabled: true, breakpoint: 768 } }}
        display={{ toolbar: { enabled: false }, scrollable: false }}
        interaction={{ keyboardNavigation: false, autoScroll: false, focusOnLoad: false, pointClick: false, cardHover: false }}
        content={{ readMore: false, allowHTML: false }}
        theme={{
          primary: "#0b5cad",
          secondary: "#e3eefa",
          cardBgColor: "#ffffff",
          cardTitleColor: "#1b1f24",
        }}
      >
        {cards.map((card) => (
          <div key={card.id} className={styles.card}>
            {/* Under the results' h2, with no year or month heading between. */}
            <EntryHeadingLevel value={3}>{card.entry}</EntryHeadingLevel>
          </div>
        ))}
      </Chrono>
    </div>
  );
}
