// Admins keep the issue-area vocabulary (docs/decisions/020); the codebook lists what
// they add, and editors cannot reach it.
import { expect, test } from "@playwright/test";

import { createStaffUser, signIn } from "./support/staff";

test.beforeEach(() => test.slow());

test("An admin adds an issue area and the codebook lists it; an editor has no way in", async ({ page, browser }) => {
  const tag = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
  await signIn(page, await createStaffUser({ role: "admin" }));
  await page.getByRole("navigation").getByRole("link", { name: "Issue areas" }).click();
  await page.getByRole("link", { name: "New issue area" }).click();
  await page.getByLabel(/^Slug/).fill(`tribal-affairs-${tag}`);
  await page.getByLabel(/^Label/).fill(`Tribal affairs ${tag}`);
  await page.getByLabel(/^Definition/).fill("Federal relations with tribal nations and their lands.");
  await page.getByRole("button", { name: "Create issue area" }).click();
  await expect(page).toHaveURL(new RegExp(`/staff/issue-areas/tribal-affairs-${tag}\\?created=1$`));

  await page.goto("/about/codebook");
  const areas = page.getByRole("table", { name: /^Issue areas/ });
  await expect(areas.getByRole("row", { name: new RegExp(`^Tribal affairs ${tag}`) })).toContainText("Federal relations with tribal nations");

  const editorContext = await browser.newContext({ baseURL: test.info().project.use.baseURL });
  const editorPage = await editorContext.newPage();
  await signIn(editorPage, await createStaffUser({ role: "editor" }));
  await expect(editorPage.getByRole("navigation").getByRole("link", { name: "Issue areas" })).toHaveCount(0);
  const response = await editorPage.goto("/staff/issue-areas");
  expect(response?.status()).toBe(403);
  await editorContext.close();
});
