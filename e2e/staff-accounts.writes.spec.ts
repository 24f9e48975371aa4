// Staff accounts in a real browser: signing in and out, what each role may reach, the
// admin's users page, and the lockout. Every test makes its own accounts through the
// CLI (e2e/support/staff.ts). Browsers that fail sign-ins on purpose come from an
// address of their own, so that the loopback address the other specs share stays unlocked.
import { expect as baseExpect, test, type Browser, type Page } from "@playwright/test";

import { expectNoSeriousAxeViolations } from "./support/axe";
import { clientAddress, createStaffUser, fillSignIn, signIn } from "./support/staff";

// Each test creates accounts through the CLI and signs in with scrypt-hashed passwords:
// generous limits, for a busy machine.
test.describe.configure({ timeout: 180_000 });
const expect = baseExpect.configure({ timeout: 20_000 });

const SIGN_IN = /\/staff\/sign-in(\?|$)/;

/** The sign-in form's own alert (Next.js has a route announcer with the same role). */
const signInAlert = (page: Page) => page.locator("main form").getByRole("alert");


function contextFromOwnAddress(browser: Browser) {
  return browser.newContext({ extraHTTPHeaders: { "X-Forwarded-For": clientAddress() } });
}

test("A staff member signs in, sees who they are, and signs out, which ends the session", async ({ page, context }) => {
  const editor = await createStaffUser({ role: "editor", name: "Edith Editor" });
  await page.goto("/staff/sign-in");
  await expect(page).toHaveTitle("Staff sign-in · Docketline");
  await expect(page.locator('meta[name="robots"]')).toHaveAttribute("content", /noindex/);
  await expect(page.getByLabel("E-mail address")).toHaveAttribute("autocomplete", "username");
  await expect(page.getByLabel("Password", { exact: true })).toHaveAttribute("autocomplete", "current-password");

  await fillSignIn(page, editor);
  await expect(page).toHaveURL(/\/staff$/);
  const header = page.getByRole("banner");
  await expect(header).toContainText("Signed in as Edith Editor (editor)");
  const nav = page.getByRole("navigation", { name: "Staff sections" });
  for (const section of ["Dashboard", "Filings", "Lawsuits", "Officials", "Courts", "Upload"]) await expect(nav.getByRole("link", { name: section })).toBeVisible();
  await expect(nav.getByRole("link", { name: "Users" })).toHaveCount(0);
  await expect(header.getByRole("link", { name: "View public site" })).toHaveAttribute("href", "/");

  // Signed in, the sign-in page leads on to the staff pages.
  await page.goto("/staff/sign-in");
  await expect(page).toHaveURL(/\/staff$/);

  const cookies = await context.cookies();
  expect(cookies.find((c) => c.name.endsWith("session_token"))).toMatchObject({ httpOnly: true, sameSite: "Lax" });
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(SIGN_IN);
  await page.goto("/staff");
  await expect(page).toHaveURL(SIGN_IN);

  // The old cookie, put back, opens nothing: signing out deleted the session itself.
  await context.addCookies(cookies);
  await page.goto("/staff");
  await expect(page).toHaveURL(SIGN_IN);
});

test("A wrong password is refused with a message, and the e-mail address stays filled in", async ({ browser }) => {
  const editor = await createStaffUser();
  const context = await contextFromOwnAddress(browser);
  const page = await context.newPage();
  await page.goto("/staff/sign-in");
  await fillSignIn(page, { email: editor.email, password: "not the password at all" });
  await expect(signInAlert(page)).toHaveText("The e-mail address or the password is wrong.");
  await expect(page).toHaveURL(SIGN_IN);
  await expect(page.getByLabel("E-mail address")).toHaveValue(editor.email);
  await expect(page.getByRole("banner")).not.toContainText("Signed in as");
  await expectNoSeriousAxeViolations(page);
  await context.close();
});

test("Anonymous visitors to the staff pages are sent to sign in, and only to staff pages afterwards", async ({ page }) => {
  test.setTimeout(300_000);
  await page.goto("/staff");
  await expect(page).toHaveURL(SIGN_IN);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Staff sign-in");

  // The sign-in page remembers where they were going, and leads there afterwards.
  const admin = await createStaffUser({ role: "admin" });
  await page.goto("/staff/users?sort=name");
  await expect(page).toHaveURL(/\/staff\/sign-in\?next=%2Fstaff%2Fusers%3Fsort%3Dname$/);
  await fillSignIn(page, admin);
  await expect(page).toHaveURL(/\/staff\/users\?sort=name$/);
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(SIGN_IN);

  // A crafted link cannot send anyone off the site, or outside the staff pages.
  for (const next of ["https://evil.example/staff", "//evil.example/staff", "/\\evil.example", "/about"]) {
    await signIn(page, admin, { next });
    await expect(page, next).toHaveURL(/^http:\/\/localhost:\d+\/staff$/);
    // Wait for the sign-out to land: a navigation started while it is in flight can
    // cancel it, and a still-signed-in visitor is sent past the sign-in form.
    await page.getByRole("button", { name: "Sign out" }).click();
    await expect(page).toHaveURL(SIGN_IN);
  }
});

test("An editor is refused the users page with a 403", async ({ page }) => {
  const editor = await createStaffUser({ role: "editor" });
  await signIn(page, editor);
  const response = await page.goto("/staff/users");
  expect(response?.status()).toBe(403);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("You are not allowed to see this page");
  await expect(page.getByRole("table")).toHaveCount(0);
});

test("An admin creates an editor, makes them an admin, and disables them, which ends their open session", async ({ page, browser }) => {
  const admin = await createStaffUser({ role: "admin", name: "Ada Admin" });
  await signIn(page, admin);
  await page.getByRole("navigation", { name: "Staff sections" }).getByRole("link", { name: "Users" }).click();
  await expect(page).toHaveURL(/\/staff\/users$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Users");

  const id = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
  const newcomer = { name: `Nora Newcomer ${id}`, email: `nora-${id}@example.org`, password: `nora's own ${id} passphrase` };
  const form = page.locator("form", { has: page.getByRole("button", { name: "Create account" }) });

  // The password policy speaks in the form, beside the field.
  await form.getByLabel("Name").fill(newcomer.name);
  await form.getByLabel("E-mail address").fill(newcomer.email);
  await form.getByLabel("Initial password").fill("password1234");
  await form.getByRole("button", { name: "Create account" }).click();
  await expect(form.getByText("is one of the most common passwords; choose one that is hard to guess")).toBeVisible();
  await expect(form.getByLabel("Initial password")).toHaveAttribute("aria-invalid", "true");
  await expect(form.getByLabel("E-mail address")).toHaveValue(newcomer.email);
  await expectNoSeriousAxeViolations(page);

  await form.getByLabel("Initial password").fill(newcomer.password);
  await form.getByRole("button", { name: "Create account" }).click();
  await expect(form.getByRole("status")).toHaveText(`${newcomer.name} (${newcomer.email}) can now sign in as an editor.`);
  const row = page.getByRole("row", { name: new RegExp(newcomer.name) });
  await expect(row).toContainText(newcomer.email);
  await expect(row).toContainText("Enabled");
  await expect(row.getByLabel(`Role of ${newcomer.name}`)).toHaveValue("editor");

  // The newcomer signs in in a browser of their own.
  const theirs = await contextFromOwnAddress(browser);
  const theirPage = await theirs.newPage();
  await signIn(theirPage, newcomer);
  await expect(theirPage.getByRole("banner")).toContainText(`Signed in as ${newcomer.name} (editor)`);

  await row.getByLabel(`Role of ${newcomer.name}`).selectOption("admin");
  await row.getByRole("button", { name: `Change role of ${newcomer.name}` }).click();
  await expect(row.getByRole("status").filter({ hasText: /\S/ })).toHaveText(`${newcomer.name} is now an admin.`);
  // Their open session has the new role on its next request.
  await theirPage.goto("/staff/users");
  await expect(theirPage.getByRole("heading", { level: 1 })).toHaveText("Users");
  await expect(theirPage.getByRole("banner")).toContainText(`Signed in as ${newcomer.name} (admin)`);

  // An admin cannot disable or demote themselves: their own row has no controls.
  const own = page.getByRole("row", { name: new RegExp(admin.name) });
  await expect(own).toContainText("(you)");
  await expect(own.getByRole("button")).toHaveCount(0);

  await row.getByRole("button", { name: `Disable ${newcomer.name}` }).click();
  await expect(row.getByRole("status").filter({ hasText: "disabled" })).toHaveText(`${newcomer.name} is disabled and cannot sign in; their session has ended.`);
  await expect(row).toContainText("Disabled");
  await expect(row.getByRole("button", { name: `Enable ${newcomer.name}` })).toBeVisible();

  // Their session is over: the next page sends them to sign in, and signing in is refused.
  await theirPage.goto("/staff");
  await expect(theirPage).toHaveURL(SIGN_IN);
  await fillSignIn(theirPage, newcomer);
  await expect(signInAlert(theirPage)).toHaveText("This account is disabled. Ask an admin to enable it again.");
  await expect(theirPage).toHaveURL(SIGN_IN);
  await theirs.close();
});

test("An admin demoted while the users page is open can no longer change accounts from it", async ({ page, browser }) => {
  const [demoted, other, target] = await Promise.all([
    createStaffUser({ role: "admin" }),
    createStaffUser({ role: "admin" }),
    createStaffUser({ role: "editor" }),
  ]);
  await signIn(page, demoted);
  await page.goto("/staff/users");
  const targetRow = page.getByRole("row", { name: new RegExp(target.name) });
  await expect(targetRow).toBeVisible();

  const theirs = await browser.newContext();
  const otherPage = await theirs.newPage();
  await signIn(otherPage, other);
  await otherPage.goto("/staff/users");
  const demotedRow = otherPage.getByRole("row", { name: new RegExp(demoted.name) });
  await demotedRow.getByLabel(`Role of ${demoted.name}`).selectOption("editor");
  await demotedRow.getByRole("button", { name: `Change role of ${demoted.name}` }).click();
  await expect(demotedRow.getByRole("status").filter({ hasText: /\S/ })).toHaveText(`${demoted.name} is now an editor.`);

  // The stale form still shows its buttons; the server action checks the role itself.
  await targetRow.getByLabel(`Role of ${target.name}`).selectOption("admin");
  await targetRow.getByRole("button", { name: `Change role of ${target.name}` }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("You are not allowed to see this page");
  await otherPage.reload();
  await expect(otherPage.getByRole("row", { name: new RegExp(target.name) }).getByLabel(`Role of ${target.name}`)).toHaveValue("editor");
  await theirs.close();
});

test("Ten failed sign-ins from elsewhere lock the account there for 15 minutes, even against the right password, but not where its owner signs in", async ({ browser }) => {
  test.setTimeout(300_000);
  const editor = await createStaffUser();
  // The owner signs in at the office once: the office's network is familiar to the account.
  const office = await contextFromOwnAddress(browser);
  await signIn(await office.newPage(), editor);
  await office.clearCookies();

  const context = await contextFromOwnAddress(browser);
  const page = await context.newPage();
  for (let attempt = 1; attempt <= 10; attempt++) {
    await page.goto("/staff/sign-in");
    await fillSignIn(page, { email: editor.email, password: `wrong guess number ${attempt}` });
    await expect(signInAlert(page)).toHaveText("The e-mail address or the password is wrong.");
  }
  // Another stranger, with an address of their own: the count is the account's, not one address's.
  const elsewhere = await (await contextFromOwnAddress(browser)).newPage();
  for (const tried of [page, elsewhere]) {
    await tried.goto("/staff/sign-in");
    await fillSignIn(tried, editor);
    await expect(signInAlert(tried)).toHaveText("Too many failed sign-ins for this account. For your security, sign-in is paused: try again in 15 minutes.");
    await expect(tried).toHaveURL(SIGN_IN);
  }
  await elsewhere.context().close();

  // Back at the office, the owner signs in as usual.
  const back = await office.newPage();
  await signIn(back, editor);
  await expect(back.getByRole("banner")).toContainText(`Signed in as ${editor.name}`);
  await office.close();
  await context.close();
});

test("An over-long e-mail address is refused with a message that names the field, and the form caps what can be typed", async ({ browser }) => {
  const context = await contextFromOwnAddress(browser);
  const page = await context.newPage();
  await page.goto("/staff/sign-in");
  const email = page.getByLabel("E-mail address");
  await expect(email).toHaveAttribute("maxlength", "254");
  await expect(page.getByLabel("Password", { exact: true })).toHaveAttribute("maxlength", "128");
  // What a script or an old browser could send all the same.
  await email.evaluate((input) => input.removeAttribute("maxlength"));
  await fillSignIn(page, { email: `${"a".repeat(5_000)}@example.org`, password: "whatever it is, it is not checked" });
  await expect(page.locator("#sign-in-email-error")).toHaveText("The e-mail address must be at most 254 characters long.");
  await expect(email).toHaveAttribute("aria-invalid", "true");
  await expect(signInAlert(page)).toHaveText("");
  await context.close();
});
