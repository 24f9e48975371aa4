// The two views of the timeline's results and the URL parameter that chooses one
// (`?view=list`): read by the page in the browser, and kept by the server when it
// redirects a search to the value it named.
export const VIEWS = ["timeline", "list"] as const;
export type View = (typeof VIEWS)[number];
export const VIEW_PARAM = "view";
export const isView = (value: string | null | undefined): value is View => VIEWS.includes(value as View);
