// Staff create and edit the policies that lawsuits challenge (docs/decisions/020):
// the form refuses what the importer refuses, names the field, and a save moves the
// version on. Every test makes its own user and policy.
import { expect, test } from "@playwright/test";

import { createStaffUser, signIn } from "./support/staff";

test.beforeEach(() => test.slow());

test("An editor creates a policy with its agencies, date, issue area and source, after the form names what is missing, and edits it", async ({ page }) => {
  const tag = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
  await signIn(page, await createStaffUser({ role: "editor" }));
  await page.goto("/staff/policies");
  await page.getByRole("link", { name: "New policy" }).click();

  await page.getByLabel(/^Id/).fill(`public-charge-${tag}`);
  await page.getByLabel(/^Name/).fill(`Public charge rule ${tag}`);
  await page.getByLabel("Agencies").fill("U.S. Department of Homeland Security\nU.S. Citizenship and Immigration Services");
  await page.getByLabel("Date announced").fill("2019-08");
  await expect(page.getByText("Reads as August 2019")).toBeVisible();
  await page.getByRole("checkbox", { name: "Immigration" }).check();
  await page.getByRole("button", { name: "Create policy" }).click();

  // No source yet: refused before anything is written, with the field named.
  await expect(page.getByRole("group", { name: /The policy was not created: 1 problem/ })).toContainText("Sources: must list at least one source");

  await page.getByRole("button", { name: "Add a source" }).click();
  await page.getByLabel("URL of source 1").fill("https://www.federalregister.gov/d/2019-17142");
  await page.getByLabel("Title of source 1").fill("Inadmissibility on Public Charge Grounds");
  await page.getByLabel("Publisher of source 1").fill("Federal Register");
  await page.getByRole("button", { name: "Create policy" }).click();
  await expect(page).toHaveURL(new RegExp(`/staff/policies/public-charge-${tag}\\?created=1$`));
  await expect(page.getByText("The policy was created.")).toBeVisible();
  await expect(page.getByLabel("Agencies")).toHaveValue("U.S. Department of Homeland Security\nU.S. Citizenship and Immigration Services");

  await page.getByLabel("Citation").fill("84 Fed. Reg. 41292");
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Saved. This is version 2." })).toBeVisible();

  await page.goto("/staff/policies");
  await expect(page.getByRole("link", { name: `Edit Public charge rule ${tag}` })).toBeVisible();
});
