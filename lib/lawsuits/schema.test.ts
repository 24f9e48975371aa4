import { describe, expect, it } from "vitest";

import { parseLawsuitListParams } from "./schema";

describe("parseLawsuitListParams", () => {
  it("defaults to the newest lawsuits first", () => {
    expect(parseLawsuitListParams({})).toEqual({ sort: "filed", dir: "desc", page: 1 });
  });

  it("reads sort, direction and filters", () => {
    expect(parseLawsuitListParams({ sort: "filings", dir: "asc", status: "open", court: "wawd", q: " Flores ", page: "3" })).toEqual({
      sort: "filings",
      dir: "asc",
      status: "open",
      court: "wawd",
      q: "Flores",
      page: 3,
    });
  });

  it("gives each sort its natural direction when none is asked for", () => {
    expect(parseLawsuitListParams({ sort: "name" }).dir).toBe("asc");
    expect(parseLawsuitListParams({ sort: "coalition" }).dir).toBe("desc");
  });

  it("falls back to defaults for values it does not know, and treats blanks as absent", () => {
    expect(parseLawsuitListParams({ sort: "nonsense", dir: "sideways", status: "lost", court: "Not A Slug", q: "", page: "-2" })).toEqual({ sort: "filed", dir: "desc", page: 1 });
    expect(parseLawsuitListParams({ page: "two" }).page).toBe(1);
  });

  it("keeps the last of a repeated parameter", () => {
    expect(parseLawsuitListParams({ sort: ["name", "filings"] }).sort).toBe("filings");
  });
});
