// The Content-Security-Policy and the other security headers, as Next.js applies them:
// the page policy that lib/security/csp.ts builds, the proxy that puts it on each page
// request (and which requests it runs for), and the headers next.config.js gives to
// every response. e2e/security.spec.ts proves the same against the built app in a browser.
import { createHash } from "node:crypto";

import { unstable_doesMiddlewareMatch, unstable_getResponseFromNextConfig } from "next/experimental/testing/server";
import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";

import { SHARED_RENDER_HEADER } from "@/lib/http-cache/shared-render";
import { createNonce, inlineHashes, isHttpsRequest, pagePolicy, sharedPagePolicy } from "@/lib/security/csp";
import { config as proxyConfig, proxy } from "@/proxy";

import { loadNextConfig } from "./support/next-config";

/** The policy as a map of directive → sources, the way a browser reads it. */
function parsePolicy(policy: string): Map<string, string[]> {
  const directives = new Map<string, string[]>();
  for (const part of policy.split(";")) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (!name) continue;
    expect(directives.has(name), `${name} appears twice`).toBe(false);
    directives.set(name, sources);
  }
  return directives;
}

describe("the page policy", () => {
  const nonce = createNonce();
  const policy = parsePolicy(pagePolicy({ nonce }));

  it("lets only scripts carrying this request's nonce run, and whatever they load", () => {
    expect(policy.get("script-src")).toEqual(["'self'", `'nonce-${nonce}'`, "'strict-dynamic'"]);
    expect(policy.get("script-src")).not.toContain("'unsafe-inline'");
    expect(policy.get("script-src")).not.toContain("'unsafe-eval'");
  });

  it("puts script-src first, where Next.js looks for the nonce to stamp on its scripts", () => {
    expect([...policy.keys()][0]).toBe("script-src");
  });

  it("needs the nonce on style elements but allows style attributes, which the charts and react-chrono use", () => {
    expect(policy.get("style-src-elem")).toEqual(["'self'", `'nonce-${nonce}'`]);
    expect(policy.get("style-src-attr")).toEqual(["'unsafe-inline'"]);
  });

  it("forbids plugins, framing, foreign base URLs and form targets, and loads nothing from other sites", () => {
    expect(policy.get("object-src")).toEqual(["'none'"]);
    expect(policy.get("frame-ancestors")).toEqual(["'none'"]);
    expect(policy.get("base-uri")).toEqual(["'self'"]);
    expect(policy.get("form-action")).toEqual(["'self'"]);
    expect(policy.get("default-src")).toEqual(["'self'"]);
    expect(policy.get("img-src")).toEqual(["'self'", "data:", "blob:"]);
    expect(policy.get("font-src")).toEqual(["'self'"]);
    expect(policy.get("connect-src")).toEqual(["'self'"]);
    const everySource = [...policy.values()].flat();
    expect(everySource.filter((source) => /^(https?:|\*|wss?:)/.test(source))).toEqual([]);
  });

  it("asks browsers to upgrade insecure requests only when the page came over HTTPS", () => {
    expect(policy.has("upgrade-insecure-requests")).toBe(false);
    expect(parsePolicy(pagePolicy({ nonce, https: true })).get("upgrade-insecure-requests")).toEqual([]);
  });

  it("allows eval and nonce-less style elements only under the development server", () => {
    const development = parsePolicy(pagePolicy({ nonce, development: true }));
    expect(development.get("script-src")).toContain("'unsafe-eval'");
    expect(development.get("style-src-elem")).toEqual(["'self'", "'unsafe-inline'"]);
  });

  it("refuses a nonce that could smuggle in another directive", () => {
    expect(() => pagePolicy({ nonce: "abc'; script-src *" })).toThrow(/nonce must be base64/);
  });
});

describe("nonces", () => {
  it("are 128 random bits, base64, different every time", () => {
    const nonces = new Set(Array.from({ length: 1000 }, createNonce));
    expect(nonces.size).toBe(1000);
    for (const nonce of nonces) expect(Buffer.from(nonce, "base64")).toHaveLength(16);
  });
});

describe("the policy of a page shared from the response cache", () => {
  const sha256 = (text: string) => `'sha256-${createHash("sha256").update(text, "utf8").digest("base64")}'`;

  it("hashes exactly the text of each inline script and style element, not script files or attributes", async () => {
    const html = [
      "<!DOCTYPE html><html><head>",
      '<script src="/_next/static/chunks/a.js" async=""></script>',
      "<style>body{color:red}</style>",
      '<script id="boot">self.__next_f=self.__next_f||[];</script>',
      "</head><body><p onclick=\"alert(1)\">x</p>",
      '<SCRIPT>self.__next_f.push([1,"<\\/script> é"])</SCRIPT>',
      "<script>self.__next_f=self.__next_f||[];</script>",
      "</body></html>",
    ].join("");
    const hashes = await inlineHashes(html);
    expect(hashes.scripts.sort()).toEqual([sha256("self.__next_f=self.__next_f||[];"), sha256('self.__next_f.push([1,"<\\/script> é"])')].sort());
    expect(hashes.styles).toEqual([sha256("body{color:red}")]);
  });

  it("runs the page's own scripts by hash and its files from this site, never any other inline script or eval", () => {
    const policy = parsePolicy(sharedPagePolicy({ scriptHashes: ["'sha256-abc='"], styleHashes: ["'sha256-def='"] }));
    expect(policy.get("script-src")).toEqual(["'self'", "'sha256-abc='"]);
    expect(policy.get("style-src-elem")).toEqual(["'self'", "'sha256-def='"]);
    for (const [name, sources] of policy) {
      expect(sources, name).not.toContain("'unsafe-eval'");
      if (name !== "style-src" && name !== "style-src-attr") expect(sources, name).not.toContain("'unsafe-inline'");
    }
    expect(policy.get("frame-ancestors")).toEqual(["'none'"]);
    expect(policy.get("object-src")).toEqual(["'none'"]);
  });

  it("runs no inline script at all before the cache has hashed the page", () => {
    expect(parsePolicy(sharedPagePolicy()).get("script-src")).toEqual(["'self'"]);
  });
});

describe("HTTPS detection", () => {
  it("trusts the URL, or the first X-Forwarded-Proto a TLS-terminating proxy set", () => {
    expect(isHttpsRequest(new URL("https://docketline.test/"), new Headers())).toBe(true);
    expect(isHttpsRequest(new URL("http://localhost:3000/"), new Headers())).toBe(false);
    expect(isHttpsRequest(new URL("http://localhost:3000/"), new Headers({ "x-forwarded-proto": "https, http" }))).toBe(true);
    expect(isHttpsRequest(new URL("https://docketline.test/"), new Headers({ "x-forwarded-proto": "http" }))).toBe(false);
  });
});

describe("the proxy", () => {
  it("gives each page request a policy with a fresh nonce, on the response and on the request Next.js renders", () => {
    const first = proxy(new NextRequest("http://localhost:3000/filings/wa-v-us-2018-dkt-15"));
    const second = proxy(new NextRequest("http://localhost:3000/filings/wa-v-us-2018-dkt-15"));
    const policy = first.headers.get("content-security-policy")!;
    const nonce = /'nonce-([^']+)'/.exec(policy)?.[1];
    expect(nonce).toBeTruthy();
    expect(second.headers.get("content-security-policy")).not.toContain(nonce);
    // NextResponse.next({ request: { headers } }) forwards request headers this way.
    expect(first.headers.get("x-middleware-request-content-security-policy")).toBe(policy);
    expect(first.headers.get("x-middleware-next")).toBe("1");
  });

  it("gives a page rendered for the response cache no nonce, which every reader would share", () => {
    const response = proxy(new NextRequest("http://localhost:3000/filings/wa-v-us-2018-dkt-15", { headers: { [SHARED_RENDER_HEADER]: "1" } }));
    const policy = response.headers.get("content-security-policy")!;
    expect(policy).not.toContain("'nonce-");
    expect(parsePolicy(policy).get("script-src")).toEqual(["'self'"]);
    expect(response.headers.get("x-middleware-request-content-security-policy")).toBe(policy);
  });

  it("tells the page which path it renders, for sign-in's way back, replacing any value the client sent", () => {
    const response = proxy(new NextRequest("http://localhost:3000/staff/filings/x?tab=demands&_rsc=1a2b", { headers: { "x-docketline-path": "/staff/users" } }));
    expect(response.headers.get("x-middleware-request-x-docketline-path")).toBe("/staff/filings/x?tab=demands");
  });

  it("adds upgrade-insecure-requests behind a TLS-terminating proxy", () => {
    const response = proxy(new NextRequest("http://localhost:3000/", { headers: { "x-forwarded-proto": "https" } }));
    expect(response.headers.get("content-security-policy")).toContain("upgrade-insecure-requests");
  });

  const runsFor = (url: string, headers: Record<string, string> = {}) =>
    unstable_doesMiddlewareMatch({ config: proxyConfig, url: `http://localhost:3000${url}`, headers });

  it("runs for every page, the /api documentation page and 404s included", () => {
    for (const url of ["/", "/?state=NM&view=list", "/filings/wa-v-us-2018-dkt-15", "/lawsuits", "/lawsuits/washington-v-united-states-2018", "/states/NM", "/insights", "/about", "/api", "/staff", "/staff/filings/x/edit", "/no-such-page"]) {
      expect(runsFor(url), url).toBe(true);
    }
  });

  it("skips the API, exports, feeds, sitemaps, Next's own files and prefetches, which need no nonce", () => {
    for (const url of [
      "/api/v1/filings",
      "/api/v1/openapi.json",
      "/api/auth/sign-in/email",
      "/export/filings.csv",
      "/export/dataset.json",
      "/feed.xml",
      "/calendar.ics",
      "/sitemap.xml",
      "/sitemaps/sitemap/0.xml",
      "/robots.txt",
      "/icon.svg",
      "/filings/wa-v-us-2018-dkt-15/cite.bib",
      "/_next/static/chunks/main.js",
      "/_next/image?url=%2Fx.png&w=64&q=75",
    ]) {
      expect(runsFor(url), url).toBe(false);
    }
    expect(runsFor("/lawsuits", { "next-router-prefetch": "1" })).toBe(false);
    expect(runsFor("/lawsuits", { purpose: "prefetch" })).toBe(false);
  });
});

describe("next.config.js headers", () => {
  it("give every response nosniff, a strict referrer policy, no framing, denied powerful features and a policy under which nothing runs", async () => {
    const nextConfig = await loadNextConfig();
    for (const url of ["/api/v1/filings", "/export/filings.csv", "/feed.xml", "/_next/static/chunks/main.js", "/", "/no-such-page"]) {
      const response = await unstable_getResponseFromNextConfig({ url: `http://localhost:3000${url}`, nextConfig });
      expect(response.headers.get("x-content-type-options"), url).toBe("nosniff");
      expect(response.headers.get("referrer-policy"), url).toBe("strict-origin-when-cross-origin");
      expect(response.headers.get("x-frame-options"), url).toBe("DENY");
      const permissions = response.headers.get("permissions-policy") ?? "";
      for (const feature of ["camera", "microphone", "geolocation", "payment", "usb", "interest-cohort", "browsing-topics"]) {
        expect(permissions, `${url} ${feature}`).toContain(`${feature}=()`);
      }
      // The proxy replaces this policy on pages (e2e/security.spec.ts checks the result).
      const policy = parsePolicy(response.headers.get("content-security-policy") ?? "");
      expect(policy.get("script-src"), url).toEqual(["'none'"]);
      expect(policy.get("object-src"), url).toEqual(["'none'"]);
      expect(policy.get("frame-ancestors"), url).toEqual(["'none'"]);
    }
  });
});
