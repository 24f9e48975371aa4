// Absolute links built from the host a request names (Host, X-Forwarded-Host): a valid
// host is used, anything else (markup, a path, user info, a bad port) gives way to the
// safe default, DOCKETLINE_ALLOWED_HOSTS narrows the choice, and every response built
// that way says Vary on the headers it read. Route handlers called as Next.js calls them.
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { parse } from "csv-parse/sync";
import { unstable_getResponseFromNextConfig } from "next/experimental/testing/server";
import { NextRequest } from "next/server";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

import * as datasetJson from "@/app/export/dataset.json/route";
import * as filingsCsv from "@/app/export/filings.csv/route";
import * as feedXml from "@/app/feed.xml/route";
import { importDatasetText } from "@/lib/dataset/import";
import { getEnv } from "@/lib/env";
import { ORIGIN_VARY } from "@/lib/origin";
import { proxy } from "@/proxy";

import { createTestDatabase, readFoundingDataset, type TestDatabase } from "./support/database";
import { loadNextConfig } from "./support/next-config";

const HOSTILE_HOSTS = [
  'evil.example"><script>alert(1)</script>',
  "evil.example/&amp;<x>",
  "user@evil.example",
  "evil.example:99999",
  "evil example",
  "evil.example?x=1",
  `${"a".repeat(64)}.example`,
  "[::1]x",
];

/** The default when the host is unusable: lib/env's PORT default. */
const FALLBACK = "http://localhost:3000";

let database: TestDatabase;

beforeAll(async () => {
  database = await createTestDatabase();
  process.env.DATABASE_URL = database.url;
  delete process.env.DOCKETLINE_PUBLIC_URL;
  delete process.env.DOCKETLINE_ALLOWED_HOSTS;
  delete process.env.PORT;
  await importDatasetText(database.sql, await readFoundingDataset());
});
afterAll(async () => {
  await database.drop();
});

function get(route: { GET: (request: Request) => Response | Promise<Response> }, path: string, headers: Record<string, string>): Promise<Response> {
  return Promise.resolve(route.GET(new Request(`http://127.0.0.1:3000${path}`, { headers })));
}

function feedLinks(xml: string): string[] {
  expect(XMLValidator.validate(xml)).toBe(true);
  const feed = new XMLParser({ ignoreAttributes: false }).parse(xml).feed;
  const entries = Array.isArray(feed.entry) ? feed.entry : [feed.entry];
  return [feed.id, ...entries.map((entry: { id: string }) => entry.id)];
}

describe("The host of absolute links", () => {
  it("is the forwarded host when it is a valid host name, and the feed and CSV say Vary on it", async () => {
    const headers = { "x-forwarded-host": "Docketline.Example.org:8443", "x-forwarded-proto": "https" };
    const feed = await get(feedXml, "/feed.xml?state=NM", headers);
    expect(feed.status).toBe(200);
    const links = feedLinks(await feed.text());
    expect(links.length).toBeGreaterThan(1);
    for (const link of links) expect(link).toMatch(/^https:\/\/docketline\.example\.org:8443\//);
    expect(feed.headers.get("vary")).toBe(ORIGIN_VARY);

    const csv = await get(filingsCsv, "/export/filings.csv?state=NM", headers);
    const rows: Record<string, string>[] = parse(await csv.text(), { columns: true });
    expect(rows[0].url).toBe(`https://docketline.example.org:8443/filings/${rows[0].id}`);
    expect(csv.headers.get("vary")).toBe(ORIGIN_VARY);
  });

  it("falls back to the safe default for every host that is not a plain host name, in the feed and the CSV", async () => {
    // (A route handler's Host is its Request's URL, which no such host could have formed.)
    for (const host of HOSTILE_HOSTS) {
      const headers = { "x-forwarded-host": host };
      const feed = await get(feedXml, "/feed.xml?state=NM", headers);
      const xml = await feed.text();
      expect(xml, host).not.toContain("evil");
      for (const link of feedLinks(xml)) expect(link, host).toMatch(new RegExp(`^${FALLBACK}/`));
      const csv = await get(filingsCsv, "/export/filings.csv?state=NM", headers);
      const rows: Record<string, string>[] = parse(await csv.text(), { columns: true });
      expect(rows[0].url, host).toBe(`${FALLBACK}/filings/${rows[0].id}`);
    }
  });

  it("takes only http or https from X-Forwarded-Proto", async () => {
    const feed = await get(feedXml, "/feed.xml?state=NM", { "x-forwarded-host": "docketline.example.org", "x-forwarded-proto": "javascript" });
    for (const link of feedLinks(await feed.text())) expect(link).toMatch(/^http:\/\/docketline\.example\.org\//);
  });

  it("is not a concern of the JSON dataset, which holds no absolute link and so varies on nothing", async () => {
    const response = await get(datasetJson, "/export/dataset.json?state=NM", { "x-forwarded-host": "docketline.example.org" });
    expect(response.status).toBe(200);
    expect(response.headers.get("vary")).toBeNull();
  });

  it("makes pages, whose canonical and feed links are absolute, say Vary on it (proxy.ts)", async () => {
    const response = await proxy(new NextRequest("http://localhost:3000/states/NM", { headers: { "x-forwarded-host": "docketline.example.org" } }));
    expect(response.headers.get("vary")).toBe(ORIGIN_VARY);
  });

  it("is named the same in next.config.js, which gives robots.txt and the sitemaps their Vary", async () => {
    const nextConfig = await loadNextConfig();
    for (const url of ["/robots.txt", "/sitemaps/sitemap/1.xml"]) {
      const response = await unstable_getResponseFromNextConfig({ url: `http://localhost:3000${url}`, nextConfig });
      expect(response.headers.get("vary"), url).toBe(ORIGIN_VARY);
    }
  });
});

describe("DOCKETLINE_ALLOWED_HOSTS", () => {
  it("lets only its hosts through, on any port unless one is given, and sends the others to its first", async () => {
    vi.resetModules();
    process.env.DOCKETLINE_ALLOWED_HOSTS = "docketline.example.org, LOCALHOST:3000";
    try {
      const feed: typeof feedXml = await import("@/app/feed.xml/route");
      const linkFor = async (host: string) => feedLinks(await (await get(feed, "/feed.xml?state=NM", { "x-forwarded-host": host, "x-forwarded-proto": "https" })).text())[1];
      expect(await linkFor("docketline.example.org:8443")).toMatch(/^https:\/\/docketline\.example\.org:8443\/filings\//);
      expect(await linkFor("localhost:3000")).toMatch(/^https:\/\/localhost:3000\/filings\//);
      expect(await linkFor("localhost:4000")).toMatch(/^https:\/\/docketline\.example\.org\/filings\//);
      expect(await linkFor("other.example")).toMatch(/^https:\/\/docketline\.example\.org\/filings\//);
    } finally {
      delete process.env.DOCKETLINE_ALLOWED_HOSTS;
      vi.resetModules();
    }
  });

  it("refuses a malformed entry, naming the variable and the entry", () => {
    expect(() => getEnv({ NODE_ENV: "test", DOCKETLINE_ALLOWED_HOSTS: "docketline.example.org, evil.example/path" })).toThrow(
      /DOCKETLINE_ALLOWED_HOSTS: "evil\.example\/path" is not a host name/,
    );
    expect(() => getEnv({ NODE_ENV: "test", DOCKETLINE_PUBLIC_URL: "javascript:alert(1)" })).toThrow(/DOCKETLINE_PUBLIC_URL: must be an http:\/\/ or https:\/\/ URL/);
    expect(() => getEnv({ NODE_ENV: "test", DOCKETLINE_PUBLIC_URL: "https://docketline.example.org/?a=1" })).toThrow(/DOCKETLINE_PUBLIC_URL: must be the site's address alone/);
    expect(getEnv({ NODE_ENV: "test", DOCKETLINE_ALLOWED_HOSTS: "a.example,b.example:8080" }).DOCKETLINE_ALLOWED_HOSTS).toEqual(["a.example", "b.example:8080"]);
  });
});
