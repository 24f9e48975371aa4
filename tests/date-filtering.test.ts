// Ordering and range filtering of day, month and year dates, against the database,
// through the timeline query (lib/timeline/queries.ts) that the page and API use.
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { importDataset } from "@/lib/dataset/import";
import { validateDataset } from "@/lib/dataset/validate";
import { comparePartialDates, overlapsRange, periodOf, rangeBounds } from "@/lib/dates/partial-date";
import { db } from "@/lib/db/client";
import { FilterSchema, parseFilter } from "@/lib/filters/schema";
import { getTimelinePage } from "@/lib/timeline/queries";

import { createTestDatabase, type TestDatabase } from "./support/database";

// One filing per date, listed in no particular order. "2018", "2018-01" and
// "2018-01-01" are all stored as 1 January 2018, so only the precision tells them
// apart. The ids sort in the reverse of the dates' order, so that a query falling
// back on the id cannot pass for one sorting by date and precision.
const FILINGS: Record<string, string> = {
  "filing-i": "2018",
  "filing-f": "2018-06",
  "filing-e": "2018-06-15",
  "filing-b": "2018-07-02",
  "filing-a": "2019-01",
  "filing-j": "2017-12-31",
  "filing-h": "2018-01",
  "filing-g": "2018-01-01",
  "filing-d": "2018-06-30",
  "filing-c": "2018-07",
};
const DATES = Object.values(FILINGS);
const idOf = (date: string) => Object.keys(FILINGS).find((id) => FILINGS[id] === date)!;
const dateOf = (id: string) => FILINGS[id];

let database: TestDatabase;

beforeAll(async () => {
  database = await createTestDatabase();
  // lib/env reads the environment once, on first use; lib/db/client connects on first query.
  process.env.DATABASE_URL = database.url;
  await importDataset(
    database.sql,
    validateDataset({
      format: "docketline/v1",
      courts: [{ id: "wawd", shortName: "W.D. Wash.", fullName: "U.S. District Court for the Western District of Washington" }],
      lawsuits: [
        {
          id: "washington-v-united-states",
          caseName: "State of Washington et al. v. United States of America et al.",
          caseNameShort: "Washington v. United States",
          court: "wawd",
          docketNumber: "2:18-cv-00939",
          dateFiled: "2017-12-31",
          status: "open",
          summary: "A lawsuit whose filings are dated to the day, the month or the year.",
        },
      ],
      // DATES is in no particular order, so insertion order cannot pass for sorting.
      filings: Object.entries(FILINGS).map(([id, date]) => ({
        id,
        lawsuit: "washington-v-united-states",
        kind: "order",
        title: `Filed ${date}`,
        dateFiled: date,
        summary: `A filing dated ${date}.`,
      })),
    }),
  );
});

afterAll(async () => {
  await db.$disconnect();
  await database?.drop();
});

/** The timeline's filings under a date filter, through the same schema as the page and API. */
async function dates(options: { from?: string; to?: string; sort?: "newest" | "oldest" }): Promise<string[]> {
  const { items } = await getTimelinePage(FilterSchema.parse(options));
  // Each item's date is the one imported, at its own precision.
  for (const item of items) expect(item.dateFiled).toBe(dateOf(item.id));
  return items.map((item) => item.dateFiled);
}

describe("Listing filings by date", () => {
  it("imported every filing with its date at its own precision", async () => {
    const rows = await database.sql<{ id: string; date_filed: string; precision: string }[]>`
      SELECT id, date_filed, date_filed_precision::text AS precision FROM filing ORDER BY id`;
    expect(rows.length).toBe(DATES.length);
    expect(rows.find((r) => r.id === idOf("2018-06"))).toEqual({ id: idOf("2018-06"), date_filed: "2018-06-01", precision: "month" });
    expect(rows.find((r) => r.id === idOf("2018"))).toEqual({ id: idOf("2018"), date_filed: "2018-01-01", precision: "year" });
    expect((await dates({})).sort()).toEqual([...DATES].sort());
  });

  it("lists oldest first with a month at the start of its month and a year at the start of its year", async () => {
    expect(await dates({ sort: "oldest" })).toEqual([
      "2017-12-31",
      "2018",
      "2018-01",
      "2018-01-01",
      "2018-06",
      "2018-06-15",
      "2018-06-30",
      "2018-07",
      "2018-07-02",
      "2019-01",
    ]);
  });

  it("lists newest first in exactly the reverse order, and newest first by default", async () => {
    const oldest = await dates({ sort: "oldest" });
    expect(await dates({ sort: "newest" })).toEqual([...oldest].reverse());
    expect(await dates({})).toEqual([...oldest].reverse());
    expect((await dates({ sort: "newest" }))[0]).toBe("2019-01");
  });

  it("sorts the same way as comparePartialDates", async () => {
    expect(await dates({ sort: "oldest" })).toEqual([...DATES].sort(comparePartialDates));
  });

  it("from 2018-06-20 includes the month 2018-06 and the year 2018, which overlap it, but not 2018-06-15", async () => {
    const found = await dates({ from: "2018-06-20", sort: "oldest" });
    expect(found).toContain("2018-06");
    expect(found).toContain("2018");
    expect(found).not.toContain("2018-06-15");
    expect(found).toEqual(["2018", "2018-06", "2018-06-30", "2018-07", "2018-07-02", "2019-01"]);
  });

  it("to 2018-06 includes the whole of June, the year 2018 and earlier days, but not July", async () => {
    const found = await dates({ to: "2018-06", sort: "oldest" });
    expect(found).toContain("2018-06-15");
    expect(found).toContain("2018-06-30");
    expect(found).toContain("2018");
    expect(found).toContain("2017-12-31");
    expect(found).not.toContain("2018-07-02");
    expect(found).not.toContain("2018-07");
    expect(found).toEqual(["2017-12-31", "2018", "2018-01", "2018-01-01", "2018-06", "2018-06-15", "2018-06-30"]);
  });

  it("from 2018-06 to 2018-06 gives exactly the year 2018, the month and the days of June", async () => {
    expect(await dates({ from: "2018-06", to: "2018-06", sort: "oldest" })).toEqual(["2018", "2018-06", "2018-06-15", "2018-06-30"]);
  });

  it("from 2019 gives 2019-01 only, leaving out the year 2018", async () => {
    expect(await dates({ from: "2019" })).toEqual(["2019-01"]);
  });

  it("to 2017 gives the last day of 2017 only, and a range between filings gives nothing", async () => {
    expect(await dates({ to: "2017" })).toEqual(["2017-12-31"]);
    expect(await dates({ from: "2016", to: "2016-12-31" })).toEqual([]);
  });

  it("a single day gives that day and the month and year around it", async () => {
    expect(await dates({ from: "2018-07-02", to: "2018-07-02", sort: "oldest" })).toEqual(["2018", "2018-07", "2018-07-02"]);
  });

  it("agrees with overlapsRange for every combination of day, month and year bounds", async () => {
    const bounds = [undefined, "2017-12-31", "2018", "2018-01-01", "2018-06", "2018-06-15", "2018-06-16", "2018-07", "2019"];
    // A range that ends before it starts is refused by the filter schema (tested below).
    const pairs = bounds
      .flatMap((from) => bounds.map((to) => ({ from, to })))
      .filter(({ from, to }) => !(from && to && periodOf(to).end < periodOf(from).start));
    const results = await Promise.all(pairs.map(async ({ from, to }) => ({ from, to, found: await dates({ from, to, sort: "oldest" }) })));
    const expected = pairs.map(({ from, to }) => ({
      from,
      to,
      found: DATES.filter((date) => overlapsRange(date, rangeBounds({ from, to }))).sort(comparePartialDates),
    }));
    expect(results).toEqual(expected);
    // The grid is not trivially empty or full.
    expect(new Set(expected.map((e) => e.found.length)).size).toBeGreaterThan(5);
  });

  it("refuses a range that ends before it starts, naming the parameter", () => {
    const result = parseFilter({ from: "2018-07", to: "2018-06" });
    expect(result.ok).toBe(false);
    expect(result.ok ? [] : result.problems).toEqual([{ param: "to", message: 'to "2018-06" is before from "2018-07"' }]);
  });

  it("keeps each date's precision in the list: a month is never shown as its first day", async () => {
    const found = await dates({ sort: "oldest" });
    expect(found).toContain("2018-06");
    expect(found).not.toContain("2018-06-01");
    expect(found).toContain("2018");
    expect(found.filter((d) => d === "2018-01-01")).toHaveLength(1); // the one filed on that day
  });

  it("gives the same lists when the server runs in another time zone", async () => {
    const original = process.env.TZ;
    const expected = await dates({ from: "2018-06", to: "2018-07-01", sort: "oldest" });
    try {
      for (const zone of ["America/Los_Angeles", "Pacific/Kiritimati"]) {
        process.env.TZ = zone;
        expect(await dates({ from: "2018-06", to: "2018-07-01", sort: "oldest" })).toEqual(expected);
      }
    } finally {
      if (original === undefined) delete process.env.TZ;
      else process.env.TZ = original;
    }
    expect(expected).toEqual(["2018", "2018-06", "2018-06-15", "2018-06-30", "2018-07"]);
  });
});
