// The staff pages are held to the public pages' bar: no serious or critical axe
// violation, and no sideways scrolling on a 375 px phone.
import { expect, test } from "@playwright/test";

import { expectNoSeriousAxeViolations } from "./support/axe";
import { createStaffUser, signIn } from "./support/staff";

const PAGES = [
  ["the dashboard", "/staff", "Dashboard"],
  ["the filings list", "/staff/filings", "Filings"],
  ["a new filing's form", "/staff/filings/new", "New filing"],
  ["a filing's form", "/staff/filings/wa-v-us-2018-dkt-15", "Expedited Discovery"],
  ["a lawsuit's form", "/staff/lawsuits/washington-v-united-states-2018", "Washington v. United States"],
  ["a new official's form", "/staff/officials/new", "New official"],
  ["the courts list", "/staff/courts", "Courts"],
  ["a policy's form", "/staff/policies/family-separation-zero-tolerance-2018", "Separation of families"],
  ["a lawsuit's coding form", "/staff/lawsuits/washington-v-united-states-2018/coding", "Coding of Washington v. United States"],
  ["the upload page", "/staff/upload", "Upload"],
  ["the issue areas", "/staff/issue-areas", "Issue areas"],
  ["the users page", "/staff/users", "Users"],
  ["a filing's history, as staff see it", "/filings/wa-v-us-2018-dkt-15/history", "History"],
] as const;

test("Every staff page has no serious accessibility violation and fits a phone", async ({ page }) => {
  test.slow();
  const admin = await createStaffUser({ role: "admin" });
  await signIn(page, admin);

  for (const [what, url, heading] of PAGES) {
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto(url);
    await expect(page.getByRole("heading", { level: 1 }), what).toContainText(heading);
    await expectNoSeriousAxeViolations(page, { what });

    await page.setViewportSize({ width: 375, height: 800 });
    const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(scrollWidth, `${what} scrolls sideways on a phone`).toBeLessThanOrEqual(375);
  }
});

test("The sign-in page has no serious accessibility violation and fits a phone", async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 800 });
  await page.goto("/staff/sign-in");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await expectNoSeriousAxeViolations(page, { what: "sign-in" });
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
});
