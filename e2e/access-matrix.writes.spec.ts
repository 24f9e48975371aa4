// The access-control matrix (issue 10): every route and every server action, for every
// kind of caller (nobody, a disabled account's surviving session, an editor, an admin),
// read and write, against the running app, each held to its one rule in
// e2e/support/access-rules.ts. Routes are found by walking app/ and actions from the
// build and the "use server" files: one added without a rule fails here.
import { readFileSync } from "node:fs";

import { expect, request as playwrightRequest, test } from "@playwright/test";

import { SIGN_IN_PAGE, signInPath, STAFF_HOME } from "../lib/auth/next-path";

import { ACTION_RULES, CALLERS, expectedAnswer, ROUTE_RULES, type ActionArguments, type Answer, type Caller, type SampleIds } from "./support/access-rules";
import { createStaffUser } from "./support/staff";
import { callServerAction, createAccountOverHttp, serverAction, signInOverHttp } from "./support/staff-client";
import { changedTables, disableAccountKeepingSessions, exportedFunctions, listRouteFiles, listServerActions, listUseServerFiles, snapshotDatabase } from "./support/write-paths";

const FOUNDING_DATASET = "prisma/data/family-separation-2018.json";

test.describe.configure({ mode: "serial" });

let origin: string;
let ids: SampleIds;
/** The Cookie header each caller sends (none for the anonymous one). */
const cookies: Partial<Record<Caller, string>> = {};

/** What a response to a GET amounts to, in the rules' terms ("missing" for a 404). */
function observedPage(status: number, location: string | undefined): Answer | "missing" | string {
  if (status === 200) return "ok";
  if (status === 404) return "missing";
  if (status === 403) return "forbidden";
  if (status >= 300 && status < 400 && location) {
    const { pathname } = new URL(location, "http://app.invalid");
    if (pathname === SIGN_IN_PAGE) return "sign-in";
    if (pathname === STAFF_HOME) return "staff-home";
  }
  return `HTTP ${status}${location ? ` → ${location}` : ""}`;
}

function argumentsFor(kind: ActionArguments): unknown[] {
  if (kind === "form") return [{}, new FormData()];
  if (kind === "payload") return [{}];
  return [];
}

test.beforeAll(async ({ baseURL }) => {
  test.setTimeout(180_000);
  origin = new URL(baseURL!).origin;
  const admin = await createStaffUser({ role: "admin" });
  const adminSession = await signInOverHttp(origin, admin);
  const run = `${Date.now().toString(36)}-${process.pid}`;
  const account = (kind: string) => ({ name: `Matrix ${kind} ${run}`, email: `matrix-${kind}-${run}@example.org`, role: "editor" as const, password: `access matrix ${run} ${kind} passphrase` });
  const editor = account("editor");
  const disabled = account("disabled");
  await Promise.all([createAccountOverHttp(adminSession, editor), createAccountOverHttp(adminSession, disabled)]);
  const [editorSession, disabledSession] = await Promise.all([signInOverHttp(origin, editor), signInOverHttp(origin, disabled)]);
  // Disabled after signing in, its session kept: the app must refuse it all the same.
  expect(await disableAccountKeepingSessions(disabled.email)).toBeGreaterThan(0);
  cookies.admin = adminSession.cookie;
  cookies.editor = editorSession.cookie;
  cookies.disabled = disabledSession.cookie;

  const first = async (path: string) => ((await (await fetch(new URL(path, origin))).json()) as { data: { id: string }[] }).data[0].id;
  const seed = JSON.parse(readFileSync(FOUNDING_DATASET, "utf8")) as { courts: { id: string }[]; officials: { id: string }[] };
  ids = { filing: await first("/api/v1/filings?limit=1"), lawsuit: await first("/api/v1/lawsuits"), court: seed.courts[0].id, official: seed.officials[0].id };
});

test("Every route and every server action has exactly one rule, and every rule still has its route or action", async () => {
  const routes = listRouteFiles();
  expect(routes.length).toBeGreaterThan(0);
  expect(routes.filter((file) => !(file in ROUTE_RULES)), "routes without a rule in e2e/support/access-rules.ts").toEqual([]);
  expect(Object.keys(ROUTE_RULES).filter((file) => !routes.includes(file)), "rules for routes that are gone").toEqual([]);

  // From the build, and from the sources (an action not yet built counts too).
  const built = listServerActions().map((action) => action.exportedName);
  const declared = listUseServerFiles().flatMap(exportedFunctions);
  expect(built.length).toBeGreaterThan(0);
  const actions = [...new Set([...built, ...declared])];
  expect(actions.filter((name) => !(name in ACTION_RULES)), "server actions without a rule in e2e/support/access-rules.ts").toEqual([]);
  expect(Object.keys(ACTION_RULES).filter((name) => !actions.includes(name)), "rules for actions that are gone").toEqual([]);
});

test("Every route answers every kind of caller as its rule says: reads get the page, the sign-in page or a 403; writes to route handlers get a 405", async ({ baseURL }) => {
  test.setTimeout(240_000);
  const mismatches: string[] = [];
  let requests = 0;
  for (const caller of CALLERS) {
    const cookie = cookies[caller];
    const context = await playwrightRequest.newContext({ baseURL, extraHTTPHeaders: cookie ? { cookie } : {} });
    try {
      for (const [file, rule] of Object.entries(ROUTE_RULES)) {
        const path = rule.path(ids);
        const expected = expectedAnswer(rule.access, caller);
        if (rule.method === "POST") {
          // The upload checks the session before the form, and names what the form lacks (lib/editing/upload-request.ts).
          const response = await context.post(path, { multipart: { publication: "draft" }, headers: { origin }, maxRedirects: 0, failOnStatusCode: false });
          requests++;
          const got = response.status() === 422 ? "ok" : observedPage(response.status(), response.headers()["location"]);
          if (got !== expected) mismatches.push(`${caller} POST ${path} (${file}): expected ${expected}, got ${got}`);
          continue;
        }
        const want = expected === "ok" && rule.absent ? "missing" : expected;
        const response = await context.get(path, { maxRedirects: 0, failOnStatusCode: false });
        requests++;
        const got = observedPage(response.status(), response.headers()["location"]);
        if (got !== want) mismatches.push(`${caller} GET ${path} (${file}): expected ${want}, got ${got}`);
        // The sign-in page must lead back to where the caller was going.
        if (got === "sign-in") {
          const location = new URL(response.headers()["location"]!, "http://app.invalid");
          if (`${location.pathname}${location.search}` !== signInPath(path)) mismatches.push(`${caller} GET ${path}: the sign-in redirect ${location.pathname}${location.search} does not lead back`);
        }
        // Route handlers take no writes from anyone (pages are written through server actions, below).
        if (/\/route\.ts$/.test(file)) {
          const write = await context.post(path, { data: "{}", headers: { origin }, maxRedirects: 0, failOnStatusCode: false });
          requests++;
          if (write.status() !== 405) mismatches.push(`${caller} POST ${path} (${file}): expected 405, got ${write.status()}`);
        }
      }
    } finally {
      await context.dispose();
    }
  }
  await test.info().attach("requests.txt", { contentType: "text/plain", body: `${requests} requests` });
  expect(mismatches).toEqual([]);
});

test("Every server action answers every kind of caller as its rule says, and whoever calls it with an empty form, nothing changes", async () => {
  test.setTimeout(240_000);
  const mismatches: string[] = [];
  const before = await snapshotDatabase();
  for (const caller of CALLERS) {
    for (const [name, rule] of Object.entries(ACTION_RULES)) {
      if (rule.skip?.callers.includes(caller)) continue;
      const want = expectedAnswer(rule.access, caller, rule.permitted);
      const answer = await callServerAction(origin, serverAction(name), argumentsFor(rule.args), { cookie: cookies[caller] });
      const got =
        answer.redirect !== undefined
          ? new URL(answer.redirect, "http://app.invalid").pathname === SIGN_IN_PAGE
            ? "sign-in"
            : `redirect to ${answer.redirect}`
          : answer.status === 403
            ? "forbidden"
            : answer.status === 200
              ? "ok"
              : `HTTP ${answer.status}`;
      if (got !== want) mismatches.push(`${caller} ${name}: expected ${want}, got ${got}`);
    }
  }
  expect(mismatches).toEqual([]);
  // A disabled account's session may be ended when met (better-auth deletes it); nothing else may change.
  expect(changedTables(before, await snapshotDatabase(), ["session"])).toEqual([]);
  // And the disabled account's session opens nothing afterwards either.
  const context = await playwrightRequest.newContext({ baseURL: origin, extraHTTPHeaders: { cookie: cookies.disabled! } });
  const home = await context.get("/staff", { maxRedirects: 0 });
  expect(observedPage(home.status(), home.headers()["location"])).toBe("sign-in");
  await context.dispose();
});
