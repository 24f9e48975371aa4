// What a cached response shows, and what a change of the content touches, in the same
// terms (tags), so that a change forgets exactly the responses that show something it
// changed (docs/decisions/025). The database names what changed in the payload of its
// notification (migration 20261212090000 writes the same tags in SQL); the front
// server tags each response it keeps by its route and by the records it links to.

/** Every change reaches the lists: the timeline, feeds, the API's lists, insights, sitemaps. */
export const LISTS_TAG = "lists";

export const contentTag = {
  filing: (id: string) => `filing:${id}`,
  lawsuit: (id: string) => `lawsuit:${id}`,
  state: (code: string) => `state:${code.toUpperCase()}`,
};

type RecordKind = keyof typeof contentTag;

/** A change heard from the database: everything, or the records it names (and the lists). */
export type ContentChange = { everything: true } | { everything: false; tags: string[] };

export const EVERYTHING: ContentChange = { everything: true };

/**
 * The payload of a notification: a JSON array of tags, or anything else (empty, "*",
 * from a trigger that names nothing) for everything. Anything unexpected counts as
 * everything: forgetting too much costs renders, forgetting too little shows stale pages.
 */
export function parseContentChange(payload: string): ContentChange {
  if (!payload.startsWith("[")) return EVERYTHING;
  try {
    const tags: unknown = JSON.parse(payload);
    if (Array.isArray(tags) && tags.length > 0 && tags.every((tag) => typeof tag === "string")) return { everything: false, tags };
  } catch {
    // fall through
  }
  return EVERYTHING;
}

/**
 * The pages of one record: its page and what hangs from it (history, citations), its API
 * resource. Every other route shows a list of some kind and is tagged LISTS_TAG, and so
 * are the histories of policies and issue areas: every change of theirs is a change of
 * everything (migration 20261212090000), so a tag of their own would never be named.
 * lib/http-cache/tags.test.ts holds this to the routes under app/.
 */
const RECORD_ROUTES: { pattern: RegExp; kind: RecordKind }[] = [
  { pattern: /^\/filings\/([^/]+)(?:\/(?:history|cite\.bib|cite\.json))?$/, kind: "filing" },
  { pattern: /^\/api\/v1\/filings\/([^/]+)$/, kind: "filing" },
  // A lawsuit's coding history: a change of the coding is a change of everything (its tables' triggers), one of the lawsuit names it.
  { pattern: /^\/lawsuits\/([^/]+)(?:\/history|\/coding\/history)?$/, kind: "lawsuit" },
  { pattern: /^\/api\/v1\/lawsuits\/([^/]+)$/, kind: "lawsuit" },
  { pattern: /^\/states\/([^/]+)$/, kind: "state" },
  { pattern: /^\/api\/v1\/jurisdictions\/([^/]+)$/, kind: "state" },
];

/**
 * Links to records in a page or an API resource (lib/api/paths.ts htmlPath, absolute or
 * not): what the page shows of another filing or lawsuit (a thread, neighbours, the
 * lawsuit, the filings deciding its demands) is shown with a link to it. States are
 * linked from almost every page; what a page shows of a state (its name, officials) is
 * reference data, whose every change is a change of everything.
 */
const RECORD_LINK = /\/(filings|lawsuits)\/([A-Za-z0-9\-_.!~*'()%]+)/g;

function decoded(segment: string): string | null {
  try {
    return decodeURIComponent(segment);
  } catch {
    return null;
  }
}

/**
 * The tags of a response kept for `pathname`: the record the route shows and every
 * record its body links to; or LISTS_TAG alone, for every other route (a list is
 * forgotten at every change whatever it links to).
 */
export function tagsOfResponse(pathname: string, body: Buffer | string): string[] {
  for (const { pattern, kind } of RECORD_ROUTES) {
    const match = pattern.exec(pathname);
    const id = match && decoded(match[1]);
    if (id === null || id === undefined) continue;
    const tags = new Set([contentTag[kind](id)]);
    for (const [, route, segment] of String(body).matchAll(RECORD_LINK)) {
      const linked = decoded(segment);
      if (linked !== null) tags.add(route === "filings" ? contentTag.filing(linked) : contentTag.lawsuit(linked));
    }
    return [...tags];
  }
  return [LISTS_TAG];
}
