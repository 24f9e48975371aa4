import { afterEach, describe, expect, it } from "vitest";

import {
  comparePartialDates,
  formatPartialDate,
  formatPartialDateForCitation,
  fromStored,
  isPartialDate,
  overlapsRange,
  parsePartialDate,
  periodOf,
  rangeBounds,
  startOfPeriodContaining,
  toStored,
} from "@/lib/dates/partial-date";

describe("parsePartialDate", () => {
  it("parses a year, a month and a day with their precision", () => {
    expect(parsePartialDate("2018")).toEqual({ precision: "year", year: 2018 });
    expect(parsePartialDate("2018-06")).toEqual({ precision: "month", year: 2018, month: 6 });
    expect(parsePartialDate("2018-06-01")).toEqual({ precision: "day", year: 2018, month: 6, day: 1 });
    expect(parsePartialDate("2018-12-31")).toEqual({ precision: "day", year: 2018, month: 12, day: 31 });
  });

  it("accepts 29 February in a leap year only", () => {
    expect(parsePartialDate("2020-02-29")).toEqual({ precision: "day", year: 2020, month: 2, day: 29 });
    expect(parsePartialDate("2000-02-29")).not.toBeNull(); // divisible by 400
    expect(parsePartialDate("2019-02-29")).toBeNull();
    expect(parsePartialDate("1900-02-29")).toBeNull(); // divisible by 100, not by 400
  });

  it.each([
    ["2018-02-30", "a day that does not exist"],
    ["2018-04-31", "the 31st of a 30-day month"],
    ["2018-06-00", "day zero"],
    ["2018-13", "month 13"],
    ["2018-00", "month zero"],
    ["18-06", "a two-digit year"],
    ["2018/06/01", "slashes"],
    [" 2018", "a leading space"],
    ["2018 ", "a trailing space"],
    ["2018-6", "a one-digit month"],
    ["2018-06-1", "a one-digit day"],
    ["2018-06-01T00:00:00Z", "a timestamp"],
    ["20180601", "no separators"],
    ["", "the empty string"],
    ["June 2018", "words"],
  ])("rejects %s (%s)", (value) => {
    expect(parsePartialDate(value)).toBeNull();
    expect(isPartialDate(value)).toBe(false);
  });
});

describe("formatPartialDate", () => {
  it("writes a day, a month and a year for readers", () => {
    expect(formatPartialDate("2018-07-02")).toBe("2 July 2018");
    expect(formatPartialDate("2018-06")).toBe("June 2018");
    expect(formatPartialDate("2018")).toBe("2018");
  });

  it("never invents a day for a month or a year", () => {
    for (let month = 1; month <= 12; month++) {
      const value = `2018-${String(month).padStart(2, "0")}`;
      const text = formatPartialDate(value);
      // Only the year's digits: no day of the month.
      expect(text.replace("2018", "")).not.toMatch(/\d/);
      expect(text).toMatch(/^[A-Z][a-z]+ 2018$/);
    }
    expect(formatPartialDate("1985")).toBe("1985");
  });

  it("refuses a value that is not a partial date", () => {
    expect(() => formatPartialDate("2018-02-30")).toThrow(RangeError);
    expect(() => formatPartialDateForCitation("June 2018")).toThrow(RangeError);
  });
});

describe("formatPartialDateForCitation", () => {
  it("uses the Bluebook's month abbreviations", () => {
    expect(formatPartialDateForCitation("2018-07-02")).toBe("July 2, 2018");
    expect(formatPartialDateForCitation("2018-09")).toBe("Sept. 2018");
    expect(formatPartialDateForCitation("2019-01-05")).toBe("Jan. 5, 2019");
    expect(formatPartialDateForCitation("2018-06")).toBe("June 2018");
    expect(formatPartialDateForCitation("2018-05-31")).toBe("May 31, 2018");
    expect(formatPartialDateForCitation("2018")).toBe("2018");
  });

  it("never invents a day for a month", () => {
    for (let month = 1; month <= 12; month++) {
      const text = formatPartialDateForCitation(`2018-${String(month).padStart(2, "0")}`);
      expect(text.replace("2018", "")).not.toMatch(/\d/);
    }
  });
});

describe("comparePartialDates", () => {
  it("sorts by the start of the period, a wider period first", () => {
    const sorted = ["2018-07", "2018-06-02", "2018", "2018-06-01", "2018-06"];
    sorted.sort(comparePartialDates);
    expect(sorted).toEqual(["2018", "2018-06", "2018-06-01", "2018-06-02", "2018-07"]);
  });

  it("orders across years and is zero only for the same date", () => {
    expect(comparePartialDates("2017-12-31", "2018")).toBeLessThan(0);
    expect(comparePartialDates("2019", "2018-12-31")).toBeGreaterThan(0);
    expect(comparePartialDates("2018-01", "2018")).toBeGreaterThan(0);
    expect(comparePartialDates("2018-01-01", "2018-01")).toBeGreaterThan(0);
    expect(comparePartialDates("2018-06", "2018-06")).toBe(0);
  });
});

describe("overlapsRange", () => {
  it("counts a month as overlapping a range that starts in the middle of it", () => {
    expect(overlapsRange("2018-06", { from: "2018-06-20" })).toBe(true);
    expect(overlapsRange("2018-06", { from: "2018-06-30", to: "2018-07-15" })).toBe(true);
    expect(overlapsRange("2018-06", { from: "2018-07-01" })).toBe(false);
  });

  it("counts a year as overlapping a range inside it", () => {
    expect(overlapsRange("2018", { from: "2018-03-01", to: "2018-03-31" })).toBe(true);
    expect(overlapsRange("2018", { to: "2018-01-01" })).toBe(true);
    expect(overlapsRange("2018", { from: "2018-12-31" })).toBe(true);
    expect(overlapsRange("2018", { from: "2019-01-01" })).toBe(false);
    expect(overlapsRange("2018", { to: "2017-12-31" })).toBe(false);
  });

  it("does not count a day outside the range, and includes both ends", () => {
    expect(overlapsRange("2018-06-15", { from: "2018-06-20" })).toBe(false);
    expect(overlapsRange("2018-06-15", { to: "2018-06-14" })).toBe(false);
    expect(overlapsRange("2018-06-15", { from: "2018-06-15", to: "2018-06-15" })).toBe(true);
    expect(overlapsRange("2018-06-15", {})).toBe(true);
  });
});

describe("periods and range bounds", () => {
  it("gives the inclusive days of a period, with leap years", () => {
    expect(periodOf("2018")).toEqual({ start: "2018-01-01", end: "2018-12-31" });
    expect(periodOf("2018-06")).toEqual({ start: "2018-06-01", end: "2018-06-30" });
    expect(periodOf("2020-02")).toEqual({ start: "2020-02-01", end: "2020-02-29" });
    expect(periodOf("2019-02")).toEqual({ start: "2019-02-01", end: "2019-02-28" });
    expect(periodOf("2018-06-15")).toEqual({ start: "2018-06-15", end: "2018-06-15" });
    expect(periodOf("2018-12").end).toBe("2018-12-31");
  });

  it("turns a from/to filter into inclusive days", () => {
    expect(rangeBounds({ from: "2018-06", to: "2018-06" })).toEqual({ from: "2018-06-01", to: "2018-06-30" });
    expect(rangeBounds({ from: "2019" })).toEqual({ from: "2019-01-01", to: undefined });
    expect(rangeBounds({ to: "2018-06-15" })).toEqual({ from: undefined, to: "2018-06-15" });
  });

  it("finds the first day of the period of each precision containing a day", () => {
    expect(startOfPeriodContaining("2018-06-20", "day")).toBe("2018-06-20");
    expect(startOfPeriodContaining("2018-06-20", "month")).toBe("2018-06-01");
    expect(startOfPeriodContaining("2018-06-20", "year")).toBe("2018-01-01");
  });
});

describe("toStored and fromStored", () => {
  it("stores the first day of the period with the precision", () => {
    expect(toStored("2018")).toEqual({ date: "2018-01-01", precision: "year" });
    expect(toStored("2018-06")).toEqual({ date: "2018-06-01", precision: "month" });
    expect(toStored("2018-06-15")).toEqual({ date: "2018-06-15", precision: "day" });
    expect(() => toStored("2018-13")).toThrow(RangeError);
  });

  it.each(["2018", "2018-06", "2018-06-15", "2020-02-29", "1985", "2019-12-31", "2000-01"])("round-trips %s as a string and as a Prisma Date", (value) => {
    const stored = toStored(value);
    expect(fromStored(stored.date, stored.precision)).toBe(value);
    // Prisma hands a DATE back as UTC midnight.
    expect(fromStored(new Date(`${stored.date}T00:00:00.000Z`), stored.precision)).toBe(value);
  });
});

describe("in a server time zone other than UTC", () => {
  const original = process.env.TZ;
  afterEach(() => {
    if (original === undefined) delete process.env.TZ;
    else process.env.TZ = original;
  });

  it.each(["America/Los_Angeles", "Pacific/Kiritimati", "Asia/Kolkata"])("formats and round-trips the same days in %s", (zone) => {
    process.env.TZ = zone;
    expect(new Date("2018-07-02T00:00:00Z").getTimezoneOffset()).not.toBe(0); // the zone took effect
    expect(formatPartialDate("2018-07-02")).toBe("2 July 2018");
    expect(formatPartialDate("2018-07-01")).toBe("1 July 2018");
    expect(formatPartialDate("2018-06")).toBe("June 2018");
    expect(formatPartialDate("2019-01-01")).toBe("1 January 2019");
    for (const value of ["2018-07-01", "2018-06", "2018"]) {
      const stored = toStored(value);
      expect(fromStored(new Date(`${stored.date}T00:00:00.000Z`), stored.precision)).toBe(value);
    }
  });
});
