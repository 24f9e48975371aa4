import { expect, test } from "@playwright/test";

import { expectNoSeriousAxeViolations } from "./support/axe";
import { saveScreenshot } from "./support/screenshots";

const MOTION = "/filings/wa-v-us-2018-dkt-15";
const MOTION_TITLE = "States' Motion for Expedited Discovery and Regular Status Conferences";
const MOTION_CITATION =
  "States' Motion for Expedited Discovery and Regular Status Conferences, Washington v. United States, No. 2:18-cv-00939-MJP, ECF No. 15 (W.D. Wash. July 2, 2018)";
const ORDER_TITLE = "Order granting in part the states' motion for expedited discovery and granting regular status conferences";

test("The page of the July 2, 2018 motion lists 18 jurisdictions with Washington as lead, its demands and outcomes, its thread and its sources", async ({ page }) => {
  await page.goto(MOTION);
  await expect(page.getByRole("heading", { level: 1, name: MOTION_TITLE })).toBeVisible();
  await expect(page).toHaveTitle(`${MOTION_TITLE} · Docketline`);
  await expect(page.locator('meta[name="description"]')).toHaveAttribute("content", "Filed with 99 declarations.");
  await expect(page.locator('meta[property="og:type"]')).toHaveAttribute("content", "article");
  await expect(page.locator('meta[property="og:title"]')).toHaveAttribute("content", MOTION_TITLE);

  const header = page.getByRole("article").locator("header");
  await expect(header.locator("time")).toHaveText("2 July 2018");
  await expect(header.locator("time")).toHaveAttribute("datetime", "2018-07-02");
  await expect(header).toContainText("Motion");
  await expect(header).toContainText("ECF No. 15");
  await expect(page.getByRole("link", { name: "Washington v. United States" })).toHaveAttribute("href", "/lawsuits/washington-v-united-states-2018");
  await expect(page.getByRole("definition").filter({ hasText: "U.S. District Court for the Western District of Washington" })).toBeVisible();
  await expect(page.getByRole("definition").filter({ hasText: "No. 2:18-cv-00939-MJP" })).toBeVisible();
  await expect(page.getByRole("definition").filter({ hasText: "Plaintiffs" })).toBeVisible();

  const jurisdictions = page.getByRole("region", { name: "Jurisdictions" });
  await expect(jurisdictions).toContainText("18 jurisdictions joined this motion");
  const leads = jurisdictions.getByRole("list", { name: /^Lead/ });
  await expect(leads.getByRole("listitem")).toHaveText(["Washington — Bob Ferguson"]);
  const joined = jurisdictions.getByRole("list", { name: /^Joined/ });
  await expect(joined.getByRole("listitem")).toHaveCount(17);
  await expect(joined.getByRole("listitem").filter({ hasText: "New Mexico" })).toHaveText("New Mexico — Hector H. Balderas");
  await expect(joined.getByRole("listitem").filter({ hasText: "District of Columbia" })).toHaveCount(1);
  await expect(jurisdictions.getByRole("list", { name: /^Co-lead/ })).toHaveCount(0);
  await expect(jurisdictions.getByRole("img", { name: `Jurisdictions joining: ${MOTION_TITLE}` })).toBeVisible();

  const demands = page.getByRole("region", { name: "Demands" }).getByRole("listitem");
  await expect(demands).toHaveCount(3);
  await expect(demands.nth(0)).toContainText("Order expedited discovery on the separation of families, asylum processing and reunification.");
  await expect(demands.nth(0)).toContainText("Granted in part");
  await expect(demands.nth(0).getByRole("link", { name: ORDER_TITLE })).toHaveAttribute("href", "/filings/wa-v-us-2018-order-2018-07-19");
  await expect(demands.nth(1)).toContainText("Outcome unknown");
  await expect(demands.nth(1).getByRole("link")).toHaveCount(0);
  await expect(demands.nth(2)).toContainText("Hold regular status conferences.");
  await expect(demands.nth(2)).toContainText("Granted");
  await expect(demands.nth(2)).toContainText("Procedure");

  // The thread: the motion, the response and the reply to it, and the order deciding it.
  const thread = page.getByRole("list", { name: "Filings in this thread" });
  await expect(thread.getByRole("link")).toHaveText([
    MOTION_TITLE,
    "Defendants' response to the motion for expedited discovery",
    "States' reply in support of the motion for expedited discovery",
    ORDER_TITLE,
  ]);
  await expect(thread.getByRole("link", { name: MOTION_TITLE })).toHaveAttribute("aria-current", "page");
  await expect(thread.getByRole("link", { name: "Defendants' response to the motion for expedited discovery" })).toHaveAttribute("href", "/filings/wa-v-us-2018-dkt-21");
  await expect(thread.getByRole("link", { name: "States' reply in support of the motion for expedited discovery" })).toHaveAttribute("href", "/filings/wa-v-us-2018-dkt-26");
  // The reply answers the response, so it sits inside the response's item.
  const response = thread.getByRole("listitem").filter({ has: page.getByRole("link", { name: "Defendants' response to the motion for expedited discovery" }) }).last();
  await expect(response.getByRole("link", { name: "States' reply in support of the motion for expedited discovery" })).toBeVisible();
  await expect(page.getByRole("list", { name: "Its demands are decided by" }).getByRole("link")).toHaveText([ORDER_TITLE]);

  const sources = page.getByRole("region", { name: "Sources" }).getByRole("listitem");
  await expect(sources).toHaveCount(4);
  await expect(sources.nth(0).getByRole("link", { name: MOTION_TITLE })).toHaveAttribute(
    "href",
    "https://assets.documentcloud.org/documents/4577672/Plaintiff-S-Motion-to-Expedite-Discovery-and.txt",
  );
  await expect(sources.nth(0)).toContainText("DocumentCloud, 2 July 2018");
  await expect(sources.nth(1)).toContainText("Washington State Office of the Attorney General, date not recorded");

  const pager = page.getByRole("navigation", { name: "Filings in this lawsuit" });
  await expect(pager.getByRole("link", { name: "Defendants' response to the motion for expedited discovery" })).toHaveAttribute("rel", "next");
  await expect(pager.getByRole("link", { name: /Complaint|complaint/ })).toHaveAttribute("rel", "prev");

  await saveScreenshot(page, "filing-desktop");
});

test("The page of the June 19, 2018 letter cites it without a lawsuit and maps New Mexico as lead", async ({ page }) => {
  await page.goto("/filings/ag-letter-2018-06-19-family-separation");
  await expect(page.getByRole("region", { name: "Cite this" }).locator("#citation")).toHaveText(
    "Attorneys general letter to Attorney General Sessions and Secretary Nielsen demanding an end to family separation (June 19, 2018)",
  );
  await expect(page.getByRole("definition").filter({ hasText: "None: made outside any lawsuit" })).toBeVisible();
  await expect(page.getByRole("region", { name: "Jurisdictions" }).getByRole("list", { name: /^Lead/ }).getByRole("listitem")).toHaveText([
    "New Mexico — Hector H. Balderas",
  ]);
  await expect(page.getByRole("navigation", { name: "Filings in this lawsuit" })).toHaveCount(0);
});

test("An unknown filing id gets the 404 page", async ({ page }) => {
  const response = await page.goto("/filings/no-such-filing");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1, name: "No filing with that id" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Back to the timeline" })).toHaveAttribute("href", "/");
  // The public layout's header is there too.
  await expect(page.getByRole("navigation", { name: "Sections" })).toBeVisible();
});

test("Cite this gives the citation of the motion", async ({ page, context }) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  await page.goto(MOTION);
  const cite = page.getByRole("region", { name: "Cite this" });
  await expect(cite.locator("#citation")).toHaveText(MOTION_CITATION);
  await expect(cite.getByRole("link", { name: /\/filings\/wa-v-us-2018-dkt-15$/ })).toBeVisible();

  await cite.getByRole("button", { name: "Copy citation" }).click();
  await expect(cite.getByRole("status").first()).toHaveText("Copied");
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(MOTION_CITATION);
});

test("The citation is there to select without JavaScript", async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(MOTION);
  await expect(page.locator("#citation")).toHaveText(MOTION_CITATION);
  await expect(page.getByRole("button", { name: "Copy citation" })).toHaveCount(0);
  await context.close();
});

test("The motion's page has no serious or critical accessibility violation", async ({ page }) => {
  await page.goto(MOTION);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await expectNoSeriousAxeViolations(page);
});

test("The motion's page fits a 375 px wide phone without horizontal scrolling", async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 800 });
  await page.goto(MOTION);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(scrollWidth).toBeLessThanOrEqual(375);
  await saveScreenshot(page, "filing-phone");
});

test("The map adds well under 60 kB to the page", async ({ page }) => {
  await page.goto(MOTION);
  const mapMarkup = await page.getByRole("region", { name: "Jurisdictions" }).locator("figure").evaluate((figure) => figure.outerHTML.length);
  expect(mapMarkup).toBeLessThan(45_000);
});
