import { describe, expect, it } from "vitest";

import { normalizeJurisdictionCode, parseJurisdictionListParams } from "./schema";

describe("normalizeJurisdictionCode", () => {
  it("upper-cases a two-letter code", () => {
    expect(normalizeJurisdictionCode("nm")).toBe("NM");
    expect(normalizeJurisdictionCode("NM")).toBe("NM");
  });

  it("refuses anything that cannot be a USPS code", () => {
    expect(normalizeJurisdictionCode("new-mexico")).toBeNull();
    expect(normalizeJurisdictionCode("N1")).toBeNull();
  });
});

describe("parseJurisdictionListParams", () => {
  it("sorts by name unless a known sort is asked for", () => {
    expect(parseJurisdictionListParams({}).sort).toBe("name");
    expect(parseJurisdictionListParams({ sort: "led" }).sort).toBe("led");
    expect(parseJurisdictionListParams({ sort: "size" }).sort).toBe("name");
  });
});
