// Every way to change data, found from the build rather than listed by hand, refuses a
// caller who is not signed in, and changes nothing (docs/decisions/007). A new server
// action or route handler is covered the day it is added; one that forgets its
// requireStaff() fails here.
import { expect, test, type BrowserContext } from "@playwright/test";

import { clientAddress, createStaffUser, fillSignIn, type StaffUser } from "./support/staff";
import {
  changedTables,
  describeActionResponse,
  disableAccountKeepingSessions,
  listRouteHandlers,
  listServerActions,
  listUseServerFiles,
  postActionAsFetch,
  postActionAsForm,
  snapshotDatabase,
  type ServerAction,
} from "./support/write-paths";

// The actions anyone may call, by exported name, with the tables each may write when
// it refuses. Nothing else may be here without a reason as good.
const ANONYMOUS_ACTIONS: Record<string, { mayWrite: string[]; page: string }> = {
  // Signing in is how one stops being anonymous (lib/auth/actions.ts). Refused, it
  // still records the failure that the lockout counts, and nothing else.
  signIn: { mayWrite: ["login_attempt"], page: "/staff/sign-in" },
};

// Route handlers that accept more than GET, by file, each with a URL to probe. Each must
// refuse requests from other origins (better-auth's own HTTP handler is not mounted:
// sign-in is a server action).
const WRITING_ROUTE_HANDLERS: Record<string, { probe: string }> = {
  // The dataset upload: a route, not an action, so that it checks the origin and the
  // session before it reads a body of up to 20 MB (lib/editing/upload-request.ts).
  "app/(staff)/staff/upload/file/route.ts": { probe: "/staff/upload/file" },
};

const WRITE_METHODS = ["POST", "PUT", "PATCH", "DELETE"] as const;

const EVIL_ORIGIN = "http://evil.example";

// What a script might send an action: nothing, or a string and an object where a
// form's state and data would go.
const ARGUMENT_SETS: unknown[][] = [[], ["x", {}]];

test.describe.configure({ mode: "serial" });

/** Signs in through the sign-in page; hashing the password can take a while on a busy machine. */
async function signInSlowly(context: BrowserContext, user: StaffUser): Promise<void> {
  const page = await context.newPage();
  await page.goto("/staff/sign-in");
  await fillSignIn(page, user);
  await expect(page).not.toHaveURL(/\/staff\/sign-in/, { timeout: 30_000 });
}

let actions: ServerAction[];

test.beforeAll(() => {
  actions = listServerActions();
});

test("The build's server actions are all listed, and a source that declares one cannot leave the list empty", async () => {
  const declared = listUseServerFiles();
  await test.info().attach("server-actions.txt", {
    contentType: "text/plain",
    body: [`${actions.length} server actions in the build; "use server" in ${declared.join(", ") || "no file"}`, ...actions.map((a) => `${a.id}  ${a.exportedName}  ${a.file}  (posted to ${a.pagePath})`)].join("\n"),
  });
  if (declared.length > 0) expect(actions.length, `"use server" in ${declared.join(", ")}, yet the build has no action`).toBeGreaterThan(0);
  // Every action the build knows comes from a file that says "use server".
  for (const action of actions) expect(action.file, `${action.exportedName} (${action.id})`).not.toBe("(unknown file)");
  // An allowlisted name that no longer exists is a stale exception: remove it.
  for (const name of Object.keys(ANONYMOUS_ACTIONS)) {
    expect(
      actions.some((a) => a.exportedName === name),
      `${name} is allowed anonymously but is not in the build`,
    ).toBe(true);
  }
});

test("Every server action refuses a caller who is not signed in, and nothing changes", async ({ request, baseURL }) => {
  test.slow();
  const origin = new URL(baseURL!).origin;
  const guarded = actions.filter((action) => !(action.exportedName in ANONYMOUS_ACTIONS));
  for (const action of guarded) {
    const label = `${action.exportedName} in ${action.file} (${action.id}) at ${action.pagePath}`;
    const before = await snapshotDatabase();
    for (const args of ARGUMENT_SETS) {
      const result = await describeActionResponse(await postActionAsFetch(request, action, args, { origin }));
      expect(["redirected to sign-in", "refused"], `${label} with ${JSON.stringify(args)}: ${result.detail}`).toContain(result.outcome);
      expect(result.status, `${label} with ${JSON.stringify(args)}`).toBeLessThan(500);
    }
    // The same action as a form posts it without JavaScript.
    const posted = await describeActionResponse(await postActionAsForm(request, action, { id: "x", title: "x" }, { origin }));
    expect(["redirected to sign-in", "refused"], `${label} as a form: ${posted.detail}`).toContain(posted.outcome);
    expect(posted.status, `${label} as a form`).toBeLessThan(500);
    expect(changedTables(before, await snapshotDatabase()), label).toEqual([]);
  }
});

test("Signing in with a wrong password starts no session and changes nothing but the count of failures", async ({ request, baseURL }) => {
  const origin = new URL(baseURL!).origin;
  for (const [name, { mayWrite, page }] of Object.entries(ANONYMOUS_ACTIONS)) {
    const action = actions.find((a) => a.exportedName === name);
    expect(action, `${name} is in the build`).toBeDefined();
    const before = await snapshotDatabase();
    for (const args of ARGUMENT_SETS) {
      // No form: nothing to sign in with, and a 404 (lib/security/posted-form.ts), where reading it was a 500.
      const result = await describeActionResponse(await postActionAsFetch(request, action!, args, { origin }));
      expect(result, `${name} with ${JSON.stringify(args)}: ${result.detail}`).toMatchObject({ outcome: "refused", status: 404 });
    }
    // A unique address: no real account, and no lock shared with other tests.
    const email = `nobody-${Date.now()}-${Math.random().toString(36).slice(2)}@example.org`;
    // An address of its own too, so that this failure counts toward no other test's lockout.
    // To its own page, as a browser without JavaScript would post its form had it no state to carry.
    const response = await postActionAsForm(request, { ...action!, pagePath: page }, { email, password: "not the password, surely" }, { origin, headers: { "x-forwarded-for": clientAddress() } });
    const cookies = response.headersArray().filter((header) => header.name.toLowerCase() === "set-cookie");
    expect(cookies.filter((cookie) => /session/i.test(cookie.value)), name).toEqual([]);
    // Posted as a plain form, the action gets the form alone and runs: its page again.
    expect(await describeActionResponse(response), name).toMatchObject({ outcome: "succeeded", status: 200 });
    const after = await snapshotDatabase();
    expect(changedTables(before, after, mayWrite), name).toEqual([]);
    // It ran: the failure was counted.
    expect(changedTables(before, after).map((change) => change.split(":")[0]), name).toEqual(mayWrite);
  }
});

test("Route handlers answer only reads, except the allowlisted ones, which refuse other origins", async ({ request, baseURL }) => {
  const origin = new URL(baseURL!).origin;
  const handlers = listRouteHandlers();
  expect(handlers.length).toBeGreaterThan(0);
  const before = await snapshotDatabase();
  for (const { file, urlPath } of handlers) {
    const allowed = WRITING_ROUTE_HANDLERS[file];
    if (!allowed) {
      // Asked over HTTP rather than read from the source: the API exports POST and the
      // rest on purpose, as its own 405 (lib/api/handler.ts), and a handler could be
      // exported in any number of ways.
      for (const method of WRITE_METHODS) {
        const response = await request.fetch(urlPath, { method, headers: { origin }, data: "{}", failOnStatusCode: false, maxRedirects: 0 });
        expect(response.status(), `${method} ${urlPath} (${file})`).toBe(405);
      }
    } else {
      const response = await request.fetch(allowed.probe, { method: "POST", headers: { origin: "https://evil.example", "content-type": "application/json" }, data: "{}", failOnStatusCode: false, maxRedirects: 0 });
      expect(response.status(), `cross-origin POST ${allowed.probe} (${file})`).toBe(403);
    }
  }
  expect(changedTables(before, await snapshotDatabase())).toEqual([]);
  // An allowlisted file that is gone is a stale exception.
  for (const file of Object.keys(WRITING_ROUTE_HANDLERS)) expect(handlers.map((h) => h.file), file).toContain(file);
});

test("A signed-in admin's session cannot be used from another site: every server action is refused before it runs, and nothing changes", async ({ browser }) => {
  test.slow();
  const admin = await createStaffUser({ role: "admin" });
  const context = await browser.newContext();
  try {
    await signInSlowly(context, admin);
    // The session works: the staff area opens for it.
    const home = await context.request.get("/staff", { maxRedirects: 0 });
    expect(home.status()).toBe(200);
    const before = await snapshotDatabase();
    for (const action of actions) {
      const label = `${action.exportedName} in ${action.file} at ${action.pagePath}`;
      // The admin's cookies go along (an API request context ignores SameSite), so only the origin check stands in the way.
      const fetched = await describeActionResponse(await postActionAsFetch(context.request, action, ["x", {}], { origin: EVIL_ORIGIN }));
      expect(fetched, label).toMatchObject({ outcome: "refused", status: 403 });
      const posted = await describeActionResponse(await postActionAsForm(context.request, action, { id: "x", email: "x@evil.example", role: "admin" }, { origin: EVIL_ORIGIN }));
      expect(posted, `${label} as a form: ${posted.detail}`).toMatchObject({ outcome: "refused", status: 403 });
    }
    expect(changedTables(before, await snapshotDatabase())).toEqual([]);
  } finally {
    await context.close();
  }
});

test("A signed-in admin's own page calling any action with arguments no form of the app sends, or as a plain form without JavaScript, gets no 500, and nothing changes", async ({ browser, baseURL }) => {
  test.slow();
  const origin = new URL(baseURL!).origin;
  const admin = await createStaffUser({ role: "admin" });
  const context = await browser.newContext();
  try {
    await signInSlowly(context, admin);
    const before = await snapshotDatabase();
    // Signing out would end the session this test needs (and change the session table).
    for (const action of actions.filter((a) => a.exportedName !== "signOut")) {
      const label = `${action.exportedName} in ${action.file} at ${action.pagePath}`;
      for (const args of ARGUMENT_SETS) {
        const result = await describeActionResponse(await postActionAsFetch(context.request, action, args, { origin }));
        expect(result.status, `${label} with ${JSON.stringify(args)}: ${result.detail}`).toBeLessThan(500);
      }
      // Fields no action takes: each form action reads its form and finds its fields missing.
      const posted = await describeActionResponse(await postActionAsForm(context.request, action, { id: "x", title: "x" }, { origin }));
      expect(posted.status, `${label} as a form: ${posted.detail}`).toBeLessThan(500);
      expect(posted.outcome, `${label} as a form: ${posted.detail}`).not.toBe("redirected to sign-in");
    }
    expect(changedTables(before, await snapshotDatabase())).toEqual([]);
    // The session still works.
    expect((await context.request.get("/staff", { maxRedirects: 0 })).status()).toBe(200);
  } finally {
    await context.close();
  }
});

test("A disabled account's session, even one that outlived the disabling, can call no server action, and nothing changes", async ({ browser, baseURL }) => {
  test.slow();
  const origin = new URL(baseURL!).origin;
  const editor = await createStaffUser({ role: "editor" });
  const context = await browser.newContext();
  try {
    await signInSlowly(context, editor);
    expect((await context.request.get("/staff", { maxRedirects: 0 })).status()).toBe(200);
    expect(await disableAccountKeepingSessions(editor.email)).toBeGreaterThan(0);
    const before = await snapshotDatabase();
    for (const action of actions.filter((a) => !(a.exportedName in ANONYMOUS_ACTIONS))) {
      const label = `${action.exportedName} in ${action.file} at ${action.pagePath}`;
      for (const args of ARGUMENT_SETS) {
        const result = await describeActionResponse(await postActionAsFetch(context.request, action, args, { origin }));
        expect(["redirected to sign-in", "refused"], `${label} with ${JSON.stringify(args)}: ${result.detail}`).toContain(result.outcome);
      }
      const posted = await describeActionResponse(await postActionAsForm(context.request, action, { id: "x", title: "x" }, { origin }));
      expect(["redirected to sign-in", "refused"], `${label} as a form: ${posted.detail}`).toContain(posted.outcome);
    }
    const after = await snapshotDatabase();
    // Meeting a disabled account's session may end it (better-auth deletes it); nothing else may change.
    expect(changedTables(before, after, ["session"])).toEqual([]);
    expect(after.session.rows).toBeLessThanOrEqual(before.session.rows);
    // And the staff pages are closed to it too.
    const home = await context.request.get("/staff", { maxRedirects: 0 });
    expect([303, 307]).toContain(home.status());
    expect(home.headers()["location"]).toMatch(/\/staff\/sign-in/);
  } finally {
    await context.close();
  }
});
