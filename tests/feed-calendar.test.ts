// The hearings calendar at /calendar.ics, called as Next.js calls it and read back
// with an iCalendar parser (ical.js).
import ICAL from "ical.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { GET as calendarIcs } from "@/app/calendar.ics/route";
import { importDatasetText } from "@/lib/dataset/import";
import type { Sql } from "@/lib/db/sql";

import { createTestDatabase, readFoundingDataset, type TestDatabase } from "./support/database";

const ORIGIN = "http://docketline.test";

// The founding data has no hearings: these add hearings at each precision.
const HEARINGS = [
  { id: "hearing-nm-day", dateFiled: "2018-07-06", states: ["NM", "WA"], title: "Status conference; discovery, and reunification" },
  { id: "hearing-nm-month", dateFiled: "2018-08", states: ["NM"], title: "Hearing on the motion to enforce" },
  { id: "hearing-wa-year", dateFiled: "2019", states: ["WA"], title: "Hearing known only to the year" },
  { id: "hearing-wa-day", dateFiled: "2018-09-10", states: ["WA"], title: "Hearing on the preliminary injunction" },
];

let database: TestDatabase;

beforeAll(async () => {
  database = await createTestDatabase();
  process.env.DATABASE_URL = database.url;
  await importDatasetText(database.sql, await readFoundingDataset());
  await importDatasetText(
    database.sql,
    JSON.stringify({
      format: "docketline/v1",
      filings: HEARINGS.map((h) => ({
        id: h.id,
        lawsuit: "washington-v-united-states-2018",
        kind: "hearing",
        title: h.title,
        dateFiled: h.dateFiled,
        summary: `The court heard the parties (${h.id}).`,
        states: h.states.map((jurisdiction) => ({ jurisdiction, role: "joined" })),
      })),
    }),
  );
});

afterAll(async () => {
  await (globalThis as { docketlineBulkSql?: Sql }).docketlineBulkSql?.end({ timeout: 5 });
  await database?.drop();
});

async function fetchCalendar(query: string) {
  const response = await calendarIcs(new Request(`${ORIGIN}/calendar.ics${query}`));
  return { response, text: await response.text() };
}

function parseCalendar(text: string) {
  const calendar = new ICAL.Component(ICAL.parse(text));
  expect(calendar.name).toBe("vcalendar");
  const events = calendar.getAllSubcomponents("vevent").map((c) => new ICAL.Event(c));
  return { calendar, events };
}

describe("/calendar.ics", () => {
  it("parses as iCalendar and holds New Mexico's day-precision hearing as an all-day event", async () => {
    const { response, text } = await fetchCalendar("?state=NM");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/calendar; charset=utf-8");
    expect(response.headers.get("content-disposition")).toBe('attachment; filename="docketline-hearings_state-nm.ics"');
    expect(text).toMatch(/^BEGIN:VCALENDAR\r\n/);

    const { calendar, events } = parseCalendar(text);
    expect(calendar.getFirstPropertyValue("version")).toBe("2.0");
    expect(calendar.getFirstPropertyValue("prodid")).toBe("-//Docketline//Docketline//EN");
    expect(events).toHaveLength(1);
    const [event] = events;
    expect(event.uid).toBe("hearing-nm-day@docketline");
    expect(event.summary).toBe("Status conference; discovery, and reunification");
    expect(event.startDate.isDate).toBe(true);
    expect(event.startDate.toString()).toBe("2018-07-06");
    expect(event.endDate.toString()).toBe("2018-07-07");
    expect(event.component.getFirstPropertyValue("url")).toBe(`${ORIGIN}/filings/hearing-nm-day`);
    expect(event.description).toContain("Washington v. United States, No. 2:18-cv-00939-MJP (W.D. Wash.)");
    expect(event.description).toContain("The court heard the parties (hearing-nm-day).");
  });

  it("leaves out a hearing known only to the month or year, and says so", async () => {
    const { calendar } = parseCalendar((await fetchCalendar("?state=NM")).text);
    expect(calendar.getFirstPropertyValue("x-wr-caldesc")).toContain(
      `1 hearing is known only to the month or year and is not shown as an event: see ${ORIGIN}/?state=NM&kind=hearing`,
    );
    const all = parseCalendar((await fetchCalendar("")).text);
    expect(all.events.map((e) => e.uid).sort()).toEqual(["hearing-nm-day@docketline", "hearing-wa-day@docketline"]);
    expect(all.calendar.getFirstPropertyValue("x-wr-caldesc")).toContain("2 hearings are known only to the month or year");
  });

  it("follows the filter: a lawsuit, a date range, and no hearings when the kinds leave none", async () => {
    const inRange = parseCalendar((await fetchCalendar("?lawsuit=washington-v-united-states-2018&from=2018-09")).text);
    expect(inRange.events.map((e) => e.uid)).toEqual(["hearing-wa-day@docketline"]);
    const motions = parseCalendar((await fetchCalendar("?kind=motion")).text);
    expect(motions.events).toEqual([]);
    const hearingsAndMotions = parseCalendar((await fetchCalendar("?kind=motion&kind=hearing&state=WA")).text);
    expect(hearingsAndMotions.events.map((e) => e.uid).sort()).toEqual(["hearing-nm-day@docketline", "hearing-wa-day@docketline"]);
  });

  it("answers a bad parameter with 400 problem+json naming it", async () => {
    const { response, text } = await fetchCalendar("?to=2018-02-30");
    expect(response.status).toBe(400);
    expect(response.headers.get("content-type")).toBe("application/problem+json");
    expect(JSON.parse(text).errors).toEqual([{ param: "to", message: expect.stringContaining('to "2018-02-30"') }]);
  });
});
