import { expect, test } from "@playwright/test";

import { saveScreenshot } from "./support/screenshots";

test("A visitor sees the letter of June 19, 2018 and the complaint of June 26, 2018 on the home page, newest first", async ({ page }) => {
  await page.goto("/?view=list");
  await expect(page.getByRole("heading", { level: 1, name: "Timeline of multistate filings" })).toBeVisible();

  const letter = page.locator("#results-list article", { has: page.locator('a[href="/filings/ag-letter-2018-06-19-family-separation"]') });
  await expect(letter).toContainText("19 June 2018");
  await expect(letter).toContainText("Letter");
  await expect(letter).toContainText("New Mexico + 20 others");
  await expect(letter).toContainText("21 jurisdictions");

  const complaint = page.locator("#results-list article", { has: page.locator('a[href="/filings/wa-v-us-2018-dkt-1"]') });
  await expect(complaint).toContainText("26 June 2018");
  await expect(complaint).toContainText("Complaint");
  await expect(complaint).toContainText("Washington v. United States, No. 2:18-cv-00939-MJP (W.D. Wash.), ECF No. 1");
  await expect(complaint).toContainText("Washington + 17 others");

  // Newest first: the complaint of June 26 comes before the letter of June 19.
  const dates = await page.locator("#results-list article time").evaluateAll((times) => times.map((t) => t.getAttribute("datetime") ?? ""));
  expect(dates.length).toBeGreaterThanOrEqual(22);
  expect([...dates].sort().reverse()).toEqual(dates);
  const hrefs = await page.locator("#results-list article h4 a").evaluateAll((links) => links.map((a) => a.getAttribute("href")));
  expect(hrefs.indexOf("/filings/wa-v-us-2018-dkt-1")).toBeLessThan(hrefs.indexOf("/filings/ag-letter-2018-06-19-family-separation"));

  // On a wide screen the visual timeline replaces the list once the browser is idle.
  await page.goto("/");
  await expect(page.getByTestId("visual-timeline").getByRole("link").first()).toBeVisible({ timeout: 30_000 });
  await saveScreenshot(page, "home-desktop");
});
