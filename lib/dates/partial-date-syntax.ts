// How a partial date is written, apart from its parsing and formatting (partial-date.ts,
// which re-exports these): the filter panel's date fields need the words and the
// pattern in the browser, and date-fns should not come with them.

export const PARTIAL_DATE_HINT = "YYYY, YYYY-MM or YYYY-MM-DD";

/** `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, capturing the year, month and day. */
export const PARTIAL_DATE_PATTERN = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

/** The same pattern as an HTML `pattern` attribute, which anchors it itself. */
export const PARTIAL_DATE_INPUT_PATTERN = PARTIAL_DATE_PATTERN.source.slice(1, -1);
