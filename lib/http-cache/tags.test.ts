import { describe, expect, it } from "vitest";

import { listAppRoutes } from "../../e2e/support/hostile-requests";

import { LISTS_TAG, parseContentChange, tagsOfResponse } from "./tags";

describe("the tags of a cached response", () => {
  it("name the record of every public route with an id in its path, and the lists for every other route", () => {
    // Each dynamic segment filled with an id that no link in the body repeats.
    const publicRoutes = listAppRoutes().filter((route) => !/^\/(staff|export)(\/|$)/.test(route.pattern) && route.kind !== "metadata");
    const tagged = publicRoutes.map((route) => ({
      pattern: route.pattern,
      tags: tagsOfResponse(route.pattern.replace("[id]", "some-id").replace("[code]", "NM"), ""),
    }));
    // Reference data's histories are forgotten with the lists (a change of theirs is a change of everything).
    const referenceHistories = ["/issue-areas/[id]/history", "/policies/[id]/history"];
    const records = tagged.filter((route) => /\[(id|code)\]/.test(route.pattern) && !referenceHistories.includes(route.pattern));
    for (const route of records) expect(route.tags, route.pattern).toEqual([route.pattern.includes("[code]") ? "state:NM" : route.pattern.includes("lawsuits") ? "lawsuit:some-id" : "filing:some-id"]);
    for (const route of tagged.filter((r) => !records.includes(r))) expect(route.tags, route.pattern).toEqual([LISTS_TAG]);
    expect(records.map((r) => r.pattern).sort()).toEqual([
      "/api/v1/filings/[id]",
      "/api/v1/jurisdictions/[code]",
      "/api/v1/lawsuits/[id]",
      "/filings/[id]",
      "/filings/[id]/cite.bib",
      "/filings/[id]/cite.json",
      "/filings/[id]/history",
      "/lawsuits/[id]",
      "/lawsuits/[id]/coding/history",
      "/lawsuits/[id]/history",
      "/states/[code]",
    ]);
  });

  it("add every filing and lawsuit a record's page links to, decoded, but not the states it links to", () => {
    const body = `<a href="/filings/motion-2">Motion</a> <a href="/lawsuits/wa%20v%20us">Washington</a>
      <a href="/states/NM">New Mexico</a> {"url":"https://docketline.test/filings/order-3"} <a href="/filings/%E0%A4%A">bad</a>`;
    expect(tagsOfResponse("/filings/complaint-1", body).sort()).toEqual(["filing:complaint-1", "filing:motion-2", "filing:order-3", "lawsuit:wa v us"]);
    expect(tagsOfResponse("/states/nm", body)).toContain("state:NM");
    expect(tagsOfResponse("/filings/a%20b/history", "")).toEqual(["filing:a b"]);
    expect(tagsOfResponse("/lawsuits/wa/coding/history", "")).toEqual(["lawsuit:wa"]);
    expect(tagsOfResponse("/policies/zero-tolerance/history", `<a href="/lawsuits/wa">`)).toEqual([LISTS_TAG]);
  });

  it("of a list are the lists alone, whatever it links to: every change forgets them", () => {
    expect(tagsOfResponse("/", `<a href="/filings/motion-2">`)).toEqual([LISTS_TAG]);
    expect(tagsOfResponse("/api/v1/filings", `{"url":"/filings/motion-2"}`)).toEqual([LISTS_TAG]);
    expect(tagsOfResponse("/filings/x/unknown", "")).toEqual([LISTS_TAG]);
  });
});

describe("a notification's payload", () => {
  it("names records as a JSON array of tags; anything else is a change of everything", () => {
    expect(parseContentChange('["filing:a","state:NM"]')).toEqual({ everything: false, tags: ["filing:a", "state:NM"] });
    for (const payload of ["", "*", "[]", "[1]", "[", '{"filing":"a"}', "filing:a"]) {
      expect(parseContentChange(payload), payload).toEqual({ everything: true });
    }
  });
});
