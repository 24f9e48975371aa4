// One format of a moment, whatever the zone of the process that renders it.
import { afterEach, describe, expect, it } from "vitest";

import { formatTimestamp, formatTimestampDay } from "@/lib/dates/timestamp";

const originalTz = process.env.TZ;
afterEach(() => {
  process.env.TZ = originalTz;
});

describe("formatTimestamp", () => {
  it("writes a moment in UTC and says so", () => {
    expect(formatTimestamp("2026-07-02T14:05:09.123Z")).toBe("2 July 2026, 14:05 UTC");
    expect(formatTimestampDay("2026-07-02T14:05:09.123Z")).toBe("2 July 2026");
  });

  it("writes the same text in any time zone of the process, near midnight too", () => {
    process.env.TZ = "Pacific/Kiritimati"; // UTC+14: the local day is already the 3rd
    expect(formatTimestamp("2026-07-02T23:59:00Z")).toBe("2 July 2026, 23:59 UTC");
    process.env.TZ = "America/Los_Angeles"; // the local day is still the 1st
    expect(formatTimestamp(new Date("2026-07-02T00:30:00Z"))).toBe("2 July 2026, 00:30 UTC");
    expect(formatTimestampDay("2026-07-02T00:30:00Z")).toBe("2 July 2026");
  });

  it("names the zone and agrees with the ISO string, in every zone", () => {
    const moments = ["2018-07-02T00:00:00Z", "2020-02-29T23:59:59Z", "1999-12-31T12:34:56Z", "2031-01-09T07:08:00Z"];
    for (const tz of ["UTC", "Asia/Kolkata", "America/St_Johns", "Pacific/Pago_Pago"]) {
      process.env.TZ = tz;
      for (const iso of moments) {
        const text = formatTimestamp(iso);
        expect(text, `${iso} in ${tz}`).toMatch(/^\d{1,2} [A-Z][a-z]+ \d{4}, \d{2}:\d{2} UTC$/);
        expect(text, `${iso} in ${tz}`).toContain(`${iso.slice(11, 16)} UTC`);
        expect(text.startsWith(`${Number(iso.slice(8, 10))} `), `${iso} in ${tz}`).toBe(true);
        expect(text, `${iso} in ${tz}`).toContain(` ${iso.slice(0, 4)},`);
      }
    }
  });

  it("returns text that is not a moment as it is", () => {
    expect(formatTimestamp("not a date")).toBe("not a date");
  });
});
