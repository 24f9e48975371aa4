// /feed.xml: an Atom feed (RFC 4287, written by the `feed` library) of the filings the
// timeline's filter matches, most recently updated first: follow everything New Mexico
// joins (?state=NM) or one lawsuit (?lawsuit=…).
//
// Dates keep their precision. An entry's `updated` is when the record last changed;
// `published` is the day the filing was filed, and is left out when only the month or
// year is known (Atom dates are instants: a month cannot be written without inventing a
// day). The entry's text says "Filed June 2018" instead.
import "server-only";

import { Feed } from "feed";

import type { FilingRecord } from "@/lib/dataset/schema";
import { formatPartialDate, parsePartialDate } from "@/lib/dates/partial-date";
import type { Sql } from "@/lib/db/sql";
import { describeFilterInWords, escapeHtml } from "@/lib/exports/describe";
import { filingUrl } from "@/lib/exports/filings-csv";
import { createLookup, readFilings, readLawsuits } from "@/lib/exports/records";
import { FILING_KIND_LABELS } from "@/lib/filings/kinds";
import { hrefWithFilter, type Filter } from "@/lib/filters/schema";
import { getJurisdictionName } from "@/lib/jurisdictions/reference";
import { COALITION_ROLE_LABELS } from "@/lib/jurisdictions/roles";
import { splitParagraphs } from "@/lib/text";

import { feedPath } from "./paths";
import { listRecentlyUpdatedFilings } from "./queries";

/** Entries per feed: enough for a reader polling daily. */
export const FEED_SIZE = 50;

export const ATOM_CONTENT_TYPE = "application/atom+xml; charset=utf-8";

type LawsuitName = { caseNameShort: string; docketNumber: string };

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

export async function buildAtomFeed(sql: Sql, filter: Filter, options: { origin: string }): Promise<string> {
  const { origin } = options;
  const [updated, words] = await Promise.all([listRecentlyUpdatedFilings(sql, filter, FEED_SIZE), describeFilterInWords(sql, filter)]);
  const filings = await readFilings(
    sql,
    updated.map((u) => u.id),
  );
  const lawsuits = createLookup((ids) => readLawsuits(sql, ids), (l): LawsuitName => ({ caseNameShort: l.caseNameShort, docketNumber: l.docketNumber }));
  await lawsuits.load(filings.flatMap((f) => (f.lawsuit ? [f.lawsuit] : [])));
  const updatedAt = new Map(updated.map((u) => [u.id, u.updatedAt]));

  const self = `${origin}${feedPath(filter)}`;
  const feed = new Feed({
    id: self,
    title: words ? `Docketline: filings (${words})` : "Docketline: filings",
    description: "New and updated filings in multistate litigation, most recently updated first.",
    link: `${origin}${hrefWithFilter("/", { ...filter, cursor: undefined })}`,
    feedLinks: { atom: self },
    // An empty feed was last updated… never; the time of asking is the honest answer.
    updated: updated[0]?.updatedAt ?? new Date(),
    author: { name: "Docketline", link: origin },
    generator: "Docketline",
    language: "en",
  });
  for (const filing of filings) {
    const day = parsePartialDate(filing.dateFiled)?.precision === "day";
    const lawsuit = filing.lawsuit ? lawsuits.get(filing.lawsuit) : undefined;
    const url = filingUrl(origin, filing.id);
    feed.addItem({
      id: url,
      link: url,
      title: escapeHtml(filing.title),
      date: updatedAt.get(filing.id)!,
      published: day ? new Date(`${filing.dateFiled}T00:00:00Z`) : undefined,
      description: escapeHtml(filing.summary),
      content: contentOf(filing, lawsuit),
      category: [{ term: filing.kind, name: FILING_KIND_LABELS[filing.kind] }],
    });
  }
  return feed.atom1();
}
