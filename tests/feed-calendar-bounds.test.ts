// The calendar and the feed are bounded and streamed (docs/decisions/023): each answer
// holds at most `limit` items, says so (in its text, a Docketline-Range header and a
// Link: rel=next to the rest), follows `limit`, the filter's range and its own next
// links, refuses bad bounds with a 400 naming the parameter, and sends its first bytes
// before any event is read.
import { runInNewContext } from "node:vm";
import { setFlagsFromString } from "node:v8";

import { XMLParser, XMLValidator } from "fast-xml-parser";
import ICAL from "ical.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { GET as calendarIcs } from "@/app/calendar.ics/route";
import { GET as feedXml } from "@/app/feed.xml/route";
import { importDatasetText } from "@/lib/dataset/import";
import type { Sql } from "@/lib/db/sql";

import { createTestDatabase, type TestDatabase } from "./support/database";

const ORIGIN = "http://docketline.test";
const HEARINGS = 3_000;
const STATEMENTS = 120;
/** Summaries long enough that the whole calendar is several megabytes. */
const LONG_SUMMARY = "The court heard argument on the motion and took it under advisement. ".repeat(20);

const hearingId = (i: number) => `bound-hearing-${String(i).padStart(5, "0")}`;
/** One hearing a day from 1 January 2015, so the latest is the highest number. */
const hearingDay = (i: number) => new Date(Date.UTC(2015, 0, 1 + i)).toISOString().slice(0, 10);

let database: TestDatabase;

beforeAll(async () => {
  database = await createTestDatabase();
  process.env.DATABASE_URL = database.url;
  await importDatasetText(
    database.sql,
    JSON.stringify({
      format: "docketline/v1",
      filings: [
        ...Array.from({ length: HEARINGS }, (_, i) => ({
          id: hearingId(i),
          lawsuit: null,
          kind: "hearing",
          title: `Hearing ${i}`,
          dateFiled: hearingDay(i),
          summary: `${LONG_SUMMARY}(${i})`,
          states: [{ jurisdiction: i % 2 ? "NM" : "WA", role: "joined" }],
        })),
        { id: "bound-hearing-month", lawsuit: null, kind: "hearing", title: "Hearing known to the month", dateFiled: "2016-03", summary: "Month only." },
        ...Array.from({ length: STATEMENTS }, (_, i) => ({
          id: `bound-statement-${String(i).padStart(3, "0")}`,
          lawsuit: null,
          kind: "statement",
          title: `Statement ${i}`,
          dateFiled: "2020-01-01",
          summary: `Statement number ${i}.`,
        })),
      ],
    }),
  );
  // Distinct update times, so the feed's order is known: statement 0 the most recent.
  await database.sql`UPDATE filing SET updated_at = now() - (substring(id FROM 17)::int * interval '1 second') WHERE id LIKE 'bound-statement-%'`;
}, 180_000);

afterAll(async () => {
  await (globalThis as { docketlineBulkSql?: Sql }).docketlineBulkSql?.end({ timeout: 5 });
  await database?.drop();
});

const calendar = (query: string) => calendarIcs(new Request(`${ORIGIN}/calendar.ics${query}`));
const feed = (query: string) => feedXml(new Request(`${ORIGIN}/feed.xml${query}`));

function eventsOf(text: string) {
  const component = new ICAL.Component(ICAL.parse(text));
  return { component, uids: component.getAllSubcomponents("vevent").map((c) => new ICAL.Event(c).uid) };
}

/** The URL in a `Link: <…>; rel="next"` header, or null. */
function nextOf(response: Response): string | null {
  const link = response.headers.get("link");
  if (!link) return null;
  const match = /^<([^>]+)>; rel="next"$/.exec(link);
  expect(match, link).not.toBeNull();
  return match![1];
}

describe("/calendar.ics is bounded", () => {
  it("holds the latest 1,000 hearings by default and names that bound in its description and headers", async () => {
    const response = await calendar("");
    expect(response.status).toBe(200);
    const { component, uids } = eventsOf(await response.text());
    expect(uids).toHaveLength(1000);
    expect(uids[0]).toBe(`${hearingId(HEARINGS - 1)}@docketline`);
    expect(uids[999]).toBe(`${hearingId(HEARINGS - 1000)}@docketline`);
    expect(response.headers.get("docketline-range")).toBe(
      `limit=1000; order=newest; events=1000; first=${hearingDay(HEARINGS - 1)}; last=${hearingDay(HEARINGS - 1000)}`,
    );
    const next = nextOf(response);
    expect(next).toMatch(new RegExp(`^${ORIGIN}/calendar\\.ics\\?cursor=a\\.`));
    const description = component.getFirstPropertyValue("x-wr-caldesc") as string;
    expect(description).toContain("This calendar holds the 1000 hearings known to the day");
    expect(description).toContain("the latest first, at most 1000 at a time (limit=1000).");
    expect(description).toContain(`Earlier hearings: ${next}`);
    expect(description).toContain("1 hearing is known only to the month or year");
  });

  it("follows limit, sort and its own next links through every hearing once", async () => {
    const seen: string[] = [];
    let url: string | null = `${ORIGIN}/calendar.ics?sort=oldest&limit=700`;
    let parts = 0;
    while (url) {
      const response = await calendarIcs(new Request(url));
      expect(response.status).toBe(200);
      expect(response.headers.get("docketline-range")).toMatch(/^limit=700; order=oldest; events=\d+/);
      seen.push(...eventsOf(await response.text()).uids);
      url = nextOf(response);
      if (url) expect(new URL(url).searchParams.get("limit")).toBe("700");
      parts++;
    }
    expect(parts).toBe(Math.ceil(HEARINGS / 700));
    expect(seen).toEqual(Array.from({ length: HEARINGS }, (_, i) => `${hearingId(i)}@docketline`));
  });

  it("takes a date range from the filter and says the days it spans", async () => {
    const response = await calendar("?from=2016-02&to=2016-02-10&state=NM");
    const { uids } = eventsOf(await response.text());
    const expected = Array.from({ length: HEARINGS }, (_, i) => i)
      .filter((i) => hearingDay(i) >= "2016-02-01" && hearingDay(i) <= "2016-02-10" && i % 2 === 1)
      .reverse();
    expect(uids).toEqual(expected.map((i) => `${hearingId(i)}@docketline`));
    expect(response.headers.get("docketline-range")).toBe(
      `limit=1000; order=newest; events=${expected.length}; first=${hearingDay(expected[0])}; last=${hearingDay(expected[expected.length - 1])}`,
    );
    expect(response.headers.get("link")).toBeNull();
  });

  it.each([
    ["?limit=0", "limit", 'limit "0" must be a whole number from 1 to 5000'],
    ["?limit=5001", "limit", 'limit "5001" must be a whole number from 1 to 5000'],
    ["?limit=ten", "limit", 'limit "ten" must be a whole number from 1 to 5000'],
    ["?limit=5&limit=6", "limit", "limit may appear only once"],
    ["?cursor=nonsense", "cursor", 'cursor "nonsense" is not a cursor from a Docketline link'],
    ["?before=u.abc", "before", "before is not a known parameter"],
  ])("refuses %s with a 400 naming %s", async (query, param, message) => {
    const response = await calendar(query);
    expect(response.status).toBe(400);
    expect((await response.json()).errors).toEqual([{ param, message }]);
  });

  it("refuses a cursor that goes back a page", async () => {
    const forward = nextOf(await calendar("?limit=10"))!;
    const back = new URL(forward);
    back.searchParams.set("cursor", back.searchParams.get("cursor")!.replace(/^a\./, "b."));
    const response = await calendarIcs(new Request(back));
    expect(response.status).toBe(400);
    expect((await response.json()).errors).toEqual([{ param: "cursor", message: expect.stringContaining("goes back a page") }]);
  });
});

describe("/calendar.ics streams", () => {
  it("sends the calendar's head before any event is read, then events a batch at a time", async () => {
    const response = await calendar("?limit=5000");
    const reader = response.body!.getReader();
    const decoder = new TextDecoder();
    const first = decoder.decode((await reader.read()).value);
    // The head, with the bound named, and no event yet: the body is built as it is read.
    expect(first).toMatch(/^BEGIN:VCALENDAR\r\n/);
    expect(first).toContain("X-WR-CALDESC:");
    expect(first).not.toContain("BEGIN:VEVENT");
    expect(first).not.toContain("END:VCALENDAR");

    let chunks = 1;
    let events = 0;
    let bytes = first.length;
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      const text = decoder.decode(value);
      const inChunk = text.split("BEGIN:VEVENT").length - 1;
      expect(inChunk).toBeLessThanOrEqual(200);
      events += inChunk;
      bytes += text.length;
      chunks++;
    }
    expect(events).toBe(HEARINGS);
    expect(chunks).toBeGreaterThanOrEqual(HEARINGS / 200 + 2);
    expect(bytes).toBeGreaterThan(4_000_000);
  });

  it("keeps memory flat: six times the events hold no more memory while being read", async () => {
    setFlagsFromString("--expose-gc");
    const gc = runInNewContext("gc") as () => void;
    /** The most memory still held (after a collection) at any point of reading the calendar, and its size. */
    async function readHolding(query: string) {
      gc();
      const baseline = process.memoryUsage().heapUsed;
      let held = 0;
      let bytes = 0;
      const reader = (await calendar(query)).body!.getReader();
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        bytes += value.byteLength;
        gc();
        held = Math.max(held, process.memoryUsage().heapUsed - baseline);
      }
      return { held, bytes };
    }
    await readHolding("?limit=500"); // warm up: the first read compiles and caches what every read uses
    const small = await readHolding("?limit=500");
    const large = await readHolding("?limit=3000");
    expect(large.bytes).toBeGreaterThan(small.bytes + 4_000_000);
    // One batch (200 events, ~300 kB of text and records, and the next batch's rows read
    // ahead) is held at a time; building the whole body, as before, held all of it.
    expect(large.held - small.held).toBeLessThan(1_000_000);
  });
});

interface Feed {
  id: string;
  subtitle: string;
  link: { "@_rel": string; "@_href": string }[];
  entry?: { id: string }[];
}

async function readFeed(response: Response): Promise<Feed> {
  const xml = await response.text();
  expect(XMLValidator.validate(xml)).toBe(true);
  return new XMLParser({ ignoreAttributes: false, isArray: (name) => name === "entry" }).parse(xml).feed as Feed;
}

const statementIds = (feedOf: Feed) => (feedOf.entry ?? []).map((e) => e.id.replace(`${ORIGIN}/filings/`, ""));

describe("/feed.xml is bounded", () => {
  it("holds 50 entries by default and names its bound in its subtitle, its headers and a next link to older entries", async () => {
    const response = await feed("?kind=statement");
    expect(response.status).toBe(200);
    const parsed = await readFeed(response);
    expect(statementIds(parsed)).toEqual(Array.from({ length: 50 }, (_, i) => `bound-statement-${String(i).padStart(3, "0")}`));
    expect(parsed.subtitle).toContain("most recently updated first: the 50 entries");
    expect(parsed.subtitle).toContain("at most 50 at a time (limit=50).");
    const next = nextOf(response)!;
    expect(next).toMatch(new RegExp(`^${ORIGIN}/feed\\.xml\\?kind=statement&before=u\\.`));
    expect(parsed.subtitle).toContain(`Older entries: ${next}`);
    expect(response.headers.get("docketline-range")).toMatch(/^limit=50; order=updated; entries=50; first=\S+Z; last=\S+Z$/);
  });

  it("follows limit and its next links through every entry once; every part has the feed's id and its own self link", async () => {
    const seen: string[] = [];
    let url: string | null = `${ORIGIN}/feed.xml?kind=statement&limit=45`;
    while (url) {
      const response = await feedXml(new Request(url));
      const parsed = await readFeed(response);
      expect(parsed.id).toBe(`${ORIGIN}/feed.xml?kind=statement`);
      expect(parsed.link).toContainEqual({ "@_rel": "self", "@_href": url });
      seen.push(...statementIds(parsed));
      url = nextOf(response);
    }
    expect(seen).toEqual(Array.from({ length: STATEMENTS }, (_, i) => `bound-statement-${String(i).padStart(3, "0")}`));
  });

  it.each([
    ["?limit=501", "limit", 'limit "501" must be a whole number from 1 to 500'],
    ["?limit=-1", "limit", 'limit "-1" must be a whole number from 1 to 500'],
    ["?before=yesterday", "before", `before "yesterday" is not a position from a Docketline feed's link`],
    ["?before=u.e30", "before", `before "u.e30" is not a position from a Docketline feed's link`],
  ])("refuses %s with a 400 naming %s", async (query, param, message) => {
    const response = await feed(query);
    expect(response.status).toBe(400);
    expect((await response.json()).errors).toEqual([{ param, message }]);
  });

  it("streams: the feed's head comes before any entry is read", async () => {
    const reader = (await feed("?kind=hearing&limit=500")).body!.getReader();
    const first = new TextDecoder().decode((await reader.read()).value);
    expect(first).toMatch(/^<\?xml version="1.0" encoding="utf-8"\?>\n<feed xmlns="http:\/\/www.w3.org\/2005\/Atom">/);
    expect(first).toContain("<subtitle>");
    expect(first).not.toContain("<entry>");
    await reader.cancel();
  });
});
