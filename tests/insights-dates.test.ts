// Filings per month when some dates are known only to the month or the year: a month
// counts in its month, a year is never placed in an invented month.
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { importDataset } from "@/lib/dataset/import";
import { validateDataset } from "@/lib/dataset/validate";
import { db } from "@/lib/db/client";
import { FilterSchema } from "@/lib/filters/schema";
import { getInsights, MAX_MONTH_BARS } from "@/lib/insights/queries";

import { createTestDatabase, type TestDatabase } from "./support/database";

const FILINGS = [
  { id: "order-day", kind: "order", dateFiled: "2018-06-15" },
  { id: "letter-month", kind: "letter", dateFiled: "2018-06" },
  { id: "motion-day", kind: "motion", dateFiled: "2018-09-01" },
  { id: "statement-year", kind: "statement", dateFiled: "2018" },
  { id: "order-year", kind: "order", dateFiled: "2018" },
  { id: "letter-year", kind: "letter", dateFiled: "2019" },
  // Far from the others: without a date filter, the filings span more than MAX_MONTH_BARS months.
  { id: "letter-old-month", kind: "letter", dateFiled: "1901-03" },
];

let database: TestDatabase;

beforeAll(async () => {
  database = await createTestDatabase();
  process.env.DATABASE_URL = database.url;
  await importDataset(
    database.sql,
    validateDataset({
      format: "docketline/v1",
      filings: FILINGS.map((f) => ({ ...f, lawsuit: null, title: `Filed ${f.dateFiled}`, summary: `A ${f.kind} dated ${f.dateFiled}.` })),
    }),
  );
});

afterAll(async () => {
  await db.$disconnect();
  await database?.drop();
});

describe("filings per month with month- and year-precision dates", () => {
  it("counts a month-precision filing in its month and keeps year-only filings apart, per year", async () => {
    const { overTime, total } = await getInsights(FilterSchema.parse({ from: "2018" }));
    expect(total).toBe(6);
    expect(overTime.unit).toBe("month");
    // From January, where the filter's range starts, to the last filing's month.
    expect(overTime.bars.map((b) => [b.period, b.counts])).toEqual([
      ...["2018-01", "2018-02", "2018-03", "2018-04", "2018-05"].map((month) => [month, {}]),
      ["2018-06", { order: 1, letter: 1 }],
      ["2018-07", {}],
      ["2018-08", {}],
      ["2018-09", { motion: 1 }],
    ]);
    expect(overTime.yearOnly.map((b) => [b.period, b.label, b.counts])).toEqual([
      ["2018", "2018", { statement: 1, order: 1 }],
      ["2019", "2019", { letter: 1 }],
    ]);
    // Nothing is lost or counted twice.
    expect([...overTime.bars, ...overTime.yearOnly].reduce((n, b) => n + b.total, 0)).toBe(total);
  });

  it("a range filter keeps the year-only filings that overlap it, still apart from the months", async () => {
    const { overTime } = await getInsights(FilterSchema.parse({ from: "2018-07", to: "2018-12" }));
    expect(overTime.bars.map((b) => b.period)).toEqual(["2018-07", "2018-08", "2018-09", "2018-10", "2018-11", "2018-12"]);
    expect(overTime.bars.reduce((n, b) => n + b.total, 0)).toBe(1);
    expect(overTime.yearOnly.map((b) => [b.period, b.total])).toEqual([["2018", 2]]);
  });

  it("counts per year when the filings span more than ten years of months, every filing in its own year", async () => {
    const { overTime, total } = await getInsights(FilterSchema.parse({}));
    expect(total).toBe(FILINGS.length);
    expect(2019 * 12 - 1901 * 12).toBeGreaterThan(MAX_MONTH_BARS);
    expect(overTime.unit).toBe("year");
    expect(overTime.yearOnly).toEqual([]);
    expect(overTime.bars[0]).toMatchObject({ period: "1901", total: 1 });
    expect(overTime.bars.at(-1)).toMatchObject({ period: "2019", total: 1 });
    expect(overTime.bars).toHaveLength(2019 - 1901 + 1);
    expect(overTime.bars.find((b) => b.period === "2018")?.counts).toEqual({ order: 2, letter: 1, motion: 1, statement: 1 });
  });
});
