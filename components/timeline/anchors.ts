// Where "Skip to results" lands on the timeline: just before the first filing, past the
// filters, the order and the export links. A plain module, so that server components
// (the page's empty state) and client ones (the skip link, the views) share the id.
export const RESULTS_ANCHOR = "results";
