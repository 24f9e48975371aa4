// Contract tests of the read API (/api/v1): each route handler's exported functions,
// called with a Request, against a database of its own holding the founding dataset.
// Expected values are computed from the founding JSON, never written down by hand.
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import * as filingRoute from "@/app/api/v1/filings/[id]/route";
import * as filingsRoute from "@/app/api/v1/filings/route";
import * as jurisdictionRoute from "@/app/api/v1/jurisdictions/[code]/route";
import * as jurisdictionsRoute from "@/app/api/v1/jurisdictions/route";
import * as lawsuitRoute from "@/app/api/v1/lawsuits/[id]/route";
import * as lawsuitsRoute from "@/app/api/v1/lawsuits/route";
import * as openapiRoute from "@/app/api/v1/openapi.json/route";
import { ProblemSchema, type Problem } from "@/lib/api/problem";
import {
  FilingListSchema,
  FilingResponseSchema,
  JurisdictionListSchema,
  JurisdictionResponseSchema,
  LawsuitListSchema,
  LawsuitResponseSchema,
  type FilingList,
} from "@/lib/api/schema";
import { importDataset } from "@/lib/dataset/import";
import { canonicalFiling, canonicalLawsuit, canonicalOfficial } from "@/lib/dataset/records";
import type { Dataset, FilingRecord } from "@/lib/dataset/schema";
import { validateDataset } from "@/lib/dataset/validate";
import { comparePartialDates, overlapsRange, periodOf, rangeBounds } from "@/lib/dates/partial-date";
import { getBulkSql } from "@/lib/db/bulk";
import { db } from "@/lib/db/client";
import { JURISDICTIONS } from "@/lib/jurisdictions/reference";
import { encodeCursor } from "@/lib/timeline/cursor";

import { createTestDatabase, readFoundingDataset, type TestDatabase } from "./support/database";

const ORIGIN = "http://docketline.test";

type Handler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;
interface RouteModule {
  GET: unknown;
  OPTIONS: unknown;
  POST: unknown;
  PUT: unknown;
  PATCH: unknown;
  DELETE: unknown;
}

/** Each endpoint: its route module, and a URL and route params that exist in the founding data. */
const ENDPOINTS: { name: string; route: RouteModule; path: string; params?: Record<string, string> }[] = [
  { name: "filings", route: filingsRoute, path: "/api/v1/filings" },
  { name: "filing", route: filingRoute, path: "/api/v1/filings/{id}", params: { id: "" } },
  { name: "lawsuits", route: lawsuitsRoute, path: "/api/v1/lawsuits" },
  { name: "lawsuit", route: lawsuitRoute, path: "/api/v1/lawsuits/{id}", params: { id: "" } },
  { name: "jurisdictions", route: jurisdictionsRoute, path: "/api/v1/jurisdictions" },
  { name: "jurisdiction", route: jurisdictionRoute, path: "/api/v1/jurisdictions/{code}", params: { code: "NM" } },
  { name: "openapi.json", route: openapiRoute, path: "/api/v1/openapi.json" },
];

let database: TestDatabase;
let dataset: Dataset;

beforeAll(async () => {
  database = await createTestDatabase();
  // lib/env reads the environment once, on first use; the clients connect on first query.
  process.env.DATABASE_URL = database.url;
  delete process.env.DOCKETLINE_PUBLIC_URL;
  dataset = validateDataset(JSON.parse(await readFoundingDataset()));
  await importDataset(database.sql, dataset);
  const someFiling = dataset.filings[0].id;
  const someLawsuit = dataset.lawsuits[0].id;
  for (const endpoint of ENDPOINTS) {
    if (endpoint.params?.id === "") endpoint.params.id = endpoint.name === "filing" ? someFiling : someLawsuit;
  }
});

afterAll(async () => {
  await db.$disconnect();
  await getBulkSql().end({ timeout: 5 });
  await database?.drop();
});

function urlOf(endpoint: (typeof ENDPOINTS)[number]): string {
  let path = endpoint.path;
  for (const [key, value] of Object.entries(endpoint.params ?? {})) path = path.replace(`{${key}}`, encodeURIComponent(value));
  return ORIGIN + path;
}

/** Calls a route's handler as Next would, with the dynamic segments' params. */
async function call(handler: unknown, url: string, { params = {}, method = "GET", headers = {} }: { params?: Record<string, string>; method?: string; headers?: Record<string, string> } = {}) {
  return (handler as Handler)(new Request(url, { method, headers }), { params: Promise.resolve(params) });
}

async function getJson<T>(handler: unknown, url: string, params?: Record<string, string>): Promise<T> {
  const response = await call(handler, url, { params });
  expect(response.status, await response.clone().text()).toBe(200);
  expect(response.headers.get("content-type")).toMatch(/^application\/json\b/);
  return (await response.json()) as T;
}

async function listFilings(query: string): Promise<FilingList> {
  return FilingListSchema.parse(await getJson(filingsRoute.GET, `${ORIGIN}/api/v1/filings${query}`)) as FilingList;
}

/** Every filing under a query, following `next` links to the end. */
async function allPages(query: string): Promise<{ pages: FilingList[]; ids: string[] }> {
  const pages: FilingList[] = [];
  let url: string | null = `${ORIGIN}/api/v1/filings${query}`;
  while (url) {
    expect(pages.length, "more pages than filings: the next links loop").toBeLessThanOrEqual(dataset.filings.length);
    const page = FilingListSchema.parse(await getJson(filingsRoute.GET, url)) as FilingList;
    pages.push(page);
    url = page.links.next;
  }
  return { pages, ids: pages.flatMap((p) => p.data.map((f) => f.id)) };
}

const idsWhere = (test: (filing: FilingRecord) => boolean) =>
  dataset.filings
    .filter(test)
    .map((f) => f.id)
    .sort();

async function expectProblem(response: Response, status: number, params: string[] = []): Promise<Problem> {
  const text = await response.text();
  expect(response.status, text).toBe(status);
  expect(response.headers.get("content-type")).toBe("application/problem+json");
  expect(response.headers.get("access-control-allow-origin")).toBe("*");
  const problem = ProblemSchema.parse(JSON.parse(text));
  expect(problem.status).toBe(status);
  expect(problem.type).toMatch(new RegExp(`^${ORIGIN}/api#[a-z-]+$`));
  expect(problem.title.length).toBeGreaterThan(0);
  expect(problem.detail.length).toBeGreaterThan(0);
  expect(problem.instance.startsWith("/api/v1/")).toBe(true);
  if (status === 400) expect([...new Set(problem.errors?.map((e) => e.param))].sort()).toEqual([...params].sort());
  return problem;
}

describe("GET /api/v1/filings", () => {
  it("lists every founding filing in its docketline/v1 form, with its page, updatedAt, total and links", async () => {
    const list = await listFilings("");
    expect(list.total).toBe(dataset.filings.length);
    expect(list.data).toHaveLength(dataset.filings.length);
    expect(list.links).toEqual({ self: `${ORIGIN}/api/v1/filings`, next: null, prev: null });
    for (const filing of list.data) {
      const { url, updatedAt, ...record } = filing;
      const source = dataset.filings.find((f) => f.id === filing.id)!;
      expect(record).toEqual(canonicalFiling(source));
      expect(url).toBe(`${ORIGIN}/filings/${filing.id}`);
      expect(new Date(updatedAt).toISOString()).toBe(updatedAt);
    }
  });

  it("lists newest first by default, and oldest first in exactly the reverse order with sort=oldest", async () => {
    const newest = (await listFilings("")).data.map((f) => f.dateFiled);
    const oldest = (await listFilings("?sort=oldest")).data.map((f) => f.dateFiled);
    expect(oldest).toEqual([...newest].reverse());
    expect(oldest).toEqual([...oldest].sort(comparePartialDates));
  });

  it("pages through next links to the end with every filing exactly once, in the same order as one page", async () => {
    const { pages, ids } = await allPages("?limit=5");
    const unpaged = (await listFilings("?limit=500")).data.map((f) => f.id);
    expect(pages).toHaveLength(Math.ceil(dataset.filings.length / 5));
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toEqual(unpaged);
    expect([...ids].sort()).toEqual(idsWhere(() => true));
    for (const page of pages) {
      expect(page.total).toBe(dataset.filings.length);
      expect(page.data.length).toBeLessThanOrEqual(5);
      expect(page.links.self).toContain("limit=5");
    }
    expect(pages[0].links.prev).toBeNull();
    expect(pages.at(-1)!.links.next).toBeNull();
  });

  it("goes back through prev links to the first page", async () => {
    const { pages } = await allPages("?limit=4&sort=oldest");
    let url = pages.at(-1)!.links.prev;
    const back: string[][] = [];
    while (url) {
      const page = await listFilings(url.slice(`${ORIGIN}/api/v1/filings`.length));
      back.unshift(page.data.map((f) => f.id));
      url = page.links.prev;
    }
    expect(back).toEqual(pages.slice(0, -1).map((p) => p.data.map((f) => f.id)));
  });

  it("keeps the filter in every link, and leaves out the default limit", async () => {
    const { pages } = await allPages("?state=NM&limit=2");
    const next = new URL(pages[0].links.next!);
    expect(next.searchParams.getAll("state")).toEqual(["NM"]);
    expect(next.searchParams.get("limit")).toBe("2");
    expect(next.searchParams.get("cursor")).toMatch(/^a\./);
    expect(new URL((await listFilings("?limit=50")).links.self).searchParams.has("limit")).toBe(false);
  });

  it("state=NM gives exactly the filings New Mexico joined, in any case and as a comma list", async () => {
    const expected = idsWhere((f) => f.states.some((s) => s.jurisdiction === "NM"));
    expect(expected.length).toBeGreaterThan(0);
    expect(expected.length).toBeLessThan(dataset.filings.length);
    for (const query of ["?state=NM", "?state=nm"]) {
      const list = await listFilings(query);
      expect(list.data.map((f) => f.id).sort()).toEqual(expected);
      expect(list.total).toBe(expected.length);
    }
    const both = idsWhere((f) => f.states.some((s) => s.jurisdiction === "NM" || s.jurisdiction === "WA"));
    expect((await listFilings("?state=NM,WA")).data.map((f) => f.id).sort()).toEqual(both);
  });

  it("takes every other filter of the timeline, each giving what the founding data says", async () => {
    const joined = (f: FilingRecord, code: string) => f.states.some((s) => s.jurisdiction === code);
    const [lawsuit] = dataset.lawsuits;
    const [category] = dataset.filings.flatMap((f) => f.demands.map((d) => d.category));
    const cases: [string, (f: FilingRecord) => boolean][] = [
      ["?state=NM&state=WA&match=all", (f) => joined(f, "NM") && joined(f, "WA")],
      ["?state=WA&role=lead", (f) => f.states.some((s) => s.jurisdiction === "WA" && s.role === "lead")],
      ["?kind=order&kind=motion", (f) => f.kind === "order" || f.kind === "motion"],
      [`?lawsuit=${lawsuit.id}`, (f) => f.lawsuit === lawsuit.id],
      [`?demandCategory=${category}`, (f) => f.demands.some((d) => d.category === category)],
      ["?outcome=granted", (f) => f.demands.some((d) => d.outcome === "granted")],
      ["?from=2018-07&to=2018-07", (f) => overlapsRange(f.dateFiled, rangeBounds({ from: "2018-07", to: "2018-07" }))],
      ["?from=2018-06-27", (f) => periodOf(f.dateFiled).end >= "2018-06-27"],
    ];
    for (const [query, test] of cases) {
      const expected = idsWhere(test);
      expect(expected.length, `${query} matches nothing in the founding data`).toBeGreaterThan(0);
      const list = await listFilings(query);
      expect(list.data.map((f) => f.id).sort(), query).toEqual(expected);
      expect(list.total, query).toBe(expected.length);
    }
  });

  it("searches titles and summaries with q", async () => {
    const list = await listFilings("?q=reunification");
    expect(list.total).toBeGreaterThan(0);
    expect(list.total).toBeLessThan(dataset.filings.length);
  });
});

describe("Bad requests get a 400 problem that names the parameter", () => {
  const forged = (payload: unknown) => `a.${Buffer.from(JSON.stringify(payload)).toString("base64url")}`;
  const cases: [string, string[]][] = [
    ["from=2018-13-01", ["from"]],
    ["to=2018-02-30", ["to"]],
    ["from=2018-07&to=2018-06", ["to"]],
    ["limit=0", ["limit"]],
    ["limit=501", ["limit"]],
    ["limit=ten", ["limit"]],
    ["limit=2.5", ["limit"]],
    ["limit=", ["limit"]],
    ["limit=5&limit=6", ["limit"]],
    ["kind=telegram", ["kind"]],
    ["kind=order&kind=telegram", ["kind"]],
    ["state=ZZ", ["state"]],
    ["match=some", ["match"]],
    ["role=chair", ["role"]],
    ["outcome=maybe", ["outcome"]],
    ["lawsuit=Not%20A%20Slug", ["lawsuit"]],
    // The research coding's filters (docs/decisions/026).
    ["side=referee", ["side"]],
    ["issueArea=Immigration%20Law", ["issueArea"]],
    ["policy=a_b", ["policy"]],
    [`agency=${"D".repeat(101)}`, ["agency"]],
    ["agency=DHS%00", ["agency"]],
    ["administration=Trump%201", ["administration"]],
    ["lawsuitOutcome=won", ["lawsuitOutcome"]],
    ["relief=injunction", ["relief"]],
    ["reliefStatus=maybe", ["reliefStatus"]],
    ["issueArea=immigration&issueArea=environment", ["issueArea"]],
    ["sort=sideways", ["sort"]],
    ["sort=newest&sort=oldest", ["sort"]],
    [`q=${"x".repeat(201)}`, ["q"]],
    ["page=2", ["page"]],
    ["State=NM", ["State"]],
    ["cursor=forged", ["cursor"]],
    [`cursor=${forged(["2018-07-02", 2])}`, ["cursor"]],
    [`cursor=${forged(["2018-13-45", 2, "wa-v-us-2018-dkt-1"])}`, ["cursor"]],
    [`cursor=${forged({ date: "2018-07-02" })}`, ["cursor"]],
    ["cursor=a.bm90LWpzb24", ["cursor"]],
    ["kind=telegram&limit=0&foo=1&from=2018-13-01", ["kind", "limit", "foo", "from"]],
  ];

  it.each(cases)("GET /api/v1/filings?%s", async (query, params) => {
    const problem = await expectProblem(await call(filingsRoute.GET, `${ORIGIN}/api/v1/filings?${query}`), 400, params);
    expect(problem.type).toBe(`${ORIGIN}/api#invalid-parameters`);
    expect(problem.instance).toBe(`/api/v1/filings?${query}`);
    for (const error of problem.errors!) expect(error.message.startsWith(error.param)).toBe(true);
  });

  it("names the value at fault in the message", async () => {
    const problem = await expectProblem(await call(filingsRoute.GET, `${ORIGIN}/api/v1/filings?kind=telegram`), 400, ["kind"]);
    expect(problem.errors![0].message).toMatch(/^kind "telegram" must be one of complaint, motion/);
    expect(problem.detail).toContain("telegram");
  });

  it("a cursor made by the API for a real filing is accepted", async () => {
    const cursor = encodeCursor("after", { date: "2018-07-02", rank: 2, id: "any-id" });
    expect((await call(filingsRoute.GET, `${ORIGIN}/api/v1/filings?cursor=${cursor}`)).status).toBe(200);
  });

  it.each(ENDPOINTS.filter((e) => e.name !== "filings"))("$name refuses any query parameter", async (endpoint) => {
    const response = await call(endpoint.route.GET, `${urlOf(endpoint)}?state=NM`, { params: endpoint.params });
    await expectProblem(response, 400, ["state"]);
  });
});

describe("Unknown ids get a 404 problem", () => {
  it.each([
    ["filing", filingRoute.GET, "/api/v1/filings/no-such-filing", { id: "no-such-filing" }],
    ["filing with an id that is not a slug", filingRoute.GET, "/api/v1/filings/NOT%20A%20SLUG", { id: "NOT A SLUG" }],
    ["lawsuit", lawsuitRoute.GET, "/api/v1/lawsuits/no-such-lawsuit", { id: "no-such-lawsuit" }],
    ["jurisdiction", jurisdictionRoute.GET, "/api/v1/jurisdictions/ZZ", { code: "ZZ" }],
    ["jurisdiction code of three letters", jurisdictionRoute.GET, "/api/v1/jurisdictions/NMX", { code: "NMX" }],
  ] as const)("%s", async (_name, handler, path, params) => {
    const problem = await expectProblem(await call(handler, ORIGIN + path, { params }), 404);
    expect(problem.type).toBe(`${ORIGIN}/api#not-found`);
    expect(problem.detail).toContain(Object.values(params)[0]);
    expect(problem.errors).toBeUndefined();
  });
});

describe("Methods other than GET get a 405 problem with Allow", () => {
  for (const endpoint of ENDPOINTS) {
    for (const method of ["POST", "PUT", "PATCH", "DELETE"] as const) {
      it(`${method} ${endpoint.path}`, async () => {
        const response = await call(endpoint.route[method], urlOf(endpoint), { method, params: endpoint.params });
        expect(response.headers.get("allow")).toBe("GET, HEAD, OPTIONS");
        const problem = await expectProblem(response, 405);
        expect(problem.type).toBe(`${ORIGIN}/api#method-not-allowed`);
        expect(problem.detail).toContain(method);
      });
    }
  }
});

describe("Caching: ETag, If-None-Match and Cache-Control", () => {
  it.each(ENDPOINTS)("$name answers If-None-Match with its ETag by a 304 without a body", async (endpoint) => {
    const first = await call(endpoint.route.GET, urlOf(endpoint), { params: endpoint.params });
    expect(first.status).toBe(200);
    const etag = first.headers.get("etag")!;
    expect(etag).toMatch(/^"[A-Za-z0-9_-]{43}"$/); // strong: no W/ prefix
    expect(first.headers.get("cache-control")).toBe("public, max-age=60");

    const again = await call(endpoint.route.GET, urlOf(endpoint), { params: endpoint.params });
    expect(again.headers.get("etag")).toBe(etag);
    expect(await again.text()).toBe(await first.text());

    for (const header of [etag, `W/${etag}`, `"other", ${etag}`, "*"]) {
      const cached = await call(endpoint.route.GET, urlOf(endpoint), { params: endpoint.params, headers: { "If-None-Match": header } });
      expect(cached.status, header).toBe(304);
      expect(await cached.text()).toBe("");
      expect(cached.headers.get("etag")).toBe(etag);
      expect(cached.headers.get("cache-control")).toBe("public, max-age=60");
      expect(cached.headers.get("access-control-allow-origin")).toBe("*");
    }
    const stale = await call(endpoint.route.GET, urlOf(endpoint), { params: endpoint.params, headers: { "If-None-Match": '"stale"' } });
    expect(stale.status).toBe(200);
  });

  it("gives different filters different ETags", async () => {
    const tagOf = async (query: string) => (await call(filingsRoute.GET, `${ORIGIN}/api/v1/filings${query}`)).headers.get("etag");
    expect(await tagOf("?state=NM")).not.toBe(await tagOf("?state=WA"));
  });

  it("does not let errors be cached", async () => {
    const response = await call(filingsRoute.GET, `${ORIGIN}/api/v1/filings?kind=telegram`);
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(response.headers.get("etag")).toBeNull();
  });

  it("changes the ETag and updatedAt when the record changes", async () => {
    const source = dataset.filings[0];
    const endpoint = { handler: filingRoute.GET, url: `${ORIGIN}/api/v1/filings/${source.id}`, params: { id: source.id } };
    const before = await call(endpoint.handler, endpoint.url, { params: endpoint.params });
    const beforeBody = FilingResponseSchema.parse(await before.json());
    try {
      await importDataset(database.sql, validateDataset({ ...dataset, filings: [{ ...source, title: `${source.title} (amended)` }] }));
      const after = await call(endpoint.handler, endpoint.url, { params: endpoint.params, headers: { "If-None-Match": before.headers.get("etag")! } });
      expect(after.status).toBe(200);
      expect(after.headers.get("etag")).not.toBe(before.headers.get("etag"));
      const afterBody = FilingResponseSchema.parse(await after.json());
      expect(afterBody.data.title).toBe(`${source.title} (amended)`);
      expect(afterBody.data.updatedAt > beforeBody.data.updatedAt).toBe(true);
    } finally {
      await importDataset(database.sql, dataset);
    }
  });
});

describe("CORS", () => {
  it.each(ENDPOINTS)("$name lets any origin read it, and answers a preflight", async (endpoint) => {
    const response = await call(endpoint.route.GET, urlOf(endpoint), { params: endpoint.params, headers: { Origin: "https://notebook.example" } });
    expect(response.headers.get("access-control-allow-origin")).toBe("*");
    expect(response.headers.get("access-control-expose-headers")).toContain("ETag");

    const preflight = await call(endpoint.route.OPTIONS, urlOf(endpoint), {
      method: "OPTIONS",
      params: endpoint.params,
      headers: { Origin: "https://notebook.example", "Access-Control-Request-Method": "GET", "Access-Control-Request-Headers": "if-none-match" },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get("access-control-allow-origin")).toBe("*");
    expect(preflight.headers.get("access-control-allow-methods")).toContain("GET");
    expect(preflight.headers.get("access-control-allow-headers")?.toLowerCase()).toContain("if-none-match");
    expect(preflight.headers.get("allow")).toBe("GET, HEAD, OPTIONS");
  });
});

describe("GET /api/v1/filings/{id}", () => {
  it("gives one filing in its docketline/v1 form, with its page and updatedAt", async () => {
    for (const source of dataset.filings.slice(0, 5)) {
      const body = FilingResponseSchema.parse(await getJson(filingRoute.GET, `${ORIGIN}/api/v1/filings/${source.id}`, { id: source.id }));
      const { url, updatedAt, ...record } = body.data;
      expect(record).toEqual(canonicalFiling(source));
      expect(url).toBe(`${ORIGIN}/filings/${source.id}`);
      expect(Date.parse(updatedAt)).not.toBeNaN();
      expect(body.links).toEqual({ self: `${ORIGIN}/api/v1/filings/${source.id}` });
    }
  });

  it("is the same representation as in the list", async () => {
    const list = await listFilings("?limit=500");
    const [item] = list.data;
    const one = FilingResponseSchema.parse(await getJson(filingRoute.GET, `${ORIGIN}/api/v1/filings/${item.id}`, { id: item.id }));
    expect(one.data).toEqual(item);
  });
});

describe("GET /api/v1/lawsuits and /api/v1/lawsuits/{id}", () => {
  it("lists every lawsuit in its docketline/v1 form with its number of filings", async () => {
    const list = LawsuitListSchema.parse(await getJson(lawsuitsRoute.GET, `${ORIGIN}/api/v1/lawsuits`));
    expect(list.total).toBe(dataset.lawsuits.length);
    expect(list.links).toEqual({ self: `${ORIGIN}/api/v1/lawsuits`, next: null, prev: null });
    expect(list.data.map((l) => l.id).sort()).toEqual(dataset.lawsuits.map((l) => l.id).sort());
    for (const lawsuit of list.data) {
      const { url, updatedAt, filingCount, ...record } = lawsuit;
      expect(record).toEqual(canonicalLawsuit(dataset.lawsuits.find((l) => l.id === lawsuit.id)!));
      expect(url).toBe(`${ORIGIN}/lawsuits/${lawsuit.id}`);
      expect(Date.parse(updatedAt)).not.toBeNaN();
      expect(filingCount).toBe(dataset.filings.filter((f) => f.lawsuit === lawsuit.id).length);
    }
    expect(list.data.some((l) => l.filingCount > 0)).toBe(true);
  });

  it("gives a lawsuit with the id, page and API link of each of its filings, oldest first", async () => {
    for (const source of dataset.lawsuits) {
      const body = LawsuitResponseSchema.parse(await getJson(lawsuitRoute.GET, `${ORIGIN}/api/v1/lawsuits/${source.id}`, { id: source.id }));
      const { url, updatedAt, filingCount, filings, ...record } = body.data;
      expect(record).toEqual(canonicalLawsuit(source));
      expect(url).toBe(`${ORIGIN}/lawsuits/${source.id}`);
      expect(Date.parse(updatedAt)).not.toBeNaN();
      expect(filingCount).toBe(filings.length);
      expect(filings.map((f) => f.id).sort()).toEqual(idsWhere((f) => f.lawsuit === source.id));
      for (const filing of filings) {
        expect(filing.url).toBe(`${ORIGIN}/filings/${filing.id}`);
        expect(filing.href).toBe(`${ORIGIN}/api/v1/filings/${filing.id}`);
      }
      // links.filings gives the same filings in full, in the same order.
      expect(body.links.filings).toBe(`${ORIGIN}/api/v1/filings?lawsuit=${source.id}&sort=oldest`);
      const { ids } = await allPages(body.links.filings!.slice(`${ORIGIN}/api/v1/filings`.length));
      expect(ids).toEqual(filings.map((f) => f.id));
    }
  });
});

describe("GET /api/v1/jurisdictions and /api/v1/jurisdictions/{code}", () => {
  const countsOf = (code: string) => ({
    filingsJoined: dataset.filings.filter((f) => f.states.some((s) => s.jurisdiction === code)).length,
    filingsLed: dataset.filings.filter((f) => f.states.some((s) => s.jurisdiction === code && s.role === "lead")).length,
    lawsuits: dataset.lawsuits.filter((l) => l.plaintiffs.some((p) => p.jurisdiction === code)).length,
  });

  it("lists all 56 jurisdictions by name with the filings each joined and led", async () => {
    const list = JurisdictionListSchema.parse(await getJson(jurisdictionsRoute.GET, `${ORIGIN}/api/v1/jurisdictions`));
    expect(list.total).toBe(56);
    expect(list.data.map((j) => j.code).sort()).toEqual(JURISDICTIONS.map((j) => j.code).sort());
    expect(list.data.map((j) => j.name)).toEqual([...list.data.map((j) => j.name)].sort((a, b) => a.localeCompare(b)));
    for (const jurisdiction of list.data) {
      const reference = JURISDICTIONS.find((j) => j.code === jurisdiction.code)!;
      expect(jurisdiction.name).toBe(reference.name);
      expect(jurisdiction.kind).toBe(reference.kind);
      expect(jurisdiction.url).toBe(`${ORIGIN}/states/${jurisdiction.code}`);
      expect(jurisdiction.counts, jurisdiction.code).toEqual(countsOf(jurisdiction.code));
    }
    expect(list.data.find((j) => j.code === "NM")!.counts.filingsJoined).toBeGreaterThan(0);
  });

  it("gives a jurisdiction, by its code in any case, with its officials in docketline/v1 form", async () => {
    for (const code of ["NM", "nm"]) {
      const body = JurisdictionResponseSchema.parse(await getJson(jurisdictionRoute.GET, `${ORIGIN}/api/v1/jurisdictions/${code}`, { code }));
      expect(body.data.code).toBe("NM");
      expect(body.data.name).toBe("New Mexico");
      expect(body.data.counts).toEqual(countsOf("NM"));
      const officials = dataset.officials.filter((o) => o.jurisdiction === "NM");
      expect(officials.length).toBeGreaterThan(0);
      expect([...body.data.officials].sort((a, b) => a.id.localeCompare(b.id))).toEqual(
        officials.map(canonicalOfficial).sort((a, b) => String(a.id).localeCompare(String(b.id))),
      );
      expect(body.links.self).toBe(`${ORIGIN}/api/v1/jurisdictions/NM`);
      expect(body.links.filings).toBe(`${ORIGIN}/api/v1/filings?state=NM`);
    }
  });

  it("links to the filings it joined", async () => {
    const body = JurisdictionResponseSchema.parse(await getJson(jurisdictionRoute.GET, `${ORIGIN}/api/v1/jurisdictions/NM`, { code: "NM" }));
    const { ids } = await allPages(body.links.filings!.slice(`${ORIGIN}/api/v1/filings`.length));
    expect(ids.sort()).toEqual(idsWhere((f) => f.states.some((s) => s.jurisdiction === "NM")));
  });
});

describe("Absolute URLs", () => {
  it("follow the host a proxy forwarded the request for", async () => {
    const response = await call(filingsRoute.GET, "http://127.0.0.1:3000/api/v1/filings?limit=1", {
      headers: { "X-Forwarded-Host": "docketline.example.org", "X-Forwarded-Proto": "https" },
    });
    const list = FilingListSchema.parse(await response.json());
    expect(list.links.self).toBe("https://docketline.example.org/api/v1/filings?limit=1");
    expect(list.links.next).toMatch(/^https:\/\/docketline\.example\.org\/api\/v1\/filings\?cursor=/);
    expect(list.data[0].url).toMatch(/^https:\/\/docketline\.example\.org\/filings\//);
    expect(response.headers.get("vary")).toContain("X-Forwarded-Host");
  });
});
