// Reads records from the database in their docketline/v1 form, with a fixed number of
// statements whatever the number of records (children are fetched per kind, not per row).
import "server-only";

import { createHash } from "node:crypto";

import { fromStored, type DatePrecision } from "@/lib/dates/partial-date";
import { KIND_BY_NAME } from "@/lib/dataset/import-kinds";
import { canonicalCourt, canonicalFiling, canonicalLawsuit, canonicalOfficial, listedRecordText } from "@/lib/dataset/records";
import { readThroughCursor } from "@/lib/db/cursor";
import type { Sql } from "@/lib/db/sql";
import { Prisma } from "@/lib/generated/prisma/client";

export type CanonicalRecord = Record<string, unknown>;

export interface RecordSelection {
  courts?: string[];
  officials?: string[];
  lawsuits?: string[];
  filings?: string[];
}

export interface ReadOptions {
  /**
   * Only what the public may see: public lawsuits and filings (is_public), with their
   * references to lawsuits and filings that are not public left out (a reply to a
   * draft motion responds to nothing the public knows of). Courts and officials are
   * reference data, always public. The importer and staff editing read everything.
   */
  publicOnly?: boolean;
}

export interface DatasetRecords {
  courts: CanonicalRecord[];
  officials: CanonicalRecord[];
  lawsuits: CanonicalRecord[];
  filings: CanonicalRecord[];
}

/** A stored date and its precision as a partial date, or undefined when unset. */
export const date = (value: string | null, precision: DatePrecision | null) =>
  value === null || precision === null ? undefined : fromStored(value, precision);

export function groupBy<T extends Record<string, unknown>>(rows: T[], key: keyof T): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const k = row[key] as string;
    let list = groups.get(k);
    if (!list) groups.set(k, (list = []));
    list.push(row);
  }
  return groups;
}

export type Row = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/**
 * The records of each kind, in export order: courts and officials by id, lawsuits and
 * filings by date (a wider period first), then id. A kind left out of `only` is read
 * whole; an empty list reads none.
 */
export async function readRecords(sql: Sql, only?: RecordSelection, options: ReadOptions = {}): Promise<DatasetRecords> {
  const publicOnly = options.publicOnly ?? false;
  const filter = (ids: string[] | undefined, column = "id") => (ids ? sql`WHERE ${sql(column)} = ANY(${ids})` : sql``);
  const skip = (ids: string[] | undefined) => ids !== undefined && ids.length === 0;

  const [courts, officials, lawsuits, filings] = await Promise.all([
    skip(only?.courts) ? [] : sql<Row[]>`SELECT id, short_name, full_name FROM court ${filter(only?.courts)} ORDER BY id COLLATE "C"`,
    skip(only?.officials)
      ? []
      : sql<Row[]>`SELECT id, name, office, jurisdiction_code, term_start, term_start_precision, term_end, term_end_precision
                   FROM official ${filter(only?.officials)} ORDER BY id COLLATE "C"`,
    skip(only?.lawsuits) ? [] : readLawsuits(sql, only?.lawsuits, publicOnly),
    skip(only?.filings) ? [] : readFilings(sql, only?.filings, publicOnly),
  ]);

  return {
    courts: courts.map((c) => canonicalCourt({ id: c.id, shortName: c.short_name, fullName: c.full_name })),
    officials: officials.map((o) =>
      canonicalOfficial({
        id: o.id,
        name: o.name,
        office: o.office,
        jurisdiction: o.jurisdiction_code,
        termStart: date(o.term_start, o.term_start_precision),
        termEnd: date(o.term_end, o.term_end_precision),
      }),
    ),
    lawsuits,
    filings,
  };
}

async function readLawsuits(sql: Sql, ids: string[] | undefined, publicOnly: boolean): Promise<CanonicalRecord[]> {
  const where = ids ? sql`WHERE lawsuit_id = ANY(${ids})` : sql`WHERE lawsuit_id IS NOT NULL`;
  const [lawsuits, plaintiffs, parties, relations, sources] = await Promise.all([
    sql<Row[]>`
      SELECT id, case_name, case_name_short, court_id, docket_number, judge, date_filed, date_filed_precision,
             date_terminated, date_terminated_precision, status, summary
      FROM lawsuit WHERE ${ids ? sql`id = ANY(${ids})` : sql`TRUE`} ${publicOnly ? sql`AND is_public` : sql``}
      ORDER BY date_filed, date_filed_precision DESC, id COLLATE "C"`,
    sql<Row[]>`SELECT lawsuit_id, jurisdiction_code, role FROM lawsuit_plaintiff ${ids ? sql`WHERE lawsuit_id = ANY(${ids})` : sql``} ORDER BY lawsuit_id, position`,
    sql<Row[]>`SELECT lawsuit_id, name, side FROM other_party ${ids ? sql`WHERE lawsuit_id = ANY(${ids})` : sql``} ORDER BY lawsuit_id, position`,
    sql<Row[]>`SELECT r.lawsuit_id, r.related_lawsuit_id, r.relation FROM lawsuit_relation r
               ${publicOnly ? sql`JOIN lawsuit t ON t.id = r.related_lawsuit_id AND t.is_public` : sql``}
               ${ids ? sql`WHERE r.lawsuit_id = ANY(${ids})` : sql``} ORDER BY r.lawsuit_id, r.position`,
    sql<Row[]>`SELECT lawsuit_id, url, title, publisher, published, published_precision FROM source ${where} ORDER BY lawsuit_id, position`,
  ]);
  const plaintiffsOf = groupBy(plaintiffs, "lawsuit_id");
  const partiesOf = groupBy(parties, "lawsuit_id");
  const relationsOf = groupBy(relations, "lawsuit_id");
  const sourcesOf = groupBy(sources, "lawsuit_id");
  return lawsuits.map((l) =>
    canonicalLawsuit({
      id: l.id,
      caseName: l.case_name,
      caseNameShort: l.case_name_short,
      court: l.court_id,
      docketNumber: l.docket_number,
      judge: l.judge,
      dateFiled: fromStored(l.date_filed, l.date_filed_precision),
      dateTerminated: date(l.date_terminated, l.date_terminated_precision),
      status: l.status,
      summary: l.summary,
      plaintiffs: (plaintiffsOf.get(l.id) ?? []).map((p) => ({ jurisdiction: p.jurisdiction_code, role: p.role })),
      otherParties: (partiesOf.get(l.id) ?? []).map((p) => ({ name: p.name, side: p.side })),
      related: (relationsOf.get(l.id) ?? []).map((r) => ({ lawsuit: r.related_lawsuit_id, relation: r.relation })),
      sources: (sourcesOf.get(l.id) ?? []).map(sourceFromRow),
    }),
  );
}

async function readFilings(sql: Sql, ids: string[] | undefined, publicOnly: boolean): Promise<CanonicalRecord[]> {
  const byFiling = ids ? sql`WHERE filing_id = ANY(${ids})` : sql``;
  // A public filing is in a public lawsuit or in none (the is_public triggers), so only
  // respondsTo and decidedBy can point at what the public cannot see.
  const [filings, states, demands, sources] = await Promise.all([
    sql<Row[]>`
      SELECT f.id, f.lawsuit_id, f.kind, f.title, f.date_filed, f.date_filed_precision, f.entry_number, f.filed_by,
             ${publicOnly ? sql`r.id` : sql`f.responds_to_id`} AS responds_to_id, f.summary
      FROM filing f
      ${publicOnly ? sql`LEFT JOIN filing r ON r.id = f.responds_to_id AND r.is_public` : sql``}
      WHERE ${ids ? sql`f.id = ANY(${ids})` : sql`TRUE`} ${publicOnly ? sql`AND f.is_public` : sql``}
      ORDER BY f.date_filed, f.date_filed_precision DESC, f.id COLLATE "C"`,
    sql<Row[]>`SELECT filing_id, jurisdiction_code, role, official_id, date_joined, date_joined_precision FROM filing_state ${byFiling} ORDER BY filing_id, position`,
    sql<Row[]>`SELECT d.filing_id, d.text, d.category, d.outcome, ${publicOnly ? sql`x.id` : sql`d.decided_by_id`} AS decided_by_id
               FROM demand d ${publicOnly ? sql`LEFT JOIN filing x ON x.id = d.decided_by_id AND x.is_public` : sql``}
               ${ids ? sql`WHERE d.filing_id = ANY(${ids})` : sql``} ORDER BY d.filing_id, d.position`,
    sql<Row[]>`SELECT filing_id, url, title, publisher, published, published_precision FROM source
               ${ids ? sql`WHERE filing_id = ANY(${ids})` : sql`WHERE filing_id IS NOT NULL`} ORDER BY filing_id, position`,
  ]);
  const statesOf = groupBy(states, "filing_id");
  const demandsOf = groupBy(demands, "filing_id");
  const sourcesOf = groupBy(sources, "filing_id");
  return filings.map((f) => filingFromRows(f, statesOf.get(f.id) ?? [], demandsOf.get(f.id) ?? [], sourcesOf.get(f.id) ?? []));
}

/** A filing record from its row and its children's rows (by position). */
function filingFromRows(f: Row, states: Row[], demands: Row[], sources: Row[]): CanonicalRecord {
  return canonicalFiling({
    ...filingFields(f),
    states: states.map((s) => stateFrom(s.jurisdiction_code, s.role, s.official_id, s.date_joined, s.date_joined_precision)),
    demands: demands.map((d) => demandFrom(d.text, d.category, d.outcome, d.decided_by_id)),
    sources: sources.map(sourceFromRow),
  });
}

function filingFields(f: Row) {
  return {
    id: f.id,
    lawsuit: f.lawsuit_id,
    kind: f.kind,
    title: f.title,
    dateFiled: fromStored(f.date_filed, f.date_filed_precision),
    entryNumber: f.entry_number,
    filedBy: f.filed_by,
    respondsTo: f.responds_to_id,
    summary: f.summary,
  };
}

// Cells as the database gives them (enums as their text); canonicalFiling checks nothing.
type Cell = Row[string];
const stateFrom = (jurisdiction: Cell, role: Cell, official: Cell, joined: Cell, precision: Cell) => ({
  jurisdiction,
  role,
  official,
  dateJoined: date(joined, precision),
});
const demandFrom = (text: Cell, category: Cell, outcome: Cell, decidedBy: Cell) => ({ text, category, outcome, decidedBy });
const sourceFrom = (url: Cell, title: Cell, publisher: Cell, published: Cell, precision: Cell) => ({
  url,
  title,
  publisher,
  published: date(published, precision),
});

/** Filings in export order (as readRecords orders them): by date, a wider period first, then id by code unit. */
export const FILING_EXPORT_ORDER = Prisma.sql`f.date_filed, f.date_filed_precision DESC, f.id COLLATE "C"`;

/** Filing records read per round trip of a stream: a few megabytes of rows. */
export const FILING_STREAM_BATCH = 1000;

export interface StreamedFiling<Extra> {
  record: CanonicalRecord;
  /** The caller's own columns of the same row (`columns`). */
  extra: Extra;
}

/**
 * Filing records from one statement read through a cursor, `batch` at a time: the
 * filings of `filing f` that meet every condition, in `order`, each with its states,
 * demands and sources gathered in the same statement, and the caller's `columns`
 * (expressions over `f`, each `AS` a name). One snapshot; one connection, held while
 * the stream is read, so the caller must not wait on another query of the same pool
 * meanwhile (read what it needs before, or join it in through `columns`). One batch in
 * memory and the next one read while it is used; no more until the reader asks.
 * publicOnly as for readRecords.
 */
export async function* streamFilingRecords<Extra extends Row = Row>(
  sql: Sql,
  selection: { conditions: Prisma.Sql[]; order: Prisma.Sql; columns?: Prisma.Sql[] },
  options: ReadOptions & { batch?: number } = {},
): AsyncGenerator<StreamedFiling<Extra>[]> {
  const statement = filingRowsStatement(selection, options.publicOnly ?? false, null);
  const toFiling = (f: Row): StreamedFiling<Extra> => ({ record: filingFromRow(f), extra: f as Extra });
  // PostgreSQL reads the next batch while this one is turned into records.
  for await (const rows of readThroughCursor<Row>(sql, statement, options.batch ?? FILING_STREAM_BATCH)) yield rows.map(toFiling);
}

/** A filing with every field, from which the fingerprint below is taken. */
const PROBE_FILING = {
  id: "probe",
  lawsuit: "probe-lawsuit",
  kind: "motion",
  title: 'A "title" with a line\nbreak, \u2028, caf\u00e9 and \u{1F3DB}',
  dateFiled: "2018-07",
  entryNumber: 0,
  filedBy: "plaintiffs",
  respondsTo: "probe-motion",
  summary: "A summary.",
  states: [
    { jurisdiction: "NM", role: "lead", official: "probe-official", dateJoined: "2018" },
    { jurisdiction: "WA", role: "joined" },
  ],
  demands: [{ text: "A demand.", category: "reunification", outcome: "granted", decidedBy: "probe-order" }],
  sources: [{ url: "https://example.org/", title: "A source", publisher: "A publisher", published: "2018-07-02" }],
} as Parameters<typeof canonicalFiling>[0];

/**
 * The fingerprint of how this code writes a filing's record (field order, which fields
 * are left out, dates, indentation) and of the rows the importer makes of it (columns,
 * cells, lists), from a record with every field: kept in filing_record with each text,
 * so that a text written by code that wrote records otherwise is never served (decision
 * 034), and never taken for rows stored otherwise by a re-import (decision 036). No one
 * has to remember to change it.
 */
export const FILING_TEXT_FORMAT = (() => {
  const spec = KIND_BY_NAME.filings;
  const record = PROBE_FILING as never;
  const rows = {
    columns: spec.columns,
    values: spec.values(record),
    derived: [spec.derived?.columns, spec.derived?.values(record)],
    children: spec.children.map((c) => [c.table, c.parent, c.columns, c.rows(record)]),
  };
  return createHash("sha256").update(listedRecordText(canonicalFiling(PROBE_FILING))).update(JSON.stringify(rows)).digest("hex").slice(0, 16);
})();

/**
 * The filings of streamFilingRecords as the filings list of an exported dataset holds
 * them (listedRecordText), `batch` at a time: the text the importer kept in
 * filing_record where it may be used, and the record built from its rows where there is
 * none (forgotten since) or where a public export must leave out a reference the kept
 * text makes (to a filing the public cannot see). Same text either way (decision 034).
 */
export async function* streamFilingTexts(
  sql: Sql,
  selection: { conditions: Prisma.Sql[]; order: Prisma.Sql },
  options: ReadOptions & { batch?: number } = {},
): AsyncGenerator<string[]> {
  const publicOnly = options.publicOnly ?? false;
  // The kept text names every reference; in a public export it serves only the filings
  // whose references are all public. Both sets are hashed once, not probed per filing.
  const kept = publicOnly
    ? Prisma.sql`(SELECT k.text FROM filing_record k
        WHERE k.filing_id = f.id AND k.format = ${FILING_TEXT_FORMAT}
          AND (f.responds_to_id IS NULL OR f.responds_to_id NOT IN (SELECT h.id FROM filing h WHERE NOT h.is_public))
          AND f.id NOT IN (SELECT d.filing_id FROM demand d JOIN filing h ON h.id = d.decided_by_id WHERE NOT h.is_public))`
    : Prisma.sql`(SELECT k.text FROM filing_record k WHERE k.filing_id = f.id AND k.format = ${FILING_TEXT_FORMAT})`;
  const statement = filingRowsStatement(selection, publicOnly, kept);
  for await (const rows of readThroughCursor<Row>(sql, statement, options.batch ?? FILING_STREAM_BATCH)) {
    yield rows.map((f) => (f.kept as string | null) ?? listedRecordText(filingFromRow(f)));
  }
}

/** The filing's own columns that its record shows: its id and those the importer writes from it. */
const FILING_COLUMNS = ["id", ...KIND_BY_NAME.filings.columns];

/**
 * One statement for the filings of `selection`, each row a filing's columns with its
 * states, demands and sources. The children come as JSON arrays of arrays, not of
 * objects: naming every field of a million rows of filing_state tripled the bytes
 * PostgreSQL built and sent. With `kept` (an expression over `f`, `kept` in the row),
 * the children are read only for the rows where it is null.
 */
function filingRowsStatement(selection: { conditions: Prisma.Sql[]; order: Prisma.Sql; columns?: Prisma.Sql[] }, publicOnly: boolean, kept: Prisma.Sql | null): Prisma.Sql {
  const conditions = publicOnly ? [Prisma.sql`f.is_public`, ...selection.conditions] : selection.conditions;
  const record: [Prisma.Sql, string][] = [
    ...FILING_COLUMNS.slice(1).map((c): [Prisma.Sql, string] => [
      c === "responds_to_id" && publicOnly ? Prisma.sql`(SELECT r.id FROM filing r WHERE r.id = f.responds_to_id AND r.is_public)` : Prisma.raw(`f.${c}`),
      c,
    ]),
    [
      Prisma.sql`(SELECT json_agg(json_build_array(s.jurisdiction_code, s.role, s.official_id, s.date_joined, s.date_joined_precision) ORDER BY s.position)
        FROM filing_state s WHERE s.filing_id = f.id)`,
      "states",
    ],
    [
      Prisma.sql`(SELECT json_agg(json_build_array(d.text, d.category, d.outcome, ${publicOnly ? Prisma.sql`x.id` : Prisma.sql`d.decided_by_id`}) ORDER BY d.position)
        FROM demand d ${publicOnly ? Prisma.sql`LEFT JOIN filing x ON x.id = d.decided_by_id AND x.is_public` : Prisma.empty}
        WHERE d.filing_id = f.id)`,
      "demands",
    ],
    [
      Prisma.sql`(SELECT json_agg(json_build_array(s.url, s.title, s.publisher, s.published, s.published_precision) ORDER BY s.position)
        FROM source s WHERE s.filing_id = f.id)`,
      "sources",
    ],
  ];
  // A row with its kept text needs nothing else: the rest is read only for the others.
  const columns = Prisma.join(
    record.map(([expression, name]) => Prisma.sql`${kept ? Prisma.sql`CASE WHEN kept IS NULL THEN ${expression} END` : expression} AS ${Prisma.raw(name)}`),
    ", ",
  );
  const extra = selection.columns?.length ? Prisma.sql`, ${Prisma.join(selection.columns, ", ")}` : Prisma.empty;
  const where = conditions.length ? Prisma.sql`WHERE ${Prisma.join(conditions, " AND ")}` : Prisma.empty;
  if (!kept) return Prisma.sql`SELECT f.id, ${columns}${extra} FROM filing f ${where} ORDER BY ${selection.order}`;
  // The filings are sorted first, narrow, and the kept text is looked up once per row
  // (OFFSET 0 keeps PostgreSQL from copying the lookup into every CASE that tests it);
  // the outer ORDER BY is then met by the order the rows already come in.
  return Prisma.sql`
    SELECT f.id, kept, ${columns}${extra}
    FROM (SELECT ${Prisma.raw(FILING_COLUMNS.map((c) => `f.${c}`).join(", "))} FROM filing f ${where} ORDER BY ${selection.order} OFFSET 0) f
    CROSS JOIN LATERAL (SELECT ${kept} AS kept OFFSET 0) k
    ORDER BY ${selection.order}`;
}

type Tuples = unknown[][] | null;

function filingFromRow(f: Row): CanonicalRecord {
  return canonicalFiling({
    ...filingFields(f),
    states: ((f.states as Tuples) ?? []).map((t) => stateFrom(...(t as Parameters<typeof stateFrom>))),
    demands: ((f.demands as Tuples) ?? []).map((t) => demandFrom(...(t as Parameters<typeof demandFrom>))),
    sources: ((f.sources as Tuples) ?? []).map((t) => sourceFrom(...(t as Parameters<typeof sourceFrom>))),
  });
}

export function sourceFromRow(s: Row) {
  return sourceFrom(s.url, s.title, s.publisher, s.published, s.published_precision);
}
