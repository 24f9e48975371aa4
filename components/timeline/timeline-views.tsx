"use client";

// The visual timeline (react-chrono) over the server-rendered list. The list is the
// first paint and what shows without JavaScript, or when the reader picks "List";
// react-chrono only enhances, and is fetched after the page is usable (visual-timeline.tsx).
import { useSearchParams } from "next/navigation";
import { useEffect, useMemo, useState, useSyncExternalStore } from "react";

import type { YearGroup } from "@/lib/timeline/groups";
import { isView, VIEW_PARAM, VIEWS, type View } from "@/lib/timeline/views";

import { RESULTS_ANCHOR } from "./anchors";
import { TimelineList, type TimelineCard } from "./timeline-list";
import styles from "./timeline-views.module.css";
import type VisualTimelineComponent from "./visual-timeline";
import { whenIdle } from "./when-idle";

/**
 * The reader's choice in the URL (`?view=list`), without a request: the view is the
 * browser's business, the server renders the same page for both. Next.js keeps
 * useSearchParams in step with history.replaceState.
 */
function chooseView(view: View | null) {
  const url = new URL(window.location.href);
  if (view) url.searchParams.set(VIEW_PARAM, view);
  else url.searchParams.delete(VIEW_PARAM);
  // null, as Next.js asks: a state of its own would mark the call as its own and skip the sync.
  window.history.replaceState(null, "", url);
}
const WIDE = "(min-width: 60rem)";

const loadVisualTimeline = () => import("./visual-timeline").then((module) => module.default);

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

export function TimelineViews({ groups }: { groups: YearGroup<TimelineCard>[] }) {
  const requested = useSearchParams().get(VIEW_PARAM);
  const view = isView(requested) ? requested : null;
  // The server cannot run react-chrono's layout; until the browser has, show the list.
  const mounted = useSyncExternalStore(subscribeToNothing, () => true, () => false);
  const wide = useWideScreen();
  // Without a choice in the URL, phones get the list: on a narrow screen the visual
  // timeline is one column of the same cards with a line beside them, at the cost of
  // a large download and seconds of a phone's processor. The reader can still pick
  // "Timeline"; wide screens, where it shows dates side by side, get it by default.
  const defaultView: View = wide ? "timeline" : "list";
  const chosen = view ?? defaultView;
  const [Visual, setVisual] = useState<typeof VisualTimelineComponent | null>(null);
  // Set when the reader asks for the timeline: then it loads at once, not when idle.
  const [asked, setAsked] = useState(false);
  const wanted = mounted && chosen === "timeline";

  useEffect(() => {
    if (!wanted || Visual) return;
    let cancelled = false;
    const load = () =>
      void loadVisualTimeline().then(
        (component) => !cancelled && setVisual(() => component),
        // Offline or a failed chunk: the list stays, which is the same content.
        () => {},
      );
    // A link with ?view=timeline is an explicit choice too.
    if (asked || view === "timeline") {
      load();
      return () => void (cancelled = true);
    }
    const cancelIdle = whenIdle(load);
    return () => {
      cancelled = true;
      cancelIdle();
    };
  }, [wanted, Visual, asked, view]);

  const showTimeline = wanted && Visual !== null;
  // The same array while the page's filings are the same: the visual timeline repairs its markup again when it changes.
  const cards = useMemo(() => groups.flatMap((year) => year.months.flatMap((month) => month.items)), [groups]);

  return (
    <div>
      {/* Rendered by the server too, so that its arrival does not push the list down;
          invisible (and out of the Tab order) until JavaScript makes it work. */}
      <div className={styles.switch} role="group" aria-label="Show filings as" data-ready={mounted}>
        {VIEWS.map((v) => (
          <button
            key={v}
            type="button"
            aria-pressed={chosen === v}
            onClick={() => {
              if (v === "timeline") setAsked(true);
              chooseView(v === defaultView ? null : v);
            }}
          >
            {v === "timeline" ? "Timeline" : "List"}
          </button>
        ))}
      </div>
      {/* The "Skip to results" link's target: the next Tab reaches the first filing. */}
      <div id={RESULTS_ANCHOR} tabIndex={-1} className={styles.results}>
        {showTimeline && <Visual cards={cards} mode={wide ? "alternating" : "vertical"} />}
        <div id="results-list" hidden={showTimeline}>
          <TimelineList groups={groups} />
        </div>
      </div>
    </div>
  );
}
