import { expect, test } from "@playwright/test";

import { saveScreenshot } from "./support/screenshots";

test("A visitor sees the founding filings on the home page, newest first", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1, name: "Filings, newest first" })).toBeVisible();

  const letter = page.getByRole("article").filter({ has: page.getByRole("heading", { name: /letter/i }) }).filter({ hasText: "19 June 2018" });
  await expect(letter).toHaveCount(1);
  await expect(letter).toContainText("Letter");
  await expect(letter).toContainText("21 states joining");
  await expect(letter).toContainText("New Mexico + 20 others");

  const complaint = page.getByRole("article").filter({ hasText: "26 June 2018" }).filter({ hasText: "Complaint" });
  await expect(complaint).toHaveCount(1);
  await expect(complaint).toContainText("Washington v. United States, No. 2:18-cv-00939-MJP (W.D. Wash.)");
  await expect(complaint).toContainText("18 states joining");
  await expect(complaint).toContainText("Washington + 17 others");

  // Newest first: the complaint of June 26 comes before the letter of June 19.
  const dates = await page.locator("article time").evaluateAll((times) => times.map((t) => t.getAttribute("datetime")));
  expect(dates.length).toBe(22);
  expect([...dates].sort().reverse()).toEqual(dates);

  await saveScreenshot(page, "home-desktop");
});
