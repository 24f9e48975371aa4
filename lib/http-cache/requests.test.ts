import { describe, expect, it } from "vitest";

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
  it("are the same whatever the order of the parameters, and keep the order of a parameter's values", () => {
    expect(cacheKey(url("/?kind=order&state=NM"), { host: "localhost:3000" })).toBe(cacheKey(url("/?state=NM&kind=order"), { host: "localhost:3000" }));
    expect(cacheKey(url("/?state=NM&state=WA"), { host: "a" })).not.toBe(cacheKey(url("/?state=WA&state=NM"), { host: "a" }));
    expect(cacheKey(url("/?q=a%20b"), { host: "a" })).toBe(cacheKey(url("/?q=a+b"), { host: "a" }));
  });

  it("differ by the origin a page's absolute links are built for", () => {
    const base = cacheKey(url("/"), { host: "localhost:3000" });
    expect(cacheKey(url("/"), { host: "docketline.example.org" })).not.toBe(base);
    expect(cacheKey(url("/"), { host: "localhost:3000", "x-forwarded-host": "docketline.example.org" })).not.toBe(base);
    expect(cacheKey(url("/"), { host: "localhost:3000", "x-forwarded-proto": "https" })).not.toBe(base);
  });
});
