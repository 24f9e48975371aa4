// The app under its Content-Security-Policy in a real browser, the security headers on
// every kind of response, and server actions refusing requests from other sites
// (docs/decisions/007). Nothing here writes: refused requests must change nothing.
import { createHash } from "node:crypto";

import { expect, test, type APIResponse, type Page } from "@playwright/test";

import {
  changedTables,
  describeActionResponse,
  listServerActions,
  listUseServerFiles,
  postActionAsFetch,
  postActionAsForm,
  snapshotDatabase,
  type ServerAction,
} from "./support/write-paths";

// Plain http: a form on an https page posting to the http test server would send
// "Origin: null" (a downgrade), which is refused too but proves less.
const EVIL_ORIGIN = "http://evil.example";

/**
 * Collects every CSP violation the page reports and every console error or uncaught
 * exception, across navigations. The listener is installed before any page script.
 */
async function watchForProblems(page: Page): Promise<string[]> {
  const problems: string[] = [];
  await page.exposeFunction("__reportCspViolation", (report: string) => problems.push(`CSP violation on ${page.url()}: ${report}`));
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (event) => {
      const report = (window as unknown as { __reportCspViolation: (report: string) => void }).__reportCspViolation;
      void report(`${event.effectiveDirective} refused ${event.blockedURI || "an inline resource"} (${event.sourceFile}:${event.lineNumber}) ${event.sample}`);
    });
  });
  page.on("console", (message) => {
    if (message.type() === "error") problems.push(`console error on ${page.url()}: ${message.text()}`);
  });
  page.on("pageerror", (error) => problems.push(`uncaught on ${page.url()}: ${error.message}`));
  return problems;
}

/** Loads a page and lets every script, chunk and style it asks for arrive. */
async function visit(page: Page, path: string, expectedStatus = 200): Promise<void> {
  const response = await page.goto(path);
  expect(response?.status(), path).toBe(expectedStatus);
  await page.waitForLoadState("networkidle");
}

test("Every kind of public page runs under the Content-Security-Policy with no violation and no console error", async ({ page }) => {
  test.slow();
  const problems = await watchForProblems(page);

  // The timeline drawn by react-chrono: its scripts ran, its cards and styles applied.
  await visit(page, "/");
  const visual = page.getByTestId("visual-timeline");
  await expect(visual).toBeVisible();
  await expect(visual.getByRole("link").first()).toBeVisible();
  // The list view: client-side state in the URL, so the app's own JavaScript ran.
  await page.getByRole("button", { name: "List" }).click();
  await expect(page).toHaveURL(/view=list/);
  await expect(page.locator("#results-list")).toBeVisible();
  await page.getByRole("button", { name: "Timeline" }).click();
  await expect(visual).toBeVisible();

  await visit(page, "/?view=list&q=expedited");
  await expect(page.locator("#results-list mark").first()).toBeVisible();

  for (const path of ["/filings/wa-v-us-2018-dkt-15", "/lawsuits", "/lawsuits/washington-v-united-states-2018", "/states", "/states/NM", "/insights", "/insights/coalitions", "/api", "/about"]) {
    await visit(page, path);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  }
  // A client-side navigation fetches the next page's payload under the same policy.
  await page.getByRole("navigation", { name: "Sections" }).getByRole("link", { name: "Lawsuits" }).click();
  await expect(page).toHaveURL(/\/lawsuits$/);
  await page.waitForLoadState("networkidle");

  // The 404 page too; the browser reports the 404 status itself as a console error.
  await visit(page, "/no-such-page", 404);
  await expect(page.getByRole("heading", { level: 1, name: "Page not found" })).toBeVisible();

  const unexpected = problems.filter((problem) => !/Failed to load resource: the server responded with a status of 404/.test(problem));
  expect(unexpected).toEqual([]);
});

test("The Content-Security-Policy is enforced: markup injected into a page's HTML does not run, the page's own scripts do", async ({ page }) => {
  const problems = await watchForProblems(page);
  // Stands in for a stored XSS: an inline script and an inline event handler in the HTML
  // the server sent, under the policy it sent with it.
  await page.route("**/about", async (route) => {
    const response = await route.fetch();
    const html = (await response.text()).replace(
      "<main",
      `<script>window.__injected = "script"</script><img alt="" src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" onload="window.__injected = 'handler'" onerror="window.__injected = 'handler'"><main`,
    );
    await route.fulfill({ response, body: html });
  });
  await visit(page, "/about");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  expect(await page.evaluate(() => (window as unknown as { __injected?: string }).__injected)).toBeUndefined();
  // Next.js's runtime, allowed by its hashes, did start.
  expect(await page.evaluate(() => typeof (window as unknown as { next?: unknown }).next)).toBe("object");
  const violations = problems.filter((problem) => problem.includes("CSP violation"));
  expect(violations.some((v) => v.includes("script-src-elem")), violations.join("\n")).toBe(true);
  expect(violations.some((v) => v.includes("script-src-attr")), violations.join("\n")).toBe(true);
});

function expectCommonHeaders(response: APIResponse, what: string): string {
  const headers = response.headers();
  expect(headers["x-content-type-options"], what).toBe("nosniff");
  expect(headers["referrer-policy"], what).toBe("strict-origin-when-cross-origin");
  expect(headers["x-frame-options"], what).toBe("DENY");
  for (const feature of ["camera", "microphone", "geolocation", "payment", "usb", "interest-cohort", "browsing-topics"]) {
    expect(headers["permissions-policy"], `${what}: ${feature}`).toContain(`${feature}=()`);
  }
  const policy = headers["content-security-policy"];
  expect(policy, what).toBeTruthy();
  // One policy, not two stacked ones (which a browser would intersect).
  expect(response.headersArray().filter((header) => header.name.toLowerCase() === "content-security-policy"), what).toHaveLength(1);
  for (const directive of ["frame-ancestors 'none'", "object-src 'none'", "base-uri 'self'", "form-action 'self'"]) {
    expect(policy, `${what}: ${directive}`).toContain(directive);
  }
  return policy;
}

test("Public pages, shared from the response cache, allow exactly their own inline scripts by hash, and no other inline script", async ({ request }) => {
  for (const [path, status] of [
    ["/", 200],
    ["/filings/wa-v-us-2018-dkt-15", 200],
    ["/api", 200],
    ["/no-such-page", 404],
  ] as const) {
    // Twice: the render that fills the cache and a reader served from it say the same.
    for (const round of ["first", "cached"]) {
      const response = await request.get(path);
      const what = `${path} (${round})`;
      expect(response.status(), what).toBe(status);
      const policy = expectCommonHeaders(response, what);
      const scriptSources = /(?:^|; )script-src ([^;]*)/.exec(policy)?.[1].split(" ") ?? [];
      expect(scriptSources[0], what).toBe("'self'");
      for (const source of scriptSources.slice(1)) expect(source, what).toMatch(/^'sha256-[A-Za-z0-9+/]+={0,2}'$/);
      expect(scriptSources, what).not.toContain("'unsafe-inline'");
      expect(policy, what).not.toContain("'unsafe-eval'");
      expect(policy, what).not.toContain("'nonce-");
      expect(policy, what).not.toContain("upgrade-insecure-requests");

      // Every inline script of the page is allowed by its hash; script files come from this site.
      const html = await response.text();
      const inline = Array.from(html.matchAll(/<script\b(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script/gi), (match) => match[1]);
      expect(inline.length, what).toBeGreaterThan(0);
      for (const text of inline) {
        expect(scriptSources, `${what}: ${text.slice(0, 60)}`).toContain(`'sha256-${createHash("sha256").update(text, "utf8").digest("base64")}'`);
      }
      const files = Array.from(html.matchAll(/<script\b[^>]*\bsrc="([^"]+)"/g), (match) => match[1]);
      expect(files.filter((src) => !src.startsWith("/_next/static/")), what).toEqual([]);
      expect(html, what).not.toContain(" nonce=");
    }
  }
});

test("Staff pages, never shared, carry a nonce policy whose nonce is on every script and new for each request", async ({ request }) => {
  const path = "/staff/sign-in";
  const first = await request.get(path);
  expect(first.status(), path).toBe(200);
  expect(first.headers()["x-docketline-cache"], path).toBeUndefined();
  const policy = expectCommonHeaders(first, path);
  const nonce = /script-src 'self' 'nonce-([A-Za-z0-9+/]+={0,2})' 'strict-dynamic'(;|$)/.exec(policy)?.[1];
  expect(nonce, `${path}: ${policy}`).toBeTruthy();
  expect(policy, path).not.toContain("'unsafe-eval'");
  expect(policy, path).toContain(`style-src-elem 'self' 'nonce-${nonce}'`);
  expect(policy, path).toContain("img-src 'self' data: blob:");
  expect(policy, path).toContain("connect-src 'self'");
  // Served over plain HTTP here: upgrading would break the page.
  expect(policy, path).not.toContain("upgrade-insecure-requests");

  const html = await first.text();
  const scripts = html.match(/<script\b[^>]*>/g) ?? [];
  expect(scripts.length, path).toBeGreaterThan(0);
  expect(scripts.filter((tag) => !tag.includes(` nonce="${nonce}"`)), path).toEqual([]);

  const second = await request.get(path);
  expect(second.headers()["content-security-policy"], path).not.toContain(nonce);
});

test("The API, exports, feeds, the calendar, sitemaps, static files and an API 404 carry the headers and a policy under which nothing runs", async ({ request }) => {
  const page = await (await request.get("/")).text();
  const staticScript = /<script[^>]+src="(\/_next\/static\/[^"]+\.js)"/.exec(page)?.[1];
  const stylesheet = /<link[^>]+rel="stylesheet"[^>]+href="(\/_next\/static\/[^"]+\.css)"/.exec(page)?.[1];
  expect(staticScript).toBeTruthy();
  expect(stylesheet).toBeTruthy();
  for (const [path, status] of [
    ["/api/v1/filings", 200],
    ["/api/v1/filings/wa-v-us-2018-dkt-15", 200],
    ["/api/v1/openapi.json", 200],
    ["/export/filings.csv", 200],
    ["/export/dataset.json", 200],
    ["/feed.xml", 200],
    ["/calendar.ics", 200],
    ["/sitemap.xml", 200],
    ["/robots.txt", 200],
    ["/filings/wa-v-us-2018-dkt-15/cite.bib", 200],
    [staticScript!, 200],
    [stylesheet!, 200],
    ["/api/v1/filings/no-such-filing", 404],
    ["/api/v1/no-such-endpoint", 404],
  ] as const) {
    const response = await request.get(path);
    expect(response.status(), path).toBe(status);
    const policy = expectCommonHeaders(response, path);
    expect(policy, path).toContain("script-src 'none'");
  }
});

/** The server actions of this build; none at all is only acceptable while no source declares one. */
function actionsOfThisBuild(): ServerAction[] {
  const actions = listServerActions();
  const declared = listUseServerFiles();
  expect(actions.length === 0 && declared.length > 0, `"use server" in ${declared.join(", ")} but no action in the build`).toBe(false);
  return actions;
}

test("A server action posted from another site is refused before it runs, and nothing changes", async ({ request }) => {
  const actions = actionsOfThisBuild();
  test.skip(actions.length === 0, "This build has no server actions yet.");
  const before = await snapshotDatabase();
  for (const action of actions) {
    const label = `${action.exportedName} (${action.file}, ${action.id}) at ${action.pagePath}`;
    // As the client router would send it, but from another origin.
    const fetched = await describeActionResponse(await postActionAsFetch(request, action, ["x", {}], { origin: EVIL_ORIGIN }));
    // proxy.ts answers 403 before the action (and its own sign-in check) runs.
    expect(fetched, label).toMatchObject({ outcome: "refused", status: 403 });
    // As a form on another site would post it, without JavaScript.
    const posted = await describeActionResponse(await postActionAsForm(request, action, { email: "x@evil.example", password: "x" }, { origin: EVIL_ORIGIN }));
    expect(posted, label).toMatchObject({ outcome: "refused", status: 403 });
  }
  expect(changedTables(before, await snapshotDatabase())).toEqual([]);
});

test("A form on another site that submits to a server action is refused by the app", async ({ page, baseURL }) => {
  const actions = actionsOfThisBuild();
  test.skip(actions.length === 0, "This build has no server actions yet.");
  const action = actions[0];
  const target = new URL(action.pagePath, baseURL).href;
  // The attacker's page, served by the test in place of a real site: it posts itself on load.
  await page.route(`${EVIL_ORIGIN}/**`, (route) =>
    route.fulfill({
      contentType: "text/html",
      body: `<!doctype html><form method="post" action="${target}" enctype="multipart/form-data">
        <input type="hidden" name="$ACTION_ID_${action.id}" value=""><input name="email" value="x@evil.example"></form>
        <script>document.forms[0].submit()</script>`,
    }),
  );
  const before = await snapshotDatabase();
  const [response] = await Promise.all([
    page.waitForResponse((response) => response.url() === target && response.request().method() === "POST"),
    page.goto(`${EVIL_ORIGIN}/attack`),
  ]);
  expect(response.request().headers()["origin"]).toBe(EVIL_ORIGIN);
  expect(response.status(), `${action.exportedName} at ${action.pagePath}`).toBe(403);
  await expect(page.getByRole("heading", { name: "Refused: sent from another site" })).toBeVisible();
  expect(changedTables(before, await snapshotDatabase())).toEqual([]);
});

test("An action id the build does not have gets a 4xx, by fetch and as a form, and nothing changes", async ({ request, baseURL }) => {
  const actions = actionsOfThisBuild();
  test.skip(actions.length === 0, "This build has no server actions yet.");
  const origin = new URL(baseURL!).origin;
  // The shape of a real id (the first two characters say how it is called), but no action's.
  const unknown: ServerAction = { ...actions[0], id: `${actions[0].id.slice(0, 2)}${"0".repeat(actions[0].id.length - 2)}`, exportedName: "(none)" };
  expect(actions.map((a) => a.id)).not.toContain(unknown.id);
  const before = await snapshotDatabase();
  for (const id of [unknown.id, "not-an-action-id"]) {
    const fetched = await postActionAsFetch(request, { ...unknown, id }, [], { origin });
    expect(fetched.status(), `fetch ${id}`).toBeGreaterThanOrEqual(400);
    expect(fetched.status(), `fetch ${id}`).toBeLessThan(500);
    const posted = await postActionAsForm(request, { ...unknown, id }, { email: "x@example.org" }, { origin });
    expect(posted.status(), `form ${id}`).toBeGreaterThanOrEqual(400);
    expect(posted.status(), `form ${id}`).toBeLessThan(500);
  }
  expect(changedTables(before, await snapshotDatabase())).toEqual([]);
});

test("A request no server action could be sent gets a 400 that says why, whatever the page, and nothing changes", async ({ request, baseURL }) => {
  const actions = actionsOfThisBuild();
  test.skip(actions.length === 0, "This build has no server actions yet.");
  const origin = new URL(baseURL!).origin;
  const action = actions[0];
  const before = await snapshotDatabase();
  const asAction = { "next-action": action.id, origin };
  const cases: { what: string; path?: string; headers: Record<string, string>; data: string; says: RegExp }[] = [
    { what: "arguments that are not JSON", headers: { ...asAction, "content-type": "text/plain;charset=UTF-8" }, data: "{{{", says: /not JSON/ },
    { what: "arguments that are not an array", headers: { ...asAction, "content-type": "text/plain;charset=UTF-8" }, data: '"x"', says: /JSON array/ },
    { what: "a reference to a part the request lacks", headers: { ...asAction, "content-type": "text/plain;charset=UTF-8" }, data: '["$1"]', says: /does not have/ },
    { what: "a form that is not multipart", headers: { ...asAction, "content-type": "multipart/form-data; boundary=xyz" }, data: "garbage", says: /multipart/ },
    { what: "a no-JavaScript form that is not multipart", headers: { origin, "content-type": "multipart/form-data; boundary=xyz" }, data: "garbage", says: /multipart/ },
    // A page's route takes an id with a dot in it as well: the checks run there too.
    { what: "arguments that are not JSON, to a path with a dot", path: "/filings/a.b", headers: { ...asAction, "content-type": "text/plain;charset=UTF-8" }, data: "{{{", says: /not JSON/ },
  ];
  for (const { what, path, headers, data, says } of cases) {
    const response = await request.post(path ?? action.pagePath, { headers, data, failOnStatusCode: false, maxRedirects: 0 });
    expect(response.status(), what).toBe(400);
    expect(await response.text(), what).toMatch(says);
  }
  // From another site, the path with a dot is refused like any other.
  const forged = await request.post("/filings/a.b", { headers: { ...asAction, origin: EVIL_ORIGIN, "content-type": "text/plain;charset=UTF-8" }, data: "[]", failOnStatusCode: false, maxRedirects: 0 });
  expect(forged.status()).toBe(403);
  expect(changedTables(before, await snapshotDatabase())).toEqual([]);
});
