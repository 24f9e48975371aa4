import { describe, expect, it } from "vitest";

import { FILTERED_PAGES, FILTERED_ROUTES } from "@/lib/filters/routes";

import { cacheKey, classifyRequest } from "./requests";

const url = (path: string) => new URL(path, "http://localhost:3000");

describe("which requests are shared from the cache", () => {
  it("shares public pages, feeds, sitemaps and API reads", () => {
    for (const path of ["/", "/?state=NM&kind=order", "/filings/wa-v-us-2018-dkt-15", "/filings/x/history", "/lawsuits", "/states/NM", "/insights", "/about", "/api", "/feed.xml", "/sitemap.xml", "/robots.txt", "/api/v1/filings?limit=50", "/api/v1/jurisdictions", "/no-such-page"]) {
      expect(classifyRequest("GET", url(path), {}), path).toBe("shared");
      expect(classifyRequest("HEAD", url(path), {}), path).toBe("shared");
    }
  });

  it("keeps the build's files apart, as files that never change", () => {
    expect(classifyRequest("GET", url("/_next/static/chunks/main-abc.js"), {})).toBe("asset");
    expect(classifyRequest("GET", url("/_next/image?url=%2Fx.png"), {})).toBe("pass");
  });

  it("never shares a write, a staff page, sign-in, a stream or what a signed-in staff member sees", () => {
    expect(classifyRequest("POST", url("/"), {})).toBe("pass");
    expect(classifyRequest("PUT", url("/api/v1/filings"), {})).toBe("pass");
    for (const path of ["/staff", "/staff/filings/x/edit", "/staff/sign-in", "/api/auth/session", "/export/filings.csv", "/export/dataset.json?state=NM", "/calendar.ics"]) {
      expect(classifyRequest("GET", url(path), {}), path).toBe("pass");
    }
    expect(classifyRequest("GET", url("/filings/x/history"), { cookie: "theme=dark; docketline.session_token=abc.def" })).toBe("pass");
    expect(classifyRequest("GET", url("/"), { cookie: "__Secure-docketline.session_token=abc" })).toBe("pass");
    // Other cookies say nothing about who is reading.
    expect(classifyRequest("GET", url("/"), { cookie: "theme=dark" })).toBe("shared");
  });

  it("leaves the client router's payload requests to Next.js", () => {
    expect(classifyRequest("GET", url("/lawsuits?_rsc=1x2y"), {})).toBe("pass");
    expect(classifyRequest("GET", url("/lawsuits"), { rsc: "1" })).toBe("pass");
  });
});

describe("cache keys", () => {
  it("are the same whatever the order of the parameters", () => {
    expect(cacheKey(url("/?kind=order&state=NM"), { host: "localhost:3000" })).toBe(cacheKey(url("/?state=NM&kind=order"), { host: "localhost:3000" }));
    expect(cacheKey(url("/?q=a%20b"), { host: "a" })).toBe(cacheKey(url("/?q=a+b"), { host: "a" }));
    expect(cacheKey(url("/lawsuits?sort=name&dir=asc"), { host: "a" })).toBe(cacheKey(url("/lawsuits?dir=asc&sort=name"), { host: "a" }));
  });

  it("are one for every way of writing the same filter, on every route that takes it but the pages", () => {
    for (const path of FILTERED_ROUTES.filter((route) => !(FILTERED_PAGES as readonly string[]).includes(route))) {
      const key = cacheKey(url(`${path}?state=NM&state=WA&kind=motion`), { host: "a" });
      for (const same of ["state=WA&state=NM&kind=motion", "state=nm,wa&kind=motion&kind=motion&sort=newest", "kind=motion&state=WA&state=NM&state=WA&match=any&q=%20"]) {
        expect(cacheKey(url(`${path}?${same}`), { host: "a" }), `${path}?${same}`).toBe(key);
      }
      // Other parameters (a page size, the view) are kept as they are.
      expect(cacheKey(url(`${path}?state=NM&limit=5`), { host: "a" })).not.toBe(cacheKey(url(`${path}?state=NM`), { host: "a" }));
      // A filter with a problem is not read: two bad queries stay apart.
      expect(cacheKey(url(`${path}?state=NM&kind=bogus`), { host: "a" })).not.toBe(cacheKey(url(`${path}?state=NM`), { host: "a" }));
    }
  });

  it("are one for every way of writing a filter on the research coding (docs/decisions/026)", () => {
    for (const path of FILTERED_ROUTES.filter((route) => !(FILTERED_PAGES as readonly string[]).includes(route))) {
      const key = cacheKey(url(`${path}?issueArea=immigration&administration=trump-1&agency=DHS&side=plaintiff&state=WA`), { host: "a" });
      for (const same of ["state=wa&side=plaintiff&agency=%20DHS%20&administration=trump-1&issueArea=immigration", "agency=DHS&issueArea=immigration&relief=&state=WA&administration=trump-1&side=plaintiff&lawsuitOutcome="]) {
        expect(cacheKey(url(`${path}?${same}`), { host: "a" }), `${path}?${same}`).toBe(key);
      }
      expect(cacheKey(url(`${path}?issueArea=immigration`), { host: "a" })).not.toBe(cacheKey(url(`${path}?issueArea=environment`), { host: "a" }));
      expect(cacheKey(url(`${path}?lawsuitOutcome=won`), { host: "a" })).not.toBe(cacheKey(url(path), { host: "a" }));
    }
  });

  it("share a page only between URLs that differ in the order of their parameters: the page hydrates from its own URL", () => {
    for (const path of FILTERED_PAGES) {
      expect(cacheKey(url(`${path}?state=NM&kind=motion`), { host: "a" })).toBe(cacheKey(url(`${path}?kind=motion&state=NM`), { host: "a" }));
      expect(cacheKey(url(`${path}?q=%20`), { host: "a" })).not.toBe(cacheKey(url(path), { host: "a" }));
      expect(cacheKey(url(`${path}?state=nm`), { host: "a" })).not.toBe(cacheKey(url(`${path}?state=NM`), { host: "a" }));
    }
  });

  it("leave the query of routes that do not take the filter as it is (bar the order)", () => {
    // /states reads `sort` with values of its own.
    expect(cacheKey(url("/states?sort=newest"), { host: "a" })).not.toBe(cacheKey(url("/states"), { host: "a" }));
  });

  it("differ by the origin a page's absolute links are built for", () => {
    const base = cacheKey(url("/"), { host: "localhost:3000" });
    expect(cacheKey(url("/"), { host: "docketline.example.org" })).not.toBe(base);
    expect(cacheKey(url("/"), { host: "localhost:3000", "x-forwarded-host": "docketline.example.org" })).not.toBe(base);
    expect(cacheKey(url("/"), { host: "localhost:3000", "x-forwarded-proto": "https" })).not.toBe(base);
  });
});
