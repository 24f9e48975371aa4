import { readFileSync } from "node:fs";
import path from "node:path";

import { describe, expect, it } from "vitest";

import { exportFormat } from "@/lib/exports/formats";

import { listAppRoutes } from "../../e2e/support/hostile-requests";

import { FILTERED_PAGES, FILTERED_ROUTES, pageIgnoresParameters } from "./routes";

const ROOT = path.resolve(import.meta.dirname, "../..");
/** How a route reads the filter from its own request: a page's searchParams, an export's or the API's URL. */
const READS_FILTER = /parsePageQuery\(|parseFilter\(\s*(await\s+)?searchParams|parseExportQuery\(request|parseFilingListQuery\(url\.searchParams/;
/** An export route serves one of EXPORT_FORMATS (lib/exports/serve.ts), which reads the filter when its format has a filtered writer. */
const EXPORT_ROUTE = /exportRoute\("([^"]+)"\)/;

function readsFilter(file: string): boolean {
  const source = readFileSync(path.join(ROOT, file), "utf8");
  const exported = EXPORT_ROUTE.exec(source);
  return exported ? Boolean(exportFormat(exported[1]).filtered) : READS_FILTER.test(source);
}

describe("the list of routes that take the filter", () => {
  it("is exactly the routes under app/ that read the filter from their request", () => {
    const reading = listAppRoutes().filter((route) => route.kind !== "metadata" && readsFilter(route.file));
    expect(reading.map((r) => r.pattern).sort()).toEqual([...FILTERED_ROUTES].sort());
    expect(reading.filter((r) => r.kind === "page").map((r) => r.pattern).sort()).toEqual([...FILTERED_PAGES].sort());
  });
});

describe("a page asked with a parameter it must ignore", () => {
  const at = (target: string) => pageIgnoresParameters(new URL(target, "http://docketline.test"));

  it("is told apart from one with good or unknown parameters only", () => {
    expect(at("/?state=NM&kind=bogus")).toBe(true);
    expect(at("/insights?from=2018-13")).toBe(true);
    expect(at("/?lawsuitq=%00")).toBe(true);
    expect(at("/?state=NM&kind=order&utm_source=paper")).toBe(false);
    expect(at("/insights?constructor=1")).toBe(false);
  });

  it("only on the pages that show the filter panel: the other routes answer their own 400s", () => {
    expect(at("/feed.xml?kind=bogus")).toBe(false);
    expect(at("/about?kind=bogus")).toBe(false);
  });
});
