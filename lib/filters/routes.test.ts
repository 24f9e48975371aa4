import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

import { describe, expect, it } from "vitest";

import { FILTERED_PAGES, FILTERED_ROUTES } from "./routes";

const APP = path.resolve(import.meta.dirname, "../../app");
/** How a route reads the filter from its own request: a page's searchParams, an export's or the API's URL. */
const READS_FILTER = /parsePageQuery\(|parseFilter\(\s*(await\s+)?searchParams|parseExportQuery\(request|parseFilingListQuery\(url\.searchParams/;

/** Every page and route handler under app/, with the URL path it answers. */
function routes(): { urlPath: string; file: string; page: boolean }[] {
  const found: { urlPath: string; file: string; page: boolean }[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (/^(page\.tsx|route\.ts)$/.test(entry.name)) {
        const segments = path.relative(APP, dir).split(path.sep).filter((s) => s && !/^\(.*\)$/.test(s));
        found.push({ urlPath: `/${segments.join("/")}`, file: full, page: entry.name === "page.tsx" });
      }
    }
  };
  walk(APP);
  return found;
}

describe("the list of routes that take the filter", () => {
  it("is exactly the routes under app/ that read the filter from their request", () => {
    const reading = routes().filter((route) => READS_FILTER.test(readFileSync(route.file, "utf8")));
    expect(reading.map((r) => r.urlPath).sort()).toEqual([...FILTERED_ROUTES].sort());
    expect(reading.filter((r) => r.page).map((r) => r.urlPath).sort()).toEqual([...FILTERED_PAGES].sort());
  });
});
