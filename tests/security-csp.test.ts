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
  it("gives each page request a policy with a fresh nonce, on the response and on the request Next.js renders", async () => {
    const first = await proxy(new NextRequest("http://localhost:3000/filings/wa-v-us-2018-dkt-15"));
    const second = await proxy(new NextRequest("http://localhost:3000/filings/wa-v-us-2018-dkt-15"));
    const policy = first.headers.get("content-security-policy")!;
    const nonce = /'nonce-([^']+)'/.exec(policy)?.[1];
    expect(nonce).toBeTruthy();
    expect(second.headers.get("content-security-policy")).not.toContain(nonce);
    // NextResponse.next({ request: { headers } }) forwards request headers this way.
    expect(first.headers.get("x-middleware-request-content-security-policy")).toBe(policy);
    expect(first.headers.get("x-middleware-next")).toBe("1");
  });

  it("gives a page rendered for the response cache no nonce, which every reader would share", async () => {
    const response = await proxy(new NextRequest("http://localhost:3000/filings/wa-v-us-2018-dkt-15", { headers: { [SHARED_RENDER_HEADER]: "1" } }));
    const policy = response.headers.get("content-security-policy")!;
    expect(policy).not.toContain("'nonce-");
    expect(parsePolicy(policy).get("script-src")).toEqual(["'self'"]);
    expect(response.headers.get("x-middleware-request-content-security-policy")).toBe(policy);
  });

  it("tells the page which path it renders, for sign-in's way back, replacing any value the client sent", async () => {
    const response = await proxy(new NextRequest("http://localhost:3000/staff/filings/x?tab=demands&_rsc=1a2b", { headers: { "x-docketline-path": "/staff/users" } }));
    expect(response.headers.get("x-middleware-request-x-docketline-path")).toBe("/staff/filings/x?tab=demands");
  });

  it("adds upgrade-insecure-requests behind a TLS-terminating proxy", async () => {
    const response = await proxy(new NextRequest("http://localhost:3000/", { headers: { "x-forwarded-proto": "https" } }));
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
      "/maps/us-states.svg",
      "/filings/wa-v-us-2018-dkt-15/cite.bib",
      "/_next/static/chunks/main.js",
      "/_next/image?url=%2Fx.png&w=64&q=75",
    ]) {
      expect(runsFor(url), url).toBe(false);
    }
    expect(runsFor("/lawsuits", { "next-router-prefetch": "1" })).toBe(false);
    expect(runsFor("/lawsuits", { purpose: "prefetch" })).toBe(false);
  });

  it("runs for whatever may be a server action's request, whatever the path: a page's route can match a path with a dot", () => {
    for (const url of ["/filings/a.b", "/api/v1/filings", "/staff/sign-in"]) {
      expect(runsFor(url, { "next-action": "00ab" }), url).toBe(true);
      expect(runsFor(url, { "content-type": "multipart/form-data; boundary=x" }), url).toBe(true);
    }
    expect(runsFor("/filings/a.b", { "content-type": "application/json" })).toBe(false);
  });
});

describe("the proxy's refusals", () => {
  const SITE = "http://localhost:3000";
  const post = (headers: Record<string, string>, body: BodyInit = "[]", url = `${SITE}/staff/sign-in`) =>
    proxy(new NextRequest(url, { method: "POST", headers: { host: "localhost:3000", ...headers }, body }));
  const action = { "next-action": "00ab", "content-type": "text/plain;charset=UTF-8" };

  it("refuses a request to change something sent from a page of another site with a 403 page", async () => {
    const foreign: Record<string, string>[] = [
      { origin: "https://evil.example" },
      { origin: "null" },
      { origin: "not a url" },
      // The site's host name on another port is another origin, and another host to Next.js's check.
      { origin: "http://localhost:3001" },
      { "sec-fetch-site": "cross-site" },
      { "sec-fetch-site": "same-site" },
      { referer: "https://evil.example/attack" },
    ];
    for (const headers of foreign) {
      const response = await post({ ...action, ...headers });
      expect(response.status, JSON.stringify(headers)).toBe(403);
      expect(response.headers.get("content-type")).toMatch(/^text\/html/);
      expect(await response.text()).toContain("another site");
    }
    // A plain form, with no action in it, and a PUT are refused the same way.
    expect((await post({ origin: "https://evil.example", "content-type": "application/x-www-form-urlencoded" }, "a=1")).status).toBe(403);
    expect((await proxy(new NextRequest(`${SITE}/`, { method: "PUT", headers: { origin: "https://evil.example" }, body: "x" }))).status).toBe(403);
  });

  it("lets the site's own requests through, behind a proxy that forwards the host too, and reads from any site", async () => {
    const own: Record<string, string>[] = [
      { origin: SITE },
      { origin: "https://docketline.example.org", "x-forwarded-host": "Docketline.example.org, 10.0.0.1" },
      { "sec-fetch-site": "same-origin" },
      { referer: `${SITE}/staff/sign-in` },
      // Written by hand: it carries no reader's cookies that its author did not give it.
      {},
    ];
    for (const headers of own) {
      const response = await post({ ...action, ...headers });
      expect(response.status, JSON.stringify(headers)).toBe(200);
      expect(response.headers.get("x-middleware-next"), JSON.stringify(headers)).toBe("1");
    }
    const read = await proxy(new NextRequest(`${SITE}/`, { headers: { origin: "https://evil.example", "sec-fetch-site": "cross-site" } }));
    expect(read.headers.get("x-middleware-next")).toBe("1");
  });

  it("answers 400, saying why, to a body no server action could be sent", async () => {
    const origin = { origin: SITE };
    const cases: [Record<string, string>, string, RegExp][] = [
      [{ ...action, ...origin }, "{{{", /not JSON/],
      [{ ...action, ...origin }, "", /not JSON/],
      [{ ...action, ...origin }, '"x"', /JSON array/],
      [{ ...action, ...origin }, '["$Q1"]', /kind of value/],
      [{ ...action, ...origin }, '[{"a":["$1"]}]', /does not have/],
      [{ ...action, ...origin }, '[{"a":{}},"$0:0:b"]', /value the request does not have/],
      [{ ...action, ...origin }, `${"[".repeat(200_000)}${"]".repeat(200_000)}`, /nested too deeply|not JSON/],
      [{ "next-action": "00ab", "content-type": "multipart/form-data; boundary=xyz", ...origin }, "garbage", /multipart/],
      [{ "content-type": "multipart/form-data; boundary=xyz", ...origin }, "garbage", /multipart/],
      [{ ...action, ...origin }, '["$Z1"]', /kind of value/],
    ];
    for (const [headers, body, message] of cases) {
      const response = await post(headers, body);
      expect(response.status, body.slice(0, 20)).toBe(400);
      expect(await response.text(), body.slice(0, 20)).toMatch(message);
    }
    const forms: [Record<string, string>, [string, string][], RegExp][] = [
      [{ "next-action": "00ab" }, [["1", "x"]], /missing/],
      [{ "next-action": "00ab" }, [["0", '["$@1"]']], /does not have/],
      [{ "next-action": "00ab" }, [["0", '["$1"]'], ["1", "{{"]], /not JSON/],
      [{ "next-action": "00ab" }, [["0", '["$B1"]'], ["1", "abc"]], /kind of value/],
      [{ "next-action": "00ab" }, [["0", '["$1:a:b"]'], ["1", "{}"]], /value the request does not have/],
      [{ "next-action": "00ab" }, [["0", '{"a":1}']], /JSON array/],
      // A form's action with bound arguments (useActionState) whose promised part is missing, or not JSON.
      [{}, [["$ACTION_REF_1", ""], ["$ACTION_1:0", '{"id":"00ab","bound":"$@1"}']], /form's action.*does not have/],
      [{}, [["$ACTION_REF_1", ""], ["$ACTION_1:0", '{"id":"00ab",']], /form's action.*not JSON/],
    ];
    for (const [headers, fields, message] of forms) {
      const form = new FormData();
      for (const [name, value] of fields) form.append(name, value);
      const response = await post({ ...headers, ...origin }, form);
      expect(response.status, JSON.stringify(fields)).toBe(400);
      expect(await response.text(), JSON.stringify(fields)).toMatch(message);
    }
  });

  it("lets through the arguments the client router sends", async () => {
    for (const body of ["[]", '["x",{}]', '[{"id":"a","title":"$$5 fee","when":"$D2024-01-02T00:00:00.000Z","n":"$n12","u":"$undefined"}]', '[{"a":{"b":1}},"$0:0:a"]']) {
      const response = await post({ ...action, origin: SITE }, body);
      expect(response.headers.get("x-middleware-next"), body).toBe("1");
    }
    const form = new FormData();
    form.append("0", '["$K1"]');
    form.append("1_file", new Blob(["{}"]), "data.json");
    expect((await post({ "next-action": "00ab", origin: SITE }, form)).headers.get("x-middleware-next")).toBe("1");
    const stateful = new FormData();
    stateful.append("$ACTION_REF_1", "");
    stateful.append("$ACTION_1:0", '{"id":"00ab","bound":"$@1"}');
    stateful.append("$ACTION_1:1", '[{"email":"ada@example.org"}]');
    stateful.append("email", "ada@example.org");
    expect((await post({ origin: SITE }, stateful)).headers.get("x-middleware-next")).toBe("1");
    const plain = new FormData();
    plain.append("$ACTION_ID_00ab", "");
    plain.append("email", "ada@example.org");
    expect((await post({ origin: SITE }, plain)).headers.get("x-middleware-next")).toBe("1");
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
