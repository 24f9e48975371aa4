// Staff create and edit courts, officials and lawsuits through their forms, and the
// public site follows. Every test makes its own user and records (unique ids), so the
// tests depend neither on each other nor on the order they run in.
import { expect, test, type Page } from "@playwright/test";

import { createStaffUser, signIn } from "./support/staff";

// Each test makes a user through the CLI and several records through the forms: on a
// busy 2-core machine that takes longer than the default minute.
test.beforeEach(() => test.slow());

/** A suffix that keeps this run's records apart from any other's: lowercase letters and digits. */
const uniqueTag = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;

async function signInAsEditor(page: Page) {
  const user = await createStaffUser({ role: "editor" });
  await signIn(page, user);
}

async function createCourt(page: Page, tag: string): Promise<{ id: string; shortName: string; fullName: string }> {
  const court = { id: `zc${tag}`, shortName: `D. Zed ${tag}`, fullName: `United States District Court for the District of Zed ${tag}` };
  await page.goto("/staff/courts/new");
  await page.getByLabel("Court id").fill(court.id);
  await page.getByLabel("Short name").fill(court.shortName);
  await page.getByLabel("Full name").fill(court.fullName);
  await page.getByRole("button", { name: "Create court" }).click();
  await expect(page).toHaveURL(new RegExp(`/staff/courts/${court.id}\\?created=1$`));
  await expect(page.getByText("The court was created.")).toBeVisible();
  return court;
}

async function createOfficial(page: Page, tag: string, jurisdiction: string): Promise<{ id: string; name: string }> {
  const name = `Zelda Quill ${tag}`;
  await page.goto("/staff/officials/new");
  await page.getByLabel(/^Name/).fill(name);
  // The id is proposed from the name.
  await expect(page.getByLabel(/^Id/)).toHaveValue(`zelda-quill-${tag}`);
  await page.getByLabel("Jurisdiction").selectOption(jurisdiction);
  await page.getByLabel("Term start").fill("2019-01");
  await page.getByRole("button", { name: "Create official" }).click();
  await expect(page).toHaveURL(new RegExp(`/staff/officials/zelda-quill-${tag}\\?created=1$`));
  return { id: `zelda-quill-${tag}`, name };
}

/** Fills the fields every lawsuit needs; captions are left to the caller. */
async function fillLawsuitBasics(page: Page, courtId: string, dates: { filed: string; terminated?: string }) {
  await page.getByLabel(/^Court/).selectOption(courtId);
  await page.getByLabel("Docket number").fill("1:19-cv-00042");
  await page.getByLabel("Date filed").fill(dates.filed);
  if (dates.terminated) await page.getByLabel("Date terminated").fill(dates.terminated);
  await page.getByLabel("Summary").fill("The states sue over a rule that bars their residents from a federal program.");
}

test("An editor creates a court, an official and a lawsuit with its parties, relations and sources, publishes it, and the public sees it", async ({ page }) => {
  const tag = uniqueTag();
  await signInAsEditor(page);
  const court = await createCourt(page, tag);
  const official = await createOfficial(page, tag, "NM");
  await expect(page.getByRole("heading", { level: 1, name: official.name })).toBeVisible();

  const caseNameShort = `Zed v. Quill ${tag}`;
  const caseName = `State of Zed et al. v. Quill Holdings ${tag}`;
  const lawsuitId = `zed-v-quill-${tag}-2019`;
  await page.goto("/staff/lawsuits/new");
  await page.getByLabel("Short name").fill(caseNameShort);
  await page.getByLabel("Case name").fill(caseName);
  await fillLawsuitBasics(page, court.id, { filed: "2019-03-04" });
  // The id is proposed from the short caption and the year filed.
  await expect(page.getByLabel(/^Id/)).toHaveValue(lawsuitId);

  // Two plaintiff states from one pasted list; the first leads.
  const states = page.getByRole("combobox", { name: "Add plaintiff states" });
  await states.fill("WA, NM");
  await states.press("Enter");
  const plaintiffs = page.getByRole("list", { name: "Plaintiff states" });
  await expect(plaintiffs.getByRole("listitem")).toHaveCount(2);
  await expect(page.getByLabel("Role of WA")).toHaveValue("lead");
  await expect(page.getByLabel("Role of NM")).toHaveValue("joined");

  await page.getByRole("button", { name: "Add a party" }).click();
  await page.getByLabel("Name of party 1").fill(`Quill Holdings ${tag}`);
  await page.getByLabel("Side of party 1").selectOption("defendant");

  // The related lawsuit is found by searching its caption, never by typing its id.
  await page.getByRole("button", { name: "Add a related lawsuit" }).click();
  await page.getByLabel("Relation 1: this lawsuit is").selectOption("related");
  await page.getByRole("combobox", { name: "Related lawsuit 1" }).fill("Ms. L");
  await page.getByRole("option", { name: /Ms\. L\. v\. ICE/ }).first().click();
  await expect(page.locator("#field-related-0-lawsuit-chosen")).toContainText("Ms. L. v. ICE");

  await page.getByRole("button", { name: "Add a source" }).click();
  await page.getByLabel("URL of source 1").fill(`https://example.org/zed-v-quill-${tag}/complaint.pdf`);
  await page.getByLabel("Title of source 1").fill("Complaint for declaratory and injunctive relief");
  await page.getByLabel("Publisher of source 1").fill("Office of the Attorney General of Zed");

  await page.getByRole("button", { name: "Create draft lawsuit" }).click();
  await expect(page).toHaveURL(new RegExp(`/staff/lawsuits/${lawsuitId}\\?created=1$`));
  await expect(page.getByRole("heading", { level: 1, name: caseNameShort })).toBeVisible();
  await expect(page.getByText("Not public: a draft.")).toBeVisible();
  await expect(page.getByRole("link", { name: "New filing in this lawsuit" })).toHaveAttribute("href", `/staff/filings/new?lawsuit=${lawsuitId}`);
  await expect(page.getByRole("link", { name: "History" })).toHaveAttribute("href", `/lawsuits/${lawsuitId}/history`);

  // A draft is not public.
  const draftResponse = await page.request.get(`/lawsuits/${lawsuitId}`);
  expect(draftResponse.status()).toBe(404);

  await page.getByRole("button", { name: "Publish" }).click();
  await expect(page.getByRole("link", { name: "View public page" })).toBeVisible();

  await page.goto(`/lawsuits/${lawsuitId}`);
  await expect(page.getByRole("heading", { level: 1, name: caseName })).toBeVisible();
  const main = page.locator("main");
  await expect(main).toContainText("1:19-cv-00042");
  await expect(main).toContainText(court.fullName);
  await expect(main.locator("section[aria-labelledby=plaintiffs-heading]")).toContainText("New Mexico");
  await expect(main.locator("section[aria-labelledby=plaintiffs-heading]")).toContainText("Washington");
  await expect(main.locator("section[aria-labelledby=parties-heading]")).toContainText(`Quill Holdings ${tag}`);
  await expect(main.locator("section[aria-labelledby=related-heading]")).toContainText("Ms. L. v. ICE");
  await expect(main.locator("section[aria-labelledby=sources-heading]")).toContainText("Complaint for declaratory and injunctive relief");

  await page.goto(`/lawsuits?q=${encodeURIComponent(caseNameShort)}`);
  await expect(page.getByRole("link", { name: caseNameShort })).toBeVisible();
});

test("A lawsuit with empty names and an end before its start shows the problems beside the fields, and nothing is saved", async ({ page }) => {
  const tag = uniqueTag();
  await signInAsEditor(page);
  const court = await createCourt(page, tag);

  await page.goto("/staff/lawsuits/new");
  await fillLawsuitBasics(page, court.id, { filed: "2020-05-01", terminated: "2020-04" });
  const id = page.getByLabel(/^Id/);
  await id.fill(`invalid-lawsuit-${tag}`);
  await page.getByRole("button", { name: "Create draft lawsuit" }).click();

  const summary = page.getByRole("group", { name: /The lawsuit was not created/ });
  await expect(summary).toBeVisible();
  await expect(summary).toContainText("Short name: must not be empty");
  await expect(summary).toContainText("Case name: must not be empty");
  await expect(summary).toContainText(`Date terminated: is before dateFiled "2020-05-01"`);

  const shortName = page.getByLabel("Short name");
  await expect(shortName).toHaveAttribute("aria-invalid", "true");
  await expect(shortName).toHaveAccessibleDescription(/must not be empty/);
  const terminated = page.getByLabel("Date terminated");
  await expect(terminated).toHaveAttribute("aria-invalid", "true");
  await expect(terminated).toHaveAccessibleDescription(/is before dateFiled/);
  await expect(page).toHaveURL(/\/staff\/lawsuits\/new$/);

  // Correcting a field clears its message at once.
  await shortName.fill(`Zed v. Nobody ${tag}`);
  await expect(shortName).not.toHaveAttribute("aria-invalid", "true");

  await page.goto(`/staff/lawsuits?q=${tag}&show=all`);
  await expect(page.getByText("No lawsuit matches.")).toBeVisible();
  await page.goto(`/staff/lawsuits?q=${tag}&show=deleted`);
  await expect(page.getByText("No lawsuit matches.")).toBeVisible();
});

test("A problem only the server can find, an id already taken, is shown beside the id field", async ({ page }) => {
  const tag = uniqueTag();
  await signInAsEditor(page);
  const court = await createCourt(page, tag);

  await page.goto("/staff/lawsuits/new");
  await page.getByLabel("Short name").fill(`Zed v. Twin ${tag}`);
  await page.getByLabel("Case name").fill(`State of Zed v. Twin ${tag}`);
  await fillLawsuitBasics(page, court.id, { filed: "2018-06-26" });
  // The founding dataset's lawsuit.
  await page.getByLabel(/^Id/).fill("washington-v-united-states-2018");
  await page.getByRole("button", { name: "Create draft lawsuit" }).click();

  await expect(page.getByRole("group", { name: /The lawsuit was not created/ })).toContainText("Id: is already the id of another lawsuit");
  await expect(page.getByLabel(/^Id/)).toHaveAttribute("aria-invalid", "true");
  await expect(page).toHaveURL(/\/staff\/lawsuits\/new$/);
  await page.goto(`/staff/lawsuits?q=${encodeURIComponent(`Zed v. Twin ${tag}`)}`);
  await expect(page.getByText("No lawsuit matches.")).toBeVisible();
});

test("Renaming an official shows the new name on the public page of their state", async ({ page }) => {
  const tag = uniqueTag();
  await signInAsEditor(page);
  const official = await createOfficial(page, tag, "VT");
  await page.goto("/states/VT");
  await expect(page.locator("main")).toContainText(official.name);

  const renamed = `Zelda Q. Quillon ${tag}`;
  await page.goto(`/staff/officials/${official.id}`);
  await expect(page.getByLabel(/^Id/)).toHaveJSProperty("readOnly", true);
  await page.getByLabel(/^Name/).fill(renamed);
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Saved. This is version 2." })).toBeVisible();

  await page.goto("/states/VT");
  await expect(page.locator("main")).toContainText(renamed);
  await expect(page.locator("main")).not.toContainText(official.name);
});
