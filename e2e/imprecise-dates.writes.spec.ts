// Tests that add rows to the e2e database run in their own project, after every
// read-only spec (playwright.config.ts), so that no other test sees their rows.
import { expect, test } from "@playwright/test";

import { importFixture } from "./support/cli";

test("A date known only to the month is shown as the month, and one known only to the year as the year", async ({ page }) => {
  await importFixture("e2e/fixtures/imprecise-dates.json");
  await page.goto("/?view=list&q=zephyrine&sort=oldest");
  const month = page.locator("#results-list article", { hasText: "Zephyrine letter known only to the month" });
  await expect(month.locator("time")).toHaveText("March 1901");
  await expect(month.locator("time")).toHaveAttribute("datetime", "1901-03");
  const year = page.locator("#results-list article", { hasText: "Zephyrine statement known only to the year" });
  await expect(year.locator("time")).toHaveText("1902");
  await expect(page.getByRole("heading", { name: "1902, month not known" })).toBeVisible();
  // No day is invented anywhere on the page.
  await expect(page.locator("main")).not.toContainText(/\b1 March 1901\b|\b1 January 1902\b|1901-03-01|1902-01-01/);
});
