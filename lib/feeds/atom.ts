// /feed.xml: an Atom feed (RFC 4287, written by the `feed` library) of the filings the
// timeline's filter matches, most recently updated first: follow everything New Mexico
// joins (?state=NM) or one lawsuit (?lawsuit=…).
//
// Dates keep their precision. An entry's `updated` is when the record last changed;
// `published` is the day the filing was filed, and is left out when only the month or
// year is known (Atom dates are instants: a month cannot be written without inventing a
// day). The entry's text says "Filed June 2018" instead.
//
// Bounded and streamed (docs/decisions/023): at most `limit` entries from `before` on,
// read through one cursor and written entry by entry; the subtitle, a `Docketline-Range`
// header and `Link: rel=next` (to the older entries) say what this part holds.
import "server-only";

import { Feed } from "feed";

import type { FilingRecord } from "@/lib/dataset/schema";
import { formatPartialDate, parsePartialDate } from "@/lib/dates/partial-date";
import type { Sql } from "@/lib/db/sql";
import { describeFilterInWords, escapeHtml } from "@/lib/exports/describe";
import { filingUrl } from "@/lib/exports/filings-csv";
import { nextLink, type OutputBound } from "@/lib/exports/http";
import { LAWSUIT_NAME_COLUMN, publicFilingRecords, readBoundary, writeAround, type LawsuitName } from "@/lib/exports/stream";
import { FILING_KIND_LABELS } from "@/lib/filings/kinds";
import { hrefWithFilter, type Filter } from "@/lib/filters/schema";
import { Prisma } from "@/lib/generated/prisma/client";
import { getJurisdictionName } from "@/lib/jurisdictions/reference";
import { COALITION_ROLE_LABELS } from "@/lib/jurisdictions/roles";
import { splitParagraphs } from "@/lib/text";

import { filterConditions } from "@/lib/timeline/queries";

import { boundedPath, feedPath } from "./paths";
import { decodeFeedPosition, encodeFeedPosition, type FeedPosition } from "./position";

/** Entries per feed unless `limit` says otherwise (enough for a reader polling daily), and at most. */
export const FEED_BOUND: OutputBound = { defaultLimit: 50, maxLimit: 500, withBefore: true };

export const ATOM_CONTENT_TYPE = "application/atom+xml; charset=utf-8";

/** The entry's body: the date as known, the kind, the case, the summary and who joined. */
function contentOf(filing: FilingRecord, lawsuit: LawsuitName | undefined): string {
  const facts = [`Filed ${formatPartialDate(filing.dateFiled)}`, FILING_KIND_LABELS[filing.kind]];
  if (filing.entryNumber != null) facts.push(`ECF No. ${filing.entryNumber}`);
  if (lawsuit) facts.push(`${lawsuit.caseNameShort}, No. ${lawsuit.docketNumber}`);
  const html = [`<p>${escapeHtml(facts.join(" · "))}</p>`, ...splitParagraphs(filing.summary).map((p) => `<p>${escapeHtml(p)}</p>`)];
  if (filing.states.length > 0) {
    const states = filing.states.map((s) => `${getJurisdictionName(s.jurisdiction)}${s.role === "joined" ? "" : ` (${COALITION_ROLE_LABELS[s.role].toLowerCase()})`}`);
    html.push(`<p>${escapeHtml(`Jurisdictions: ${states.join(", ")}.`)}</p>`);
  }
  return html.join("\n");
}

export interface AtomFeed {
  /** The feed's XML, its head first and then entry by entry, read on demand. */
  chunks: AsyncGenerator<string>;
  /** `Docketline-Range` and, when older entries follow, `Link: rel=next`. */
  headers: Record<string, string>;
}

type Position = { id: string; updated_at: Date };

/** The feed of a filter: at most `limit` entries, most recently updated first, from `before` on; nothing is read from the entries' cursor until `chunks` is. */
export async function openAtomFeed(sql: Sql, filter: Filter, options: { origin: string; limit: number; before?: string }): Promise<AtomFeed> {
  const { origin, limit } = options;
  const before = options.before ? decodeFeedPosition(options.before) : null;
  const conditions = [...filterConditions(filter), ...(before ? [updatedAfter(before)] : [])];
  // Everything but the entries is read first: the entries' cursor holds its connection.
  const [boundary, words] = await Promise.all([
    readBoundary<Position>(sql, { columns: Prisma.sql`f."id", f."updated_at"`, conditions, order: FEED_ORDER }, limit),
    describeFilterInWords(sql, filter),
  ]);
  const positionOf = (row: Position): FeedPosition => ({ id: row.id, updatedAt: new Date(row.updated_at) });
  const pathOf = (position: string | undefined) => `${origin}${boundedPath("/feed.xml", { ...filter, cursor: undefined, sort: undefined }, { limit, defaultLimit: FEED_BOUND.defaultLimit, before: position })}`;
  const next = boundary.more && boundary.last ? pathOf(encodeFeedPosition(positionOf(boundary.last))) : null;
  const newest = boundary.first && new Date(boundary.first.updated_at);
  const oldest = boundary.last && new Date(boundary.last.updated_at);

  const subtitle = [`New and updated filings in multistate litigation, most recently updated first: the ${boundary.count === 1 ? "1 entry" : `${boundary.count} entries`}`];
  subtitle.push(before ? ` updated before ${before.updatedAt.toISOString()}` : "");
  subtitle.push(newest && oldest ? `, updated from ${oldest.toISOString()} to ${newest.toISOString()}` : "");
  subtitle.push(`, at most ${limit} at a time (limit=${limit}).`);
  if (next) subtitle.push(` Older entries: ${next}`);

  const feed = new Feed({
    // One feed, part by part (RFC 5005): every part has the feed's id; `self` is this part.
    id: `${origin}${feedPath(filter)}`,
    title: words ? `Docketline: filings (${words})` : "Docketline: filings",
    description: subtitle.join(""),
    link: `${origin}${hrefWithFilter("/", { ...filter, cursor: undefined })}`,
    feedLinks: { atom: pathOf(options.before) },
    // An empty feed was last updated… never; the time of asking is the honest answer.
    updated: newest ?? new Date(),
    author: { name: "Docketline", link: origin },
    generator: "Docketline",
    language: "en",
  });
  const headers: Record<string, string> = {
    "Docketline-Range": [`limit=${limit}`, "order=updated", `entries=${boundary.count}`, ...(newest && oldest ? [`first=${newest.toISOString()}`, `last=${oldest.toISOString()}`] : [])].join("; "),
  };
  if (next) headers.Link = nextLink(next);
  // Up to and including the last entry named above, whatever is written meanwhile.
  const within = boundary.last ? [...conditions, Prisma.sql`NOT ${updatedAfter(positionOf(boundary.last))}`] : [Prisma.sql`false`];
  return { chunks: feedChunks(sql, feed, { conditions: within, origin, limit }), headers };
}

/** Most recently updated first; the feed's positions follow this order. */
const FEED_ORDER = Prisma.sql`f."updated_at" DESC, f."id" COLLATE "C"`;

/** The filings strictly after `position` in FEED_ORDER. */
function updatedAfter(position: FeedPosition): Prisma.Sql {
  const at = Prisma.sql`CAST(${position.updatedAt.toISOString()} AS timestamptz)`;
  return Prisma.sql`(f."updated_at" < ${at} OR (f."updated_at" = ${at} AND f."id" COLLATE "C" > ${position.id}))`;
}

/**
 * The feed as the `feed` library writes it, a piece at a time: the feed without entries,
 * then each entry as the library writes it in a feed of its own (so every escape is the
 * library's).
 */
function feedChunks(sql: Sql, feed: Feed, selection: { conditions: Prisma.Sql[]; origin: string; limit: number }): AsyncGenerator<string> {
  const batches = publicFilingRecords<{ updated_at: Date; lawsuit_name: LawsuitName | null }>(
    sql,
    { conditions: selection.conditions, order: FEED_ORDER, columns: [Prisma.sql`f."updated_at"`, LAWSUIT_NAME_COLUMN] },
    ENTRY_BATCH,
  );
  return writeAround(feed.atom1(), "</feed>", batches, ({ record, extra }) => entryText(record, extra.lawsuit_name ?? undefined, new Date(extra.updated_at), selection.origin), {
    limit: selection.limit,
  });
}

/** Entries turned into text per round of the cursor. */
const ENTRY_BATCH = 100;

/** One entry, written by the library in a feed that holds only it, cut out whole lines and all. */
function entryText(filing: FilingRecord, lawsuit: LawsuitName | undefined, updatedAt: Date, origin: string): string {
  const day = parsePartialDate(filing.dateFiled)?.precision === "day";
  const url = filingUrl(origin, filing.id);
  const single = new Feed({ id: url, title: "", updated: updatedAt, generator: "Docketline" });
  single.addItem({
    id: url,
    link: url,
    title: escapeHtml(filing.title),
    date: updatedAt,
    published: day ? new Date(`${filing.dateFiled}T00:00:00Z`) : undefined,
    description: escapeHtml(filing.summary),
    content: contentOf(filing, lawsuit),
    category: [{ term: filing.kind, name: FILING_KIND_LABELS[filing.kind] }],
  });
  const xml = single.atom1();
  const start = xml.lastIndexOf("\n", xml.indexOf("<entry>")) + 1;
  const end = xml.lastIndexOf("</entry>") + "</entry>".length;
  return `${xml.slice(start, end)}\n`;
}
