"use client";

// The visual timeline (react-chrono) over the server-rendered list. Without JavaScript,
// or when the reader picks "List", the list is what shows; react-chrono only enhances.
import { parseAsStringLiteral, useQueryState } from "nuqs";
import { useEffect, useRef, useSyncExternalStore, type ReactNode } from "react";
import { Chrono } from "react-chrono";
import "react-chrono/dist/style.css";

import { formatPartialDate } from "@/lib/dates/partial-date";
import type { TimelineItem } from "@/lib/timeline/queries";

import { TimelineEntry } from "./timeline-entry";
import { repairChronoAccessibility } from "./chrono-a11y";
import styles from "./timeline-views.module.css";

const VIEWS = ["timeline", "list"] as const;
const WIDE = "(min-width: 60rem)";

const subscribeToNothing = () => () => {};

function useWideScreen(): boolean {
  return useSyncExternalStore(
    (notify) => {
      const query = window.matchMedia(WIDE);
      query.addEventListener("change", notify);
      return () => query.removeEventListener("change", notify);
    },
    () => window.matchMedia(WIDE).matches,
    () => true,
  );
}

export function TimelineViews({ items, children }: { items: TimelineItem[]; children: ReactNode }) {
  const [view, setView] = useQueryState("view", parseAsStringLiteral(VIEWS).withDefault("timeline"));
  // The server cannot run react-chrono's layout; until the browser has, show the list.
  const mounted = useSyncExternalStore(subscribeToNothing, () => true, () => false);
  const wide = useWideScreen();
  const showTimeline = mounted && view === "timeline";

  return (
    <div>
      {mounted && (
        <div className={styles.switch} role="group" aria-label="Show filings as">
          {VIEWS.map((v) => (
            <button key={v} type="button" aria-pressed={view === v} onClick={() => void setView(v === "timeline" ? null : v)}>
              {v === "timeline" ? "Timeline" : "List"}
            </button>
          ))}
        </div>
      )}
      {showTimeline && <VisualTimeline items={items} mode={wide ? "alternating" : "vertical"} />}
      <div id="results-list" hidden={showTimeline}>
        {children}
      </div>
    </div>
  );
}

function VisualTimeline({ items, mode }: { items: TimelineItem[]; mode: "alternating" | "vertical" }) {
  const container = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!container.current) return;
    return repairChronoAccessibility(container.current);
  }, [items, mode]);

  return (
    <div ref={container} className={styles.chrono} data-testid="visual-timeline">
      <Chrono
        key={`${mode}-${items[0]?.id ?? ""}-${items.length}`}
        items={items.map((item) => ({ title: formatPartialDate(item.dateFiled) }))}
        mode={mode}
        disableToolbar
        layout={{ cardHeight: "auto", timelineHeight: "min(80vh, 56rem)", responsive: { enabled: true, breakpoint: 768 } }}
        display={{ toolbar: { enabled: false }, scrollable: false }}
        interaction={{ keyboardNavigation: false, autoScroll: false, focusOnLoad: false, pointClick: false, cardHover: false }}
        content={{ readMore: false, allowHTML: false }}
        theme={{
          primary: "#0b5cad",
          secondary: "#e3eefa",
          cardBgColor: "#ffffff",
          // Dates sit on the primary colour: white keeps them above 4.5:1.
          titleColor: "#ffffff",
          titleColorActive: "#ffffff",
          cardTitleColor: "#1b1f24",
        }}
      >
        {items.map((item) => (
          <div key={item.id} className={styles.card}>
            <TimelineEntry item={item} headingLevel={3} />
          </div>
        ))}
      </Chrono>
    </div>
  );
}
