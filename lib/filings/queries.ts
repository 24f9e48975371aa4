import "server-only";

// Everything the page of one filing shows, in three statements whatever the filing's
// size: the filing with its relations (one Prisma query, which runs one statement per
// relation), its thread (one recursive query) and its neighbours in the lawsuit (one
// window query). What comes back is a view model: labels and formatted dates, no rows.
//
// The public sees public filings only: a draft or deleted filing has no page, and no
// other filing links to one (thread, neighbours, decisions). Its lawsuit is public too,
// by construction (a filing is public only in a public lawsuit: the is_public triggers).
import { cache } from "react";

import { db } from "@/lib/db/client";
import { formatPartialDate, fromStored, type DatePrecision, type PartialDateString } from "@/lib/dates/partial-date";
import { DEMAND_OUTCOME_LABELS, DEMAND_OUTCOME_TONES, demandCategoryLabel, type DemandOutcome } from "@/lib/demands/labels";
import { citeFiling, type CitableRecord } from "@/lib/filings/citation";
import { FILING_KIND_LABELS, fromDbEnum, type FilingKind } from "@/lib/filings/kinds";
import type { Prisma } from "@/lib/generated/prisma/client";
import { getJurisdictionName } from "@/lib/jurisdictions/reference";
import { firstSentence, splitParagraphs } from "@/lib/text";
import { COALITION_ROLE_LABELS, COALITION_ROLE_ORDER, type CoalitionRole } from "@/lib/jurisdictions/roles";

/** A thread deeper or larger than this is cut: it guards against runaway data, not real dockets. */
export const MAX_THREAD_DEPTH = 50;
export const MAX_THREAD_SIZE = 500;

/** A date as the page shows it: the value for `<time dateTime>` and the words. */
export interface DateView {
  /** `YYYY`, `YYYY-MM` or `YYYY-MM-DD`: only what is known. */
  value: PartialDateString;
  /** "2 July 2018", "June 2018", "2018". */
  text: string;
}

/** Another filing, as a link. */
export interface FilingRef {
  id: string;
  kind: FilingKind;
  kindLabel: string;
  title: string;
  dateFiled: DateView;
  entryNumber: number | null;
}

export interface ThreadNode extends FilingRef {
  isCurrent: boolean;
  responses: ThreadNode[];
}

export interface FilingDetail extends FilingRef {
  filedBy: string | null;
  /** Plain text, split on blank lines. */
  summaryParagraphs: string[];
  /** For meta descriptions. */
  summaryFirstSentence: string;
  lawsuit: {
    id: string;
    caseName: string;
    caseNameShort: string;
    docketNumber: string;
    court: { shortName: string; fullName: string };
  } | null;
  /** Lead, then co-lead, then joined; empty groups left out; signature order within a group. */
  jurisdictionGroups: {
    role: CoalitionRole;
    label: string;
    members: { code: string; name: string; official: string | null; dateJoined: DateView | null }[];
  }[];
  demands: {
    id: number;
    text: string;
    category: string;
    categoryLabel: string;
    outcome: DemandOutcome;
    outcomeLabel: string;
    outcomeTone: (typeof DEMAND_OUTCOME_TONES)[DemandOutcome];
    decidedBy: FilingRef | null;
  }[];
  /** The whole thread this filing belongs to, from its root; null when it stands alone. */
  thread: ThreadNode | null;
  /** Filings that decide some of this one's demands. */
  demandsDecidedBy: (FilingRef & { demandCount: number })[];
  /** Filings some of whose demands this one decides. */
  decidesDemandsOf: (FilingRef & { demands: { text: string; outcomeLabel: string }[] })[];
  sources: { url: string; title: string; publisher: string; published: DateView | null }[];
  previous: FilingRef | null;
  next: FilingRef | null;
  citation: string;
  /** What the citation is made of, for the BibTeX and CSL-JSON downloads (lib/filings/citation.ts). */
  citable: Omit<CitableRecord, "url">;
}

const REF_SELECT = {
  id: true,
  kind: true,
  title: true,
  dateFiled: true,
  dateFiledPrecision: true,
  entryNumber: true,
} satisfies Prisma.FilingSelect;

/** A filing linked one-to-one (a demand's decision): whether the public may see it decides the link. */
const LINKED_REF_SELECT = { ...REF_SELECT, isPublic: true } satisfies Prisma.FilingSelect;

const DETAIL_SELECT = {
  ...REF_SELECT,
  filedBy: true,
  summary: true,
  lawsuit: {
    select: {
      id: true,
      caseName: true,
      caseNameShort: true,
      docketNumber: true,
      court: { select: { shortName: true, fullName: true } },
    },
  },
  states: {
    orderBy: { position: "asc" },
    select: { jurisdictionCode: true, role: true, dateJoined: true, dateJoinedPrecision: true, official: { select: { name: true } } },
  },
  demands: {
    orderBy: { position: "asc" },
    select: { id: true, text: true, category: true, outcome: true, decidedBy: { select: LINKED_REF_SELECT } },
  },
  decidedDemands: {
    where: { filing: { isPublic: true } },
    orderBy: [{ filingId: "asc" }, { position: "asc" }],
    select: { text: true, outcome: true, filing: { select: REF_SELECT } },
  },
  sources: {
    orderBy: { position: "asc" },
    select: { url: true, title: true, publisher: true, published: true, publishedPrecision: true },
  },
} satisfies Prisma.FilingSelect;

export type FilingDetailRow = Prisma.FilingGetPayload<{ select: typeof DETAIL_SELECT }>;
type RefRow = Prisma.FilingGetPayload<{ select: typeof REF_SELECT }>;

/** A filing of the thread or a neighbour, as the raw queries return it. */
export interface RawRefRow {
  id: string;
  kind: string;
  title: string;
  dateFiled: string;
  precision: DatePrecision;
  entryNumber: number | null;
}
export interface RawThreadRow extends RawRefRow {
  respondsToId: string | null;
  depth: number;
}
export interface RawNeighbourRow extends RawRefRow {
  side: "previous" | "next";
}

/** One filing's page, or null when there is no public filing with that id. Cached per request. */
export const getFilingDetail = cache(async (id: string): Promise<FilingDetail | null> => {
  const [row, threadRows, neighbourRows] = await Promise.all([
    db.filing.findUnique({ where: { id, isPublic: true }, select: DETAIL_SELECT }),
    listThread(id),
    listNeighbours(id),
  ]);
  return row ? toFilingDetail(row, threadRows, neighbourRows) : null;
});

/**
 * The whole thread of a filing: walk `respondsTo` up to the root, then every response
 * down from it (motion → response → reply, and the order deciding the motion). The
 * `seen` paths stop the walk on a cycle, which the data could hold by mistake. The walk
 * goes through public filings only: a draft ends it, and so hides what hangs from it.
 */
function listThread(id: string): Promise<RawThreadRow[]> {
  return db.$queryRaw<RawThreadRow[]>`
    WITH RECURSIVE up AS (
        SELECT f.id, f.responds_to_id, 0 AS depth, ARRAY[f.id] AS seen
        FROM filing f WHERE f.id = ${id} AND f.is_public
      UNION ALL
        SELECT p.id, p.responds_to_id, up.depth + 1, up.seen || p.id
        FROM filing p JOIN up ON p.id = up.responds_to_id
        WHERE p.is_public AND p.id <> ALL (up.seen) AND up.depth < ${MAX_THREAD_DEPTH}
    ),
    root AS (SELECT id FROM up ORDER BY depth DESC LIMIT 1),
    down AS (
        SELECT root.id, 0 AS depth, ARRAY[root.id] AS seen FROM root
      UNION ALL
        SELECT c.id, down.depth + 1, down.seen || c.id
        FROM filing c JOIN down ON c.responds_to_id = down.id
        WHERE c.is_public AND c.id <> ALL (down.seen) AND down.depth < ${MAX_THREAD_DEPTH}
    )
    SELECT f.id, f.kind::text AS kind, f.title, f.date_filed::text AS "dateFiled",
           f.date_filed_precision::text AS precision, f.entry_number AS "entryNumber",
           f.responds_to_id AS "respondsToId", min(down.depth)::int AS depth
    FROM down JOIN filing f ON f.id = down.id
    GROUP BY f.id
    ORDER BY f.date_filed, f.date_filed_precision DESC, f.entry_number NULLS LAST, f.id
    LIMIT ${MAX_THREAD_SIZE}`;
}

/**
 * The filings just before and after this one in its lawsuit, in docket order: by date
 * (a wider period before a narrower one starting the same day, as on the timeline),
 * then entry number, then id.
 */
function listNeighbours(id: string): Promise<RawNeighbourRow[]> {
  return db.$queryRaw<RawNeighbourRow[]>`
    WITH ordered AS (
      SELECT f.id, lag(f.id) OVER w AS previous_id, lead(f.id) OVER w AS next_id
      FROM filing f
      WHERE f.lawsuit_id = (SELECT lawsuit_id FROM filing WHERE id = ${id}) AND f.is_public
      WINDOW w AS (ORDER BY f.date_filed, f.date_filed_precision DESC, f.entry_number NULLS LAST, f.id)
    )
    SELECT n.id, n.kind::text AS kind, n.title, n.date_filed::text AS "dateFiled",
           n.date_filed_precision::text AS precision, n.entry_number AS "entryNumber",
           CASE WHEN n.id = me.previous_id THEN 'previous' ELSE 'next' END AS side
    FROM ordered me JOIN filing n ON n.id IN (me.previous_id, me.next_id)
    WHERE me.id = ${id}`;
}

function dateView(date: Date | string, precision: DatePrecision): DateView {
  const value = fromStored(date, precision);
  return { value, text: formatPartialDate(value) };
}

function refFromRow(row: RefRow): FilingRef {
  const kind = fromDbEnum<FilingKind>(row.kind);
  return {
    id: row.id,
    kind,
    kindLabel: FILING_KIND_LABELS[kind],
    title: row.title,
    dateFiled: dateView(row.dateFiled, row.dateFiledPrecision),
    entryNumber: row.entryNumber,
  };
}

function refFromRaw(row: RawRefRow): FilingRef {
  const kind = fromDbEnum<FilingKind>(row.kind);
  return {
    id: row.id,
    kind,
    kindLabel: FILING_KIND_LABELS[kind],
    title: row.title,
    dateFiled: dateView(row.dateFiled, row.precision),
    entryNumber: row.entryNumber,
  };
}

/** Builds the thread tree from its root; null when the filing has no thread. */
export function buildThread(rows: RawThreadRow[], currentId: string): ThreadNode | null {
  if (rows.length < 2) return null;
  const nodes = new Map<string, ThreadNode>(rows.map((r) => [r.id, { ...refFromRaw(r), isCurrent: r.id === currentId, responses: [] }]));
  const root = rows.reduce((a, b) => (b.depth < a.depth ? b : a));
  // Rows come in docket order, so responses do too.
  for (const row of rows) {
    if (row.id === root.id || !row.respondsToId) continue;
    nodes.get(row.respondsToId)?.responses.push(nodes.get(row.id)!);
  }
  return nodes.get(root.id)!;
}


/** Rows to the page's view model; pure, so that it is tested without a database. */
/** "plaintiffs" → "Plaintiffs"; the field is free text, names stay as written. */
function filedByLabel(filedBy: string | null): string | null {
  if (!filedBy) return null;
  if (filedBy === "court") return "The court";
  return filedBy.charAt(0).toUpperCase() + filedBy.slice(1);
}

export function toFilingDetail(row: FilingDetailRow, threadRows: RawThreadRow[], neighbourRows: RawNeighbourRow[]): FilingDetail {
  const ref = refFromRow(row);

  const jurisdictionGroups = [...new Set(row.states.map((s) => fromDbEnum<CoalitionRole>(s.role)))]
    .sort((a, b) => COALITION_ROLE_ORDER[a] - COALITION_ROLE_ORDER[b])
    .map((role) => ({
      role,
      label: COALITION_ROLE_LABELS[role],
      members: row.states
        .filter((s) => fromDbEnum<CoalitionRole>(s.role) === role)
        .map((s) => ({
          code: s.jurisdictionCode.trim(),
          name: getJurisdictionName(s.jurisdictionCode.trim()),
          official: s.official?.name ?? null,
          dateJoined: s.dateJoined && s.dateJoinedPrecision ? dateView(s.dateJoined, s.dateJoinedPrecision) : null,
        })),
    }));

  const demands = row.demands.map((d) => {
    const outcome = fromDbEnum<DemandOutcome>(d.outcome);
    return {
      id: d.id,
      text: d.text,
      category: d.category,
      categoryLabel: demandCategoryLabel(d.category),
      outcome,
      outcomeLabel: DEMAND_OUTCOME_LABELS[outcome],
      outcomeTone: DEMAND_OUTCOME_TONES[outcome],
      decidedBy: d.decidedBy?.isPublic ? refFromRow(d.decidedBy) : null,
    };
  });

  const demandsDecidedBy = new Map<string, FilingRef & { demandCount: number }>();
  for (const d of demands) {
    if (!d.decidedBy || d.decidedBy.id === row.id) continue;
    const entry = demandsDecidedBy.get(d.decidedBy.id) ?? { ...d.decidedBy, demandCount: 0 };
    entry.demandCount += 1;
    demandsDecidedBy.set(d.decidedBy.id, entry);
  }

  const decidesDemandsOf = new Map<string, FilingRef & { demands: { text: string; outcomeLabel: string }[] }>();
  for (const d of row.decidedDemands) {
    if (d.filing.id === row.id) continue;
    const entry = decidesDemandsOf.get(d.filing.id) ?? { ...refFromRow(d.filing), demands: [] };
    entry.demands.push({ text: d.text, outcomeLabel: DEMAND_OUTCOME_LABELS[fromDbEnum<DemandOutcome>(d.outcome)] });
    decidesDemandsOf.set(d.filing.id, entry);
  }
  const byDate = (a: FilingRef, b: FilingRef) => a.dateFiled.value.localeCompare(b.dateFiled.value) || a.id.localeCompare(b.id);

  const lawsuit = row.lawsuit && {
    id: row.lawsuit.id,
    caseName: row.lawsuit.caseName,
    caseNameShort: row.lawsuit.caseNameShort,
    docketNumber: row.lawsuit.docketNumber,
    court: { shortName: row.lawsuit.court.shortName, fullName: row.lawsuit.court.fullName },
  };
  const neighbour = (side: RawNeighbourRow["side"]) => {
    const found = neighbourRows.find((n) => n.side === side);
    return found ? refFromRaw(found) : null;
  };

  const citable: FilingDetail["citable"] = {
    id: row.id,
    kind: ref.kind,
    title: row.title,
    dateFiled: ref.dateFiled.value,
    entryNumber: row.entryNumber,
    lawsuit: lawsuit && {
      caseNameShort: lawsuit.caseNameShort,
      docketNumber: lawsuit.docketNumber,
      courtShortName: lawsuit.court.shortName,
      courtFullName: lawsuit.court.fullName,
    },
  };

  return {
    ...ref,
    filedBy: filedByLabel(row.filedBy),
    summaryParagraphs: splitParagraphs(row.summary),
    summaryFirstSentence: firstSentence(row.summary),
    lawsuit,
    jurisdictionGroups,
    demands,
    thread: buildThread(threadRows, row.id),
    demandsDecidedBy: [...demandsDecidedBy.values()].sort(byDate),
    decidesDemandsOf: [...decidesDemandsOf.values()].sort(byDate),
    sources: row.sources.map((s) => ({
      url: s.url,
      title: s.title,
      publisher: s.publisher,
      published: s.published && s.publishedPrecision ? dateView(s.published, s.publishedPrecision) : null,
    })),
    previous: neighbour("previous"),
    next: neighbour("next"),
    citation: citeFiling(citable),
    citable,
  };
}
