// Staff create, publish and edit filings through the forms, as editors do: a draft stays
// off the public site until it is published; two editors saving the same filing never
// lose each other's work; invalid input is named beside its field and nothing is saved.
import { randomBytes } from "node:crypto";

import { expect, test, type Locator, type Page } from "@playwright/test";

import { importDataset } from "./support/cli";
import { createStaffUser, signIn, type StaffUser } from "./support/staff";

const WASHINGTON = "Washington v. United States";

// Each test creates users and records through the CLI and fills long forms: slow on a
// busy machine, and not flaky for it.
test.describe.configure({ timeout: 180_000 });

/** A made-up word no seed record contains, so that a search finds only this test's filing. */
const uniqueWord = (prefix: string) => `${prefix}${randomBytes(4).toString("hex").replace(/\d/g, (d) => "ghijklmnop"[Number(d)])}`;

/** signIn, allowing for a first sign-in after the app started, which can take longer than an assertion's 5 seconds. */
async function signInAs(page: Page, user: StaffUser) {
  await signIn(page, user).catch(() => expect(page).not.toHaveURL(/\/staff\/sign-in/, { timeout: 60_000 }));
}

async function paste(input: Locator, text: string) {
  await input.focus();
  await input.evaluate((element, value) => {
    const data = new DataTransfer();
    data.setData("text/plain", value);
    element.dispatchEvent(new ClipboardEvent("paste", { clipboardData: data, bubbles: true, cancelable: true }));
  }, text);
}

async function chooseRecord(page: Page, label: string, search: string, optionName: string | RegExp) {
  const box = page.getByRole("combobox", { name: label });
  await box.fill(search);
  await page.getByRole("option", { name: optionName }).first().click();
  await expect(page.locator(`#field-${label === "Lawsuit" ? "lawsuit" : "respondsTo"}-chosen`)).toBeVisible();
}

/** A published filing in the Washington lawsuit, imported through the CLI with an id of its own. */
async function importPublishedFiling(id: string, title: string) {
  await importDataset({
    filings: [
      {
        id,
        lawsuit: "washington-v-united-states-2018",
        kind: "notice",
        title,
        dateFiled: "2031-05-06",
        summary: "The summary before anyone edited it.",
        states: [{ jurisdiction: "WA", role: "lead" }],
        demands: [],
        sources: [],
      },
    ],
  });
}

test("An editor adds a filing with pasted states, demands and a source; it stays a draft off the public site until published", async ({ page }) => {
  const word = uniqueWord("quokka");
  const title = `States' motion to ${word} the reunification plan`;
  await signInAs(page, await createStaffUser({ role: "editor" }));

  await page.goto("/staff/filings");
  await page.getByRole("link", { name: "New filing" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "New filing" })).toBeVisible();

  // By its id: other specs import lawsuits named "Washington v. …" that can fill the list of results.
  await chooseRecord(page, "Lawsuit", "washington-v-united-states-2018", new RegExp(WASHINGTON));
  await page.getByLabel("Kind (required)").selectOption("motion");
  await page.getByLabel("Date filed (required)").fill("2031-03-04");
  await expect(page.getByText("Reads as 4 March 2031")).toBeVisible();
  await page.getByLabel("Title (required)", { exact: true }).fill(title);
  // The id is proposed from the title and the date.
  await expect(page.getByLabel("Id (required)")).toHaveValue(`states-motion-to-${word}-the-reunification-plan-2031-03-04`);
  await page.getByLabel("Filed by").fill("plaintiffs");
  await page.getByLabel("Summary (required)").fill(`The states ask the court to ${word} the plan.`);

  // Joining states: a pasted list adds several at once and names what it could not read.
  const states = page.getByRole("combobox", { name: "Add joining states" });
  await paste(states, "WA, NM, CA");
  await expect(page.getByRole("status").filter({ hasText: "Added WA, NM, CA." })).toBeVisible();
  await paste(states, "OR and ZZ");
  await expect(page.getByRole("status").filter({ hasText: "Not a known jurisdiction: “ZZ”" })).toBeVisible();
  await expect(states).toHaveValue("ZZ");
  await page.getByRole("button", { name: "Remove OR" }).click();
  await expect(page.getByRole("list", { name: "Joining states" }).getByRole("listitem")).toHaveCount(3);
  await page.getByLabel("Role of WA").selectOption("lead");
  await page.getByLabel("Official for NM").selectOption({ label: "Hector H. Balderas (Attorney General)" });

  // Demands: two, the second moved above the first.
  await page.getByRole("button", { name: "Add a demand" }).click();
  await page.getByLabel("Text of demand 1 (required)").fill(`Reunite every family (${word}).`);
  await page.getByLabel("Category of demand 1 (required)").fill("reunification");
  await page.getByRole("button", { name: "Add a demand" }).click();
  await page.getByLabel("Text of demand 2 (required)").fill("Hold regular status conferences.");
  await page.getByLabel("Category of demand 2 (required)").fill("procedure");
  await page.getByLabel("Outcome of demand 2").selectOption("granted");
  await page.getByRole("button", { name: "Move demand 2 up" }).click();
  await expect(page.getByLabel("Text of demand 1 (required)")).toHaveValue("Hold regular status conferences.");

  await page.getByRole("button", { name: "Add a source" }).click();
  await page.getByLabel("URL of source 1 (required)").fill("https://www.atg.wa.gov/news/example");
  await page.getByLabel("Title of source 1 (required)").fill("Press release");
  await page.getByLabel("Publisher of source 1 (required)").fill("Washington State Office of the Attorney General");

  await page.getByRole("button", { name: "Create draft filing" }).click();
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await expect(page.getByText("The filing was created as a draft.")).toBeVisible();
  const id = new URL(page.url()).pathname.split("/").pop()!;
  expect(id).toBe(`states-motion-to-${word}-the-reunification-plan-2031-03-04`);
  await expect(page.getByText("Draft", { exact: true }).first()).toBeVisible();

  // A draft: not on the timeline, and its public address is not found.
  expect((await page.request.get(`/filings/${id}`)).status()).toBe(404);
  await page.goto(`/?view=list&q=${word}`);
  await expect(page.locator("#results-list article", { hasText: title })).toHaveCount(0);

  await page.goto(`/staff/filings/${id}`);
  await page.getByRole("button", { name: "Publish" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Published" })).toBeVisible();
  await expect(page.getByRole("link", { name: "View public page" })).toHaveAttribute("href", `/filings/${id}`);

  await page.goto(`/?view=list&q=${word}`);
  await expect(page.locator("#results-list article", { hasText: title })).toHaveCount(1);
  await page.goto(`/filings/${id}`);
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  const jurisdictions = page.getByRole("region", { name: "Jurisdictions" });
  await expect(jurisdictions.getByRole("list", { name: /^Lead/ }).getByRole("listitem")).toHaveText(["Washington"]);
  const joined = jurisdictions.getByRole("list", { name: /^Joined/ }).getByRole("listitem");
  await expect(joined).toHaveCount(2);
  await expect(joined.filter({ hasText: "New Mexico" })).toHaveText("New Mexico — Hector H. Balderas");
  await expect(joined.filter({ hasText: "California" })).toHaveText("California");
  const demands = page.getByRole("region", { name: "Demands" }).getByRole("listitem");
  await expect(demands).toHaveCount(2);
  await expect(demands.nth(0)).toContainText("Hold regular status conferences.");
  await expect(demands.nth(0)).toContainText("Granted");
  await expect(demands.nth(1)).toContainText(`Reunite every family (${word}).`);
  await expect(page.getByRole("region", { name: "Sources" }).getByRole("link", { name: "Press release" })).toHaveAttribute("href", "https://www.atg.wa.gov/news/example");
});

test("When two editors save the same filing, the second sees what the first changed and keeps both their edits", async ({ browser }) => {
  const word = uniqueWord("wombat");
  const id = `${word}-notice-2031-05-06`;
  await importPublishedFiling(id, `Notice of ${word}`);

  const first = await browser.newContext();
  const second = await browser.newContext();
  try {
    const alice = await first.newPage();
    const bob = await second.newPage();
    await signInAs(alice, await createStaffUser({ role: "editor", name: `Alice ${word}` }));
    await signInAs(bob, await createStaffUser({ role: "editor", name: `Bob ${word}` }));
    await alice.goto(`/staff/filings/${id}`);
    await bob.goto(`/staff/filings/${id}`);

    await alice.getByLabel("Title (required)", { exact: true }).fill(`Notice of ${word}, as Alice wrote it`);
    await alice.getByLabel("Summary (required)").fill("Alice's better summary.");
    await alice.getByRole("button", { name: "Save changes" }).click();
    await expect(alice.getByRole("status").filter({ hasText: "Saved. This is version 2." })).toBeVisible();

    const bobsTitle = `Notice of ${word}, as Bob wrote it`;
    await bob.getByLabel("Title (required)", { exact: true }).fill(bobsTitle);
    await bob.getByRole("button", { name: "Save changes" }).click();
    const notice = bob.getByRole("region", { name: "Someone else saved this filing while you were editing" });
    await expect(notice).toBeVisible();
    await expect(notice).toContainText(`Alice ${word} saved changes`);
    await expect(notice.getByRole("term")).toHaveText(["Title", "Summary"]);
    await expect(notice).toContainText(`“Notice of ${word}, as Alice wrote it”`);
    await expect(notice).toContainText("“Alice's better summary.”");
    // Bob's edit is still in the form.
    await expect(bob.getByLabel("Title (required)", { exact: true })).toHaveValue(bobsTitle);

    await notice.getByRole("button", { name: "Load their version and re-apply my edits" }).click();
    await expect(notice).toHaveCount(0);
    await expect(bob.getByLabel("Title (required)", { exact: true })).toHaveValue(bobsTitle);
    await expect(bob.getByLabel("Summary (required)")).toHaveValue("Alice's better summary.");
    await bob.getByRole("button", { name: "Save changes" }).click();
    await expect(bob.getByRole("status").filter({ hasText: "Saved. This is version 3." })).toBeVisible();

    // It was imported published: the public page shows both editors' work.
    await bob.goto(`/filings/${id}`);
    await expect(bob.getByRole("heading", { level: 1, name: bobsTitle })).toBeVisible();
    await expect(bob.getByRole("article")).toContainText("Alice's better summary.");
  } finally {
    await first.close();
    await second.close();
  }
});

test("Invalid input is named beside each field and in a summary, and nothing is saved", async ({ page }) => {
  const word = uniqueWord("numbat");
  await signInAs(page, await createStaffUser({ role: "editor" }));
  await page.goto("/staff/filings/new");

  await page.getByLabel("Kind (required)").selectOption("letter");
  await page.getByLabel("Date filed (required)").fill("2031-07-08");
  await page.getByLabel("Id (required)").fill(`${word}-letter`);
  await page.getByLabel("Summary (required)").fill("A letter with problems.");
  await paste(page.getByRole("combobox", { name: "Add joining states" }), "WA, NM");
  // Changing the second state to Washington lists Washington twice.
  await page.getByLabel("Jurisdiction (state 2)").selectOption("WA");
  await page.getByRole("button", { name: "Add a source" }).click();
  await page.getByLabel("URL of source 1 (required)").fill("www.example.org/letter");
  await page.getByLabel("Title of source 1 (required)").fill("The letter");
  await page.getByLabel("Publisher of source 1 (required)").fill("Example");

  await page.getByRole("button", { name: "Create draft filing" }).click();

  const summary = page.getByRole("group", { name: /The filing was not created: 3 problems/ });
  await expect(summary).toBeFocused();
  await expect(summary.getByRole("link")).toHaveText([
    // In the order of the form, top to bottom.
    "Title: must not be empty",
    "Joining state 2 (WA — Washington): jurisdiction: appears more than once on this filing",
    "Source 1: URL: must be an absolute http(s) URL",
  ]);
  const expectInvalid = async (field: Locator, message: string) => {
    await expect(field).toHaveAttribute("aria-invalid", "true");
    await expect(field).toHaveAccessibleDescription(new RegExp(message));
  };
  await expectInvalid(page.getByLabel("Title (required)", { exact: true }), "must not be empty");
  await expectInvalid(page.getByLabel("Jurisdiction (state 2)"), "appears more than once on this filing");
  await expectInvalid(page.getByLabel("URL of source 1 (required)"), "must be an absolute http\\(s\\) URL");
  // A summary link takes the keyboard to its field.
  await summary.getByRole("link", { name: /^Source 1: URL/ }).click();
  await expect(page.getByLabel("URL of source 1 (required)")).toBeFocused();

  // Still on the new-filing page, and no filing with that id exists.
  await expect(page).toHaveURL(/\/staff\/filings\/new$/);
  await page.goto(`/staff/filings?show=all&q=${word}`);
  await expect(page.getByText("No filing matches.")).toBeVisible();
  expect((await page.request.get(`/staff/filings/${word}-letter`)).status()).toBe(404);
});
