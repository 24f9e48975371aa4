// The Atom feed at /feed.xml, called as Next.js calls it, parsed with an XML parser.
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { GET as feedXml } from "@/app/feed.xml/route";
import { importDatasetText } from "@/lib/dataset/import";
import type { FilingRecord } from "@/lib/dataset/schema";
import type { Sql } from "@/lib/db/sql";
import { escapeHtml } from "@/lib/exports/describe";

import { createTestDatabase, readFoundingDataset, type TestDatabase } from "./support/database";

const ORIGIN = "http://docketline.test";
const MONTH_TITLE = "States' notice & <reply> on reunification";

let database: TestDatabase;
let founding: { filings: FilingRecord[] };

beforeAll(async () => {
  database = await createTestDatabase();
  process.env.DATABASE_URL = database.url;
  const text = await readFoundingDataset();
  founding = JSON.parse(text);
  await importDatasetText(database.sql, text);
  await importDatasetText(
    database.sql,
    JSON.stringify({
      format: "docketline/v1",
      filings: [
        {
          id: "feed-test-month-notice",
          lawsuit: "washington-v-united-states-2018",
          kind: "notice",
          title: MONTH_TITLE,
          dateFiled: "2018-06",
          summary: "A notice known only to the month.\n\nA second paragraph with <angle brackets> & an ampersand.",
          states: [{ jurisdiction: "NM", role: "joined" }],
        },
        ...Array.from({ length: 55 }, (_, i) => ({
          id: `feed-test-statement-${i}`,
          lawsuit: null,
          kind: "statement",
          title: `Statement ${i}`,
          dateFiled: "2020-01-01",
          summary: `Statement number ${i}.`,
        })),
      ],
    }),
  );
});

afterAll(async () => {
  await (globalThis as { docketlineBulkSql?: Sql }).docketlineBulkSql?.end({ timeout: 5 });
  await database?.drop();
});

/** A text construct of type="html": the HTML as a string. */
interface Html {
  "#text": string;
  "@_type": "html";
}

interface Entry {
  id: string;
  title: Html;
  updated: string;
  published?: string;
  link: { "@_href": string } | { "@_href": string }[];
  summary: Html;
  content: Html;
  category: { "@_term": string; "@_label": string };
}

async function fetchFeed(query: string) {
  const response = await feedXml(new Request(`${ORIGIN}/feed.xml${query}`));
  const xml = await response.text();
  return { response, xml };
}

function parseFeed(xml: string) {
  expect(XMLValidator.validate(xml)).toBe(true);
  const parsed = new XMLParser({ ignoreAttributes: false, isArray: (name) => name === "entry" }).parse(xml);
  return parsed.feed as {
    "@_xmlns": string;
    id: string;
    title: string;
    updated: string;
    author: { name: string };
    link: { "@_rel": string; "@_href": string }[];
    entry?: Entry[];
  };
}

const linkOf = (entry: Entry) => (Array.isArray(entry.link) ? entry.link[0] : entry.link)["@_href"];

describe("/feed.xml", () => {
  it("is well-formed Atom with the elements RFC 4287 requires", async () => {
    const { response, xml } = await fetchFeed("?state=NM");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/atom+xml; charset=utf-8");
    const feed = parseFeed(xml);
    expect(feed["@_xmlns"]).toBe("http://www.w3.org/2005/Atom");
    expect(feed.id).toBe(`${ORIGIN}/feed.xml?state=NM`);
    expect(feed.title).toBe("Docketline: filings (State: New Mexico)");
    expect(new Date(feed.updated).toString()).not.toBe("Invalid Date");
    expect(feed.author.name).toBe("Docketline");
    expect(feed.link).toContainEqual({ "@_rel": "self", "@_href": `${ORIGIN}/feed.xml?state=NM` });
    expect(feed.link).toContainEqual({ "@_rel": "alternate", "@_href": `${ORIGIN}/?state=NM` });
    for (const entry of feed.entry ?? []) {
      expect(entry.id).toBe(linkOf(entry));
      expect(entry.title["@_type"]).toBe("html");
      expect(entry.title["#text"]).toBeTruthy();
      expect(new Date(entry.updated).toString()).not.toBe("Invalid Date");
    }
  });

  it("follows everything New Mexico joins: exactly its filings, each linking to its page with its summary", async () => {
    const feed = parseFeed((await fetchFeed("?state=NM")).xml);
    const expected = founding.filings.filter((f) => f.states.some((s) => s.jurisdiction === "NM"));
    const ids = (feed.entry ?? []).map((e) => linkOf(e).replace(`${ORIGIN}/filings/`, ""));
    expect(ids.sort()).toEqual([...expected.map((f) => f.id), "feed-test-month-notice"].sort());
    const motion = feed.entry!.find((e) => linkOf(e) === `${ORIGIN}/filings/wa-v-us-2018-dkt-15`)!;
    expect(motion.title["#text"]).toBe("States' Motion for Expedited Discovery and Regular Status Conferences");
    expect(motion.summary["#text"]).toBe(escapeHtml(expected.find((f) => f.id === "wa-v-us-2018-dkt-15")!.summary));
    expect(motion.published).toBe("2018-07-02T00:00:00.000Z");
    expect(motion.category).toEqual({ "@_term": "motion", "@_label": "Motion" });
  });

  it("leaves out published for a month-precision filing and says the month in its text", async () => {
    const feed = parseFeed((await fetchFeed("?state=NM")).xml);
    const notice = feed.entry!.find((e) => linkOf(e).endsWith("/feed-test-month-notice"))!;
    expect(notice.published).toBeUndefined();
    expect(notice.content["#text"]).toContain("<p>Filed June 2018 · Notice · Washington v. United States, No. 2:18-cv-00939-MJP</p>");
    // The title is HTML (type="html"): escaped once, so that a reader shows it as written.
    expect(notice.title["#text"]).toBe(escapeHtml(MONTH_TITLE));
    expect(notice.content["#text"]).toContain("&lt;angle brackets&gt; &amp; an ampersand");
  });

  it("lists the most recently updated filings first", async () => {
    await database.sql`UPDATE filing SET updated_at = now() + interval '1 hour' WHERE id = 'nm-ag-2018-07-02-border-visit'`;
    const feed = parseFeed((await fetchFeed("?state=NM")).xml);
    expect(linkOf(feed.entry![0])).toBe(`${ORIGIN}/filings/nm-ag-2018-07-02-border-visit`);
    expect(feed.updated).toBe(feed.entry![0].updated);
    const times = feed.entry!.map((e) => Date.parse(e.updated));
    expect(times).toEqual([...times].sort((a, b) => b - a));
  });

  it("follows one lawsuit with ?lawsuit=", async () => {
    const feed = parseFeed((await fetchFeed("?lawsuit=flores-v-sessions")).xml);
    expect(feed.title).toBe("Docketline: filings (Lawsuit: Flores v. Sessions)");
    const expected = founding.filings.filter((f) => f.lawsuit === "flores-v-sessions").map((f) => f.id);
    expect(feed.entry!.map((e) => linkOf(e).replace(`${ORIGIN}/filings/`, "")).sort()).toEqual(expected.sort());
  });

  it("holds at most 50 entries", async () => {
    const feed = parseFeed((await fetchFeed("?kind=statement")).xml);
    expect(feed.entry).toHaveLength(50);
  });

  it("is still valid Atom when nothing matches", async () => {
    const feed = parseFeed((await fetchFeed("?state=GU")).xml);
    expect(feed.entry ?? []).toEqual([]);
    expect(feed.id).toBe(`${ORIGIN}/feed.xml?state=GU`);
  });

  it("answers a bad parameter with 400 problem+json naming it", async () => {
    const { response, xml } = await fetchFeed("?state=NM&kind=telegram");
    expect(response.status).toBe(400);
    expect(response.headers.get("content-type")).toBe("application/problem+json");
    expect(JSON.parse(xml).errors).toEqual([{ param: "kind", message: expect.stringContaining('kind "telegram"') }]);
  });
});
