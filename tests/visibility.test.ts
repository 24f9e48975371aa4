// The public sees public records only. Every public read (timeline, facets and counts, the
// API, the exports, the feed, the calendar, the sitemap, the about, insights, state,
// lawsuit and filing pages, the citations) is taken before any hidden record exists.
// Then a draft filing, a deleted filing, a draft lawsuit with a filing and a published
// filing whose lawsuit was unpublished are added: every read must be exactly as before,
// and their ids must be unknown. Then public records that refer to hidden ones must not
// name them. Last, everything is published: every read must now show them, which proves
// that each read could have shown them.
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { isDeepStrictEqual } from "node:util";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import * as citeBib from "@/app/(public)/filings/[id]/cite.bib/route";
import * as citeJson from "@/app/(public)/filings/[id]/cite.json/route";
import * as filingRoute from "@/app/api/v1/filings/[id]/route";
import * as filingsRoute from "@/app/api/v1/filings/route";
import * as jurisdictionsRoute from "@/app/api/v1/jurisdictions/route";
import * as lawsuitRoute from "@/app/api/v1/lawsuits/[id]/route";
import * as lawsuitsRoute from "@/app/api/v1/lawsuits/route";
import { GET as calendarIcs } from "@/app/calendar.ics/route";
import { GET as datasetJson } from "@/app/export/dataset.json/route";
import { GET as filingStatesCsv } from "@/app/export/filing-states.csv/route";
import { GET as filingsCsv } from "@/app/export/filings.csv/route";
import { GET as feedXml } from "@/app/feed.xml/route";
import { getCollectionSummary } from "@/lib/about/queries";
import { exportDataset, serializeDataset } from "@/lib/dataset/export";
import { importDatasetText } from "@/lib/dataset/import";
import { parseDatasetJson, validateDataset } from "@/lib/dataset/validate";
import { getBulkSql } from "@/lib/db/bulk";
import { db } from "@/lib/db/client";
import { deleteRecord, loadRecord, restoreRecord, saveRecord, setPublication } from "@/lib/editing/records";
import type { Actor, SaveResult } from "@/lib/editing/types";
import { getFilingDetail } from "@/lib/filings/queries";
import { EMPTY_FILTER, FilterSchema } from "@/lib/filters/schema";
import { getInsights } from "@/lib/insights/queries";
import { getJurisdiction, listJurisdictions } from "@/lib/jurisdictions/queries";
import { getLawsuit, listLawsuits } from "@/lib/lawsuits/queries";
import { parseLawsuitListParams } from "@/lib/lawsuits/schema";
import { countSitemaps, listFilingPages, listSectionPages } from "@/lib/site-map";
import { getTimelineFacets, getTimelinePage } from "@/lib/timeline/queries";

import { runScript } from "./support/cli";
import { createTestDatabase, readFoundingDataset, type TestDatabase } from "./support/database";

const ORIGIN = "http://docketline.test";
const editor: Actor = { userId: "user-vis", name: "Vera Visibility" };

const FOUNDING_LAWSUIT = "washington-v-united-states-2018";
const FOUNDING_LAWSUITS = ["washington-v-united-states-2018", "ms-l-v-ice-2018", "flores-v-sessions", "california-v-mcaleenan-2019", "flores-v-barr-2019"];
/** A founding motion; the draft hearing answers it, the day after, so it would show in its thread and as its neighbour. */
const PARENT = "wa-v-us-2018-dkt-15";
/** A founding order; a hidden filing's demand names it as its decision, so its page would list that filing. */
const DECIDING_ORDER = "wa-v-us-2018-order-2018-07-19";
/** No founding filing or lawsuit involves Guam: every hidden record does. */
const HIDDEN_STATE = "GU";

const DRAFT_FILING = "quillwort-draft-hearing";
const DELETED_FILING = "quillwort-deleted-letter";
const DRAFT_LAWSUIT = "quillwort-v-draft-2024";
const FILING_OF_DRAFT_LAWSUIT = "quillwort-draft-lawsuit-complaint";
const UNPUBLISHED_LAWSUIT = "quillwort-v-unpublished-2024";
const FILING_OF_UNPUBLISHED_LAWSUIT = "quillwort-orphaned-motion";
const HIDDEN_FILINGS = [DRAFT_FILING, DELETED_FILING, FILING_OF_DRAFT_LAWSUIT, FILING_OF_UNPUBLISHED_LAWSUIT];
const HIDDEN_LAWSUITS = [DRAFT_LAWSUIT, UNPUBLISHED_LAWSUIT];
/** A public reply to the draft hearing, with a demand the hearing decided. */
const PUBLIC_REPLY = "quillwort-public-reply";
/** Public appeals of the unpublished lawsuit, then of that appeal: reachable only through it. */
const PUBLIC_APPEAL = "quillwort-appeal-2025";
const PUBLIC_FURTHER_APPEAL = "quillwort-further-appeal-2026";

function filing(id: string, overrides: Record<string, unknown> = {}) {
  return {
    id,
    lawsuit: null,
    kind: "letter",
    title: `Quillwort ${id}`,
    dateFiled: "2024-03-04",
    summary: `The states wrote about quillwort (${id}).`,
    states: [{ jurisdiction: HIDDEN_STATE, role: "lead" }],
    demands: [{ text: `Protect the quillwort (${id}).`, category: "procedure", outcome: "pending" }],
    sources: [{ url: `https://example.org/${id}.pdf`, title: id, publisher: "Court records" }],
    ...overrides,
  };
}

function lawsuit(id: string, overrides: Record<string, unknown> = {}) {
  return {
    id,
    caseName: `Territory of Guam v. Quillwort Board (${id})`,
    caseNameShort: `Guam v. Quillwort (${id})`,
    court: "wawd",
    docketNumber: `2:24-cv-${id.length}`,
    dateFiled: "2024-03-01",
    status: "open",
    summary: `Guam sued over quillwort (${id}).`,
    plaintiffs: [{ jurisdiction: HIDDEN_STATE, role: "lead" }],
    ...overrides,
  };
}

function ok(result: SaveResult): number {
  if (!result.ok) throw new Error(`expected success, got ${JSON.stringify(result)}`);
  return result.version;
}

type Handler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response> | Response;

async function call(handler: unknown, pathAndQuery: string, params: Record<string, string> = {}): Promise<Response> {
  return (handler as Handler)(new Request(`${ORIGIN}${pathAndQuery}`), { params: Promise.resolve(params) });
}

async function text(handler: unknown, pathAndQuery: string, params: Record<string, string> = {}): Promise<string> {
  const response = await call(handler, pathAndQuery, params);
  const body = await response.text();
  expect(response.status, `${pathAndQuery}: ${body}`).toBe(200);
  return body;
}

/** Every public read, as plain data. */
async function publicView() {
  const lawsuitPages: Record<string, unknown> = {};
  for (const id of FOUNDING_LAWSUITS) lawsuitPages[id] = await getLawsuit(id);
  return {
    timeline: await getTimelinePage(EMPTY_FILTER, 500),
    facets: await getTimelineFacets(EMPTY_FILTER),
    // The lawsuit facet lists the top few and the selected lawsuit: each hidden one, selected.
    selectedLawsuitFacets: await Promise.all(HIDDEN_LAWSUITS.map(async (id) => (await getTimelineFacets(FilterSchema.parse({ lawsuit: id }))).lawsuit)),
    search: await getTimelinePage(FilterSchema.parse({ q: "quillwort" })),
    stateFilter: await getTimelinePage(FilterSchema.parse({ state: [HIDDEN_STATE] })),
    apiFilings: JSON.parse(await text(filingsRoute.GET, "/api/v1/filings?limit=500")),
    apiLawsuits: JSON.parse(await text(lawsuitsRoute.GET, "/api/v1/lawsuits")),
    apiFoundingLawsuit: JSON.parse(await text(lawsuitRoute.GET, `/api/v1/lawsuits/${FOUNDING_LAWSUIT}`, { id: FOUNDING_LAWSUIT })),
    apiJurisdictions: JSON.parse(await text(jurisdictionsRoute.GET, "/api/v1/jurisdictions")),
    filingsCsv: await text(filingsCsv, "/export/filings.csv"),
    filingStatesCsv: await text(filingStatesCsv, "/export/filing-states.csv"),
    datasetJson: await text(datasetJson, "/export/dataset.json"),
    lawsuitDatasetJson: await text(datasetJson, `/export/dataset.json?lawsuit=${FOUNDING_LAWSUIT}`),
    feed: await text(feedXml, "/feed.xml"),
    calendar: await text(calendarIcs, "/calendar.ics"),
    sitemap: { parts: await countSitemaps(), sections: await listSectionPages(), filings: await listFilingPages(1) },
    about: await getCollectionSummary(),
    insights: await getInsights(EMPTY_FILTER),
    states: await listJurisdictions("name"),
    hiddenState: await getJurisdiction(HIDDEN_STATE),
    lawsuitList: await listLawsuits(parseLawsuitListParams({})),
    lawsuitPages,
    parentFiling: await getFilingDetail(PARENT),
    decidingOrder: await getFilingDetail(DECIDING_ORDER),
    cliExport: serializeDataset(await exportDataset(database.sql)),
  };
}

type View = Awaited<ReturnType<typeof publicView>>;

const mentions = (value: unknown, id: string) => JSON.stringify(value).includes(id);

let database: TestDatabase;
let before: View;
/** Versions, for the lifecycle calls that must name the version they act on. */
const versions = new Map<string, number>();

beforeAll(async () => {
  database = await createTestDatabase();
  // lib/env reads the environment once, on first use; the clients connect on first query.
  process.env.DATABASE_URL = database.url;
  delete process.env.DOCKETLINE_PUBLIC_URL;
  await importDatasetText(database.sql, await readFoundingDataset());
  before = await publicView();

  const save = async (kind: "lawsuit" | "filing", record: { id: string }) => versions.set(record.id, ok(await saveRecord(kind, record, { baseVersion: null, actor: editor })));
  const publish = async (kind: "lawsuit" | "filing", id: string, publication: "published" | "draft" = "published") =>
    versions.set(id, ok(await setPublication(kind, id, publication, { baseVersion: versions.get(id)!, actor: editor })));

  // A draft (every new record starts as one) in a public lawsuit.
  await save("filing", filing(DRAFT_FILING, { lawsuit: FOUNDING_LAWSUIT, kind: "hearing", dateFiled: "2018-07-03", respondsTo: PARENT }));
  // A filing that was public, then deleted.
  await save("filing", filing(DELETED_FILING));
  await publish("filing", DELETED_FILING);
  versions.set(DELETED_FILING, ok(await deleteRecord("filing", DELETED_FILING, { baseVersion: versions.get(DELETED_FILING)!, actor: editor })));
  // A draft lawsuit, related to a public one, with a draft filing.
  await save("lawsuit", lawsuit(DRAFT_LAWSUIT, { related: [{ lawsuit: FOUNDING_LAWSUIT, relation: "related" }] }));
  const decided = [{ text: "Decide the quillwort question.", category: "procedure", outcome: "denied", decidedBy: DECIDING_ORDER }];
  await save("filing", filing(FILING_OF_DRAFT_LAWSUIT, { lawsuit: DRAFT_LAWSUIT, kind: "complaint", demands: decided }));
  // A published filing in a lawsuit that was published, then unpublished.
  await save("lawsuit", lawsuit(UNPUBLISHED_LAWSUIT, { related: [{ lawsuit: FOUNDING_LAWSUIT, relation: "appeal-of" }] }));
  await publish("lawsuit", UNPUBLISHED_LAWSUIT);
  await save("filing", filing(FILING_OF_UNPUBLISHED_LAWSUIT, { lawsuit: UNPUBLISHED_LAWSUIT, kind: "motion" }));
  await publish("filing", FILING_OF_UNPUBLISHED_LAWSUIT);
  await publish("lawsuit", UNPUBLISHED_LAWSUIT, "draft");
});

afterAll(async () => {
  await db.$disconnect();
  await getBulkSql().end({ timeout: 5 });
  await database?.drop();
});

describe.sequential("Records the public cannot see", () => {
  it("are really there, in each of the hidden states", async () => {
    const states = await database.sql<{ id: string; publication: string; deleted: boolean; is_public: boolean }[]>`
      SELECT id, publication::text, deleted_at IS NOT NULL AS deleted, is_public FROM filing WHERE id = ANY(${HIDDEN_FILINGS}) ORDER BY id`;
    expect(states).toEqual([
      { id: DELETED_FILING, publication: "published", deleted: true, is_public: false },
      { id: DRAFT_FILING, publication: "draft", deleted: false, is_public: false },
      { id: FILING_OF_DRAFT_LAWSUIT, publication: "draft", deleted: false, is_public: false },
      { id: FILING_OF_UNPUBLISHED_LAWSUIT, publication: "published", deleted: false, is_public: false },
    ]);
  });

  it("change no public read: timeline, facets, counts, API, exports, feed, calendar, sitemap, about, insights, states, lawsuits, filing pages", async () => {
    const after = await publicView();
    const changed = (Object.keys(before) as (keyof View)[]).filter((key) => !isDeepStrictEqual(after[key], before[key]));
    expect(changed, "these reads show hidden records").toEqual([]);
    expect(JSON.stringify(after)).not.toMatch(/quillwort/i);
  });

  it("have no filing page, API resource or citation: each answers 404", async () => {
    for (const id of HIDDEN_FILINGS) {
      expect(await getFilingDetail(id), id).toBeNull();
      const api = await call(filingRoute.GET, `/api/v1/filings/${id}`, { id });
      expect(api.status, id).toBe(404);
      expect(api.headers.get("content-type")).toBe("application/problem+json");
      expect((await call(citeBib.GET, `/filings/${id}/cite.bib`, { id })).status, id).toBe(404);
      expect((await call(citeJson.GET, `/filings/${id}/cite.json`, { id })).status, id).toBe(404);
    }
  });

  it("have no lawsuit page or API resource: each answers 404", async () => {
    for (const id of HIDDEN_LAWSUITS) {
      expect(await getLawsuit(id), id).toBeNull();
      const api = await call(lawsuitRoute.GET, `/api/v1/lawsuits/${id}`, { id });
      expect(api.status, id).toBe(404);
      expect(api.headers.get("content-type")).toBe("application/problem+json");
    }
  });
});

describe.sequential("Public records that refer to hidden ones", () => {
  beforeAll(async () => {
    // A public reply to the draft hearing, one of whose demands the hearing decided.
    const reply = filing(PUBLIC_REPLY, {
      lawsuit: FOUNDING_LAWSUIT,
      kind: "reply",
      dateFiled: "2024-03-05",
      respondsTo: DRAFT_FILING,
      states: [{ jurisdiction: "WA", role: "lead" }],
      demands: [{ text: "Hear the quillwort question.", category: "procedure", outcome: "granted", decidedBy: DRAFT_FILING }],
    });
    versions.set(PUBLIC_REPLY, ok(await saveRecord("filing", reply, { baseVersion: null, actor: editor })));
    versions.set(PUBLIC_REPLY, ok(await setPublication("filing", PUBLIC_REPLY, "published", { baseVersion: versions.get(PUBLIC_REPLY)!, actor: editor })));
    // A public lawsuit that names the draft lawsuit as related.
    const founding = (await loadRecord("lawsuit", FOUNDING_LAWSUIT))!;
    const related = [...(founding.record.related as object[]), { lawsuit: DRAFT_LAWSUIT, relation: "related" }];
    ok(await saveRecord("lawsuit", { ...founding.record, related }, { baseVersion: founding.version, actor: editor }));
    // A chain of appeals hanging from the unpublished lawsuit.
    for (const [id, of] of [[PUBLIC_APPEAL, UNPUBLISHED_LAWSUIT], [PUBLIC_FURTHER_APPEAL, PUBLIC_APPEAL]]) {
      const record = lawsuit(id, { court: "ca9", plaintiffs: [{ jurisdiction: "WA", role: "lead" }], related: [{ lawsuit: of, relation: "appeal-of" }] });
      const version = ok(await saveRecord("lawsuit", record, { baseVersion: null, actor: editor }));
      ok(await setPublication("lawsuit", id, "published", { baseVersion: version, actor: editor }));
    }
  });

  it("show the public record without the reference, in the API, the timeline and the filing page", async () => {
    const api = await text(filingRoute.GET, `/api/v1/filings/${PUBLIC_REPLY}`, { id: PUBLIC_REPLY });
    expect(api).toContain("Hear the quillwort question.");
    expect(api).not.toContain(DRAFT_FILING);

    const timeline = await getTimelinePage(EMPTY_FILTER, 500);
    const item = timeline.items.find((i) => i.id === PUBLIC_REPLY);
    expect(item?.demands).toEqual([expect.objectContaining({ text: "Hear the quillwort question.", decidedBy: null })]);
    expect(JSON.stringify(timeline)).not.toContain(DRAFT_FILING);

    const page = await getFilingDetail(PUBLIC_REPLY);
    expect(page?.title).toBe(`Quillwort ${PUBLIC_REPLY}`);
    expect(page?.thread).toBeNull();
    expect(JSON.stringify(page)).not.toContain(DRAFT_FILING);
    expect(JSON.stringify(await getFilingDetail(PARENT))).not.toContain(DRAFT_FILING);
  });

  it("leave a hidden lawsuit out of a public lawsuit's relations, on its page and in the API", async () => {
    const page = await getLawsuit(FOUNDING_LAWSUIT);
    expect(page?.related.map((r) => r.lawsuit.id)).toContain("ms-l-v-ice-2018");
    expect(JSON.stringify(page)).not.toMatch(/quillwort-v-/);
    const api = await text(lawsuitRoute.GET, `/api/v1/lawsuits/${FOUNDING_LAWSUIT}`, { id: FOUNDING_LAWSUIT });
    expect(api).not.toMatch(/quillwort-v-/);
  });

  it("carry no transfer and appeal chain through a hidden lawsuit", async () => {
    // ms-l ← Washington (transferred to join) ← the unpublished lawsuit ← the appeal ← the further appeal.
    const msL = await getLawsuit("ms-l-v-ice-2018");
    expect(JSON.stringify(msL)).not.toMatch(/quillwort/);
    const appeal = await getLawsuit(PUBLIC_APPEAL);
    expect(appeal?.related.map((r) => r.lawsuit.id)).toEqual([PUBLIC_FURTHER_APPEAL]);
    expect(appeal?.chain).toEqual([]);
  });

  it("export datasets that name no hidden record and import as they are into an empty database", async () => {
    const exports = {
      web: await text(datasetJson, "/export/dataset.json"),
      webLawsuit: await text(datasetJson, `/export/dataset.json?lawsuit=${FOUNDING_LAWSUIT}`),
      cli: serializeDataset(await exportDataset(database.sql)),
    };
    for (const [name, exported] of Object.entries(exports)) {
      expect(exported, name).toContain(PUBLIC_REPLY);
      for (const hidden of [...HIDDEN_FILINGS, ...HIDDEN_LAWSUITS]) expect(exported, `${name}: ${hidden}`).not.toContain(hidden);
      const empty = await createTestDatabase();
      try {
        const summary = await importDatasetText(empty.sql, exported);
        expect(summary.filings.created, name).toBe(validateDataset(parseDatasetJson(exported)).filings.length);
      } finally {
        await empty.drop();
      }
    }
  });

  it("are all in a backup made with exportDataset scope 'all' and npm run export -- --all, and in no plain export", async () => {
    const backup = serializeDataset(await exportDataset(database.sql, { scope: "all" }));
    for (const id of [...HIDDEN_FILINGS, ...HIDDEN_LAWSUITS]) expect(backup, id).toContain(id);

    const dir = await mkdtemp(path.join(tmpdir(), "docketline-visibility-"));
    try {
      const env = { DATABASE_URL: database.url };
      const plainFile = path.join(dir, "public.json");
      const plain = await runScript("export.mts", [plainFile], env);
      expect(plain.stderr).toBe("");
      expect(plain.code).toBe(0);
      expect(await readFile(plainFile, "utf8")).toBe(serializeDataset(await exportDataset(database.sql)));

      const allFile = path.join(dir, "backup.json");
      const all = await runScript("export.mts", ["--all", allFile], env);
      expect(all.code).toBe(0);
      expect(all.stdout).toMatch(/drafts and deleted records included/);
      expect(await readFile(allFile, "utf8")).toBe(backup);

      const filtered = await runScript("export.mts", ["--all", "--state", "NM", path.join(dir, "nm.json")], env);
      expect(filtered.code).not.toBe(0);
      expect(filtered.stderr).toMatch(/--all .*takes no filters/);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe.sequential("Once published, the same records", () => {
  let published: View;

  beforeAll(async () => {
    const publish = async (kind: "lawsuit" | "filing", id: string) =>
      versions.set(id, ok(await setPublication(kind, id, "published", { baseVersion: versions.get(id)!, actor: editor })));
    await publish("filing", DRAFT_FILING);
    versions.set(DELETED_FILING, ok(await restoreRecord("filing", DELETED_FILING, { baseVersion: versions.get(DELETED_FILING)!, actor: editor })));
    await publish("lawsuit", DRAFT_LAWSUIT);
    await publish("filing", FILING_OF_DRAFT_LAWSUIT);
    await publish("lawsuit", UNPUBLISHED_LAWSUIT);
    published = await publicView();
  });

  it("show on the timeline, in its facets, counts and search", () => {
    for (const id of [...HIDDEN_FILINGS, PUBLIC_REPLY]) expect(published.timeline.items.map((i) => i.id), id).toContain(id);
    expect(published.timeline.total).toBe(before.timeline.total + HIDDEN_FILINGS.length + 1);
    expect(published.facets.state.find((s) => s.value === HIDDEN_STATE)?.count).toBe(HIDDEN_FILINGS.length);
    HIDDEN_LAWSUITS.forEach((id, i) => expect(published.selectedLawsuitFacets[i].find((l) => l.value === id)?.count, id).toBeGreaterThan(0));
    expect(published.search.total).toBe(HIDDEN_FILINGS.length + 1);
    expect(published.stateFilter.items.map((i) => i.id).sort()).toEqual([...HIDDEN_FILINGS].sort());
  });

  it("show in the API, with the reply's references back", async () => {
    const views = { apiFilings: published.apiFilings, apiFoundingLawsuit: published.apiFoundingLawsuit };
    for (const [name, view] of Object.entries(views)) expect(mentions(view, DRAFT_FILING), name).toBe(true);
    for (const id of HIDDEN_FILINGS) expect(mentions(published.apiFilings, id), id).toBe(true);
    for (const id of HIDDEN_LAWSUITS) expect(mentions(published.apiLawsuits, id), id).toBe(true);
    const guam = published.apiJurisdictions.data.find((j: { code: string }) => j.code === HIDDEN_STATE);
    expect(guam.counts).toEqual({ filingsJoined: HIDDEN_FILINGS.length, filingsLed: HIDDEN_FILINGS.length, lawsuits: HIDDEN_LAWSUITS.length });

    const reply = JSON.parse(await text(filingRoute.GET, `/api/v1/filings/${PUBLIC_REPLY}`, { id: PUBLIC_REPLY }));
    expect(reply.data.respondsTo).toBe(DRAFT_FILING);
    expect(reply.data.demands[0].decidedBy).toBe(DRAFT_FILING);
    for (const id of HIDDEN_FILINGS) expect((await call(filingRoute.GET, `/api/v1/filings/${id}`, { id })).status, id).toBe(200);
    for (const id of HIDDEN_LAWSUITS) expect((await call(lawsuitRoute.GET, `/api/v1/lawsuits/${id}`, { id })).status, id).toBe(200);
  });

  it("show in the exports, the feed, the calendar and the sitemap", () => {
    for (const key of ["filingsCsv", "filingStatesCsv", "datasetJson", "cliExport", "feed", "sitemap"] as const) {
      for (const id of HIDDEN_FILINGS) expect(mentions(published[key], id), `${key}: ${id}`).toBe(true);
    }
    for (const key of ["datasetJson", "cliExport", "sitemap"] as const) {
      for (const id of HIDDEN_LAWSUITS) expect(mentions(published[key], id), `${key}: ${id}`).toBe(true);
    }
    // The only hearing.
    expect(published.calendar).toContain(`${DRAFT_FILING}@docketline`);
    expect(before.calendar).not.toContain("BEGIN:VEVENT");
  });

  it("count on the about page and in insights", () => {
    expect(published.about.filings).toBe(before.about.filings + HIDDEN_FILINGS.length + 1);
    expect(published.about.lawsuits).toBe(before.about.lawsuits + HIDDEN_LAWSUITS.length + 2);
    expect(published.about.jurisdictions).toBe(before.about.jurisdictions + 1);
    expect(published.about.latest).toBe("2024-03-05");
    expect(published.insights.total).toBe(before.insights.total + HIDDEN_FILINGS.length + 1);
    expect(published.insights.activity.find((a) => a.code === HIDDEN_STATE)?.joined).toBe(HIDDEN_FILINGS.length);
  });

  it("show on the state, lawsuit and filing pages", async () => {
    const guam = published.states.find((s) => s.code === HIDDEN_STATE);
    expect(guam).toMatchObject({ joined: HIDDEN_FILINGS.length, led: HIDDEN_FILINGS.length, lawsuits: HIDDEN_LAWSUITS.length });
    expect(published.hiddenState?.filings.map((f) => f.id).sort()).toEqual([...HIDDEN_FILINGS].sort());
    expect(published.hiddenState?.lawsuits.map((l) => l.id).sort()).toEqual([...HIDDEN_LAWSUITS].sort());
    expect(published.lawsuitList.lawsuits.map((l) => l.id)).toEqual(expect.arrayContaining(HIDDEN_LAWSUITS));

    const founding = published.lawsuitPages[FOUNDING_LAWSUIT] as Awaited<ReturnType<typeof getLawsuit>>;
    expect(founding?.filings.map((f) => f.id)).toContain(DRAFT_FILING);
    expect(founding?.related.map((r) => r.lawsuit.id)).toEqual(expect.arrayContaining(HIDDEN_LAWSUITS));
    // The appeal reaches the page of the lawsuit Washington was transferred to, through the chain.
    const msL = published.lawsuitPages["ms-l-v-ice-2018"] as Awaited<ReturnType<typeof getLawsuit>>;
    expect(msL?.chain.map((link) => [link.from.id, link.to.id])).toEqual(
      expect.arrayContaining([
        [UNPUBLISHED_LAWSUIT, FOUNDING_LAWSUIT],
        [PUBLIC_APPEAL, UNPUBLISHED_LAWSUIT],
        [PUBLIC_FURTHER_APPEAL, PUBLIC_APPEAL],
      ]),
    );

    expect(published.parentFiling?.thread?.responses.map((r) => r.id)).toContain(DRAFT_FILING);
    expect(published.parentFiling?.next?.id).toBe(DRAFT_FILING);
    expect(published.decidingOrder?.decidesDemandsOf.map((f) => f.id)).toContain(FILING_OF_DRAFT_LAWSUIT);
    for (const id of HIDDEN_FILINGS) {
      expect((await getFilingDetail(id))?.id, id).toBe(id);
      expect((await call(citeBib.GET, `/filings/${id}/cite.bib`, { id })).status, id).toBe(200);
      expect((await call(citeJson.GET, `/filings/${id}/cite.json`, { id })).status, id).toBe(200);
    }
    for (const id of HIDDEN_LAWSUITS) expect((await getLawsuit(id))?.id, id).toBe(id);
    const reply = await getFilingDetail(PUBLIC_REPLY);
    expect(reply?.demands[0].decidedBy?.id).toBe(DRAFT_FILING);
    // Its thread runs through the hearing, now public, up to the motion.
    expect(reply?.thread?.id).toBe(PARENT);
    expect(mentions(reply?.thread, DRAFT_FILING) && mentions(reply?.thread, PUBLIC_REPLY)).toBe(true);
  });
});
