import { readFileSync } from "node:fs";
import path from "node:path";

import { expect, test, type Locator } from "@playwright/test";

import { expectNoSeriousAxeViolations } from "./support/axe";
import { saveScreenshot } from "./support/screenshots";

// The facts come from the founding dataset the test server seeds, not from memory.
interface Dataset {
  filings: { id: string; kind: string; dateFiled: string; states: { jurisdiction: string; role: string }[] }[];
}

const dataset = JSON.parse(readFileSync(path.join("prisma", "data", "family-separation-2018.json"), "utf8")) as Dataset;
const joinedBy = (code: string) => (filing: Dataset["filings"][number]) => filing.states.some((s) => s.jurisdiction === code);
const togetherCount = (a: string, b: string) => dataset.filings.filter((f) => joinedBy(a)(f) && joinedBy(b)(f)).length;

/** The cells of a table row found by its row header, as text. */
async function rowCells(table: Locator, header: string): Promise<string[]> {
  const row = table.getByRole("row").filter({ has: table.page().getByRole("rowheader", { name: header, exact: true }) });
  return row.getByRole("cell").allInnerTexts();
}


test("The coalitions page shows Washington and New Mexico among each other's top partners in the founding data", async ({ page }) => {
  const together = togetherCount("NM", "WA");
  expect(together).toBeGreaterThan(1);

  // An older link to the partners on /insights leads to their own page.
  await page.goto("/insights?partnersOf=NM");
  await expect(page).toHaveURL(/\/insights\/coalitions\?partnersOf=NM$/);
  await expect(page.getByRole("heading", { level: 1, name: "Who joins with whom" })).toBeVisible();
  const nmPartners = page.getByRole("table", { name: "Top partners of New Mexico" });
  await expect(nmPartners).toBeVisible();
  const washington = await rowCells(nmPartners, "Washington");
  expect(washington.slice(0, 2)).toEqual(["1", String(together)]);

  // Choosing another jurisdiction is a plain form: the URL keeps the choice.
  await page.getByRole("combobox", { name: "Partners of" }).selectOption("WA");
  await page.getByRole("button", { name: "Show partners" }).click();
  await expect(page).toHaveURL(/[?&]partnersOf=WA\b/);
  const waPartners = page.getByRole("table", { name: "Top partners of Washington" });
  await expect(waPartners).toBeVisible();
  expect((await rowCells(waPartners, "New Mexico")).slice(0, 2)).toEqual(["1", String(together)]);
});

test("Coalitions follow the timeline's filters: with New Mexico chosen, the matrix counts only its filings", async ({ page }) => {
  const nmFilings = dataset.filings.filter(joinedBy("NM"));
  // From the insights, to the coalitions, with the timeline's filter panel on both pages.
  await page.goto("/insights");
  await page.getByRole("link", { name: /^Who joins with whom/ }).click();
  await expect(page).toHaveURL(/\/insights\/coalitions$/);
  await page.getByRole("group", { name: "States joining" }).getByLabel(/New Mexico/).check();
  await expect(page).toHaveURL(/\/insights\/coalitions\?state=NM$/);
  await expect(page.getByText(`${nmFilings.length} filings match these filters`)).toBeVisible();
  await expect(page.getByRole("link", { name: "See them on the timeline" })).toHaveAttribute("href", "/?state=NM");
  await expect(page.getByRole("navigation", { name: "Active filters" })).toContainText("New Mexico");
  await expect(page.getByRole("group", { name: "States joining" }).getByLabel(/New Mexico/)).toBeChecked();

  const matrix = page.getByRole("table", { name: /Filings joined by both jurisdictions of each pair/ });
  const columns = await matrix.getByRole("columnheader").allInnerTexts();
  const codes = columns.map((c) => c.trim().slice(0, 2));
  // Every jurisdiction that joined one of New Mexico's filings, and no other.
  const expectedCodes = [...new Set(nmFilings.flatMap((f) => f.states.map((s) => s.jurisdiction)))].sort();
  expect([...codes].sort()).toEqual(expectedCodes);
  const cells = await rowCells(matrix, "Washington");
  expect(cells[codes.indexOf("NM")]).toBe(String(togetherCount("NM", "WA")));
  expect(cells[codes.indexOf("WA")]).toBe(String(nmFilings.filter(joinedBy("WA")).length));
});

test("A researcher orders the coalition matrix by postal code, and switches the insights' map to filings led", async ({ page }) => {
  await page.goto("/insights/coalitions");
  await page.getByRole("navigation", { name: "Order of the matrix" }).getByRole("link", { name: "By postal code" }).click();
  await expect(page).toHaveURL(/[?&]matrixSort=code\b/);
  const matrix = page.getByRole("table", { name: /Filings joined by both jurisdictions of each pair/ });
  await expect(matrix).toContainText("by postal code");
  const codes = (await matrix.getByRole("columnheader").allInnerTexts()).map((c) => c.trim().slice(0, 2));
  expect(codes).toEqual([...codes].sort());

  await page.goto("/insights");
  await page.getByRole("navigation", { name: "What the map shows" }).getByRole("link", { name: "Filings led" }).click();
  await expect(page).toHaveURL(/[?&]map=led\b/);
  await expect(page.getByRole("img", { name: "Filings each state or territory led" })).toBeVisible();
});

test("Each chart is a titled image with its numbers as a table: filings per month by kind equal the founding data's", async ({ page }) => {
  // 2018 only, so that fixtures other tests add (dated 1901 and 1902) cannot change the picture.
  const filings = dataset.filings.filter((f) => f.dateFiled.startsWith("2018"));
  await page.goto("/insights?from=2018&to=2018");
  const chart = page.getByRole("img", { name: "Filings per month, by kind" });
  await expect(chart).toBeVisible();
  await expect(chart).toHaveAccessibleDescription(new RegExp(`^${filings.length} filings from January 2018 to December 2018`));
  await expect(page.getByRole("img", { name: "Demand outcomes by category" })).toBeVisible();

  await page.getByRole("heading", { name: "Filings per month" }).locator("..").getByText("Show as table").click();
  const table = page.getByRole("table", { name: /Filings per month, by kind/ });
  const kinds = (await table.getByRole("columnheader").allInnerTexts()).slice(1, -1).map((k) => k.toLowerCase().replace(" ", "-"));
  for (const month of ["2018-06", "2018-07"]) {
    const inMonth = filings.filter((f) => f.dateFiled.startsWith(month));
    const label = new Date(`${month}-01T00:00:00Z`).toLocaleDateString("en-GB", { month: "long", year: "numeric", timeZone: "UTC" });
    const cells = await rowCells(table, label);
    expect(cells.at(-1)).toBe(String(inMonth.length));
    expect(cells.slice(0, -1)).toEqual(kinds.map((kind) => String(inMonth.filter((f) => f.kind === kind).length)));
  }
});

test("The insights page has no serious accessibility violations, its tables opened", async ({ page }) => {
  // A full scan of a page with two charts, a map and three tables.
  test.setTimeout(120_000);
  await page.goto("/insights");
  for (const summary of await page.getByText("Show as table").all()) await summary.click();
  await expect(page.getByRole("table", { name: /Demand outcomes by category/ })).toBeVisible();
  await expectNoSeriousAxeViolations(page);
});

test("The coalitions page has no serious accessibility violations", async ({ page }) => {
  // A full scan of a page with a 23 × 23 table.
  test.setTimeout(120_000);
  await page.goto("/insights/coalitions?partnersOf=NM");
  await expect(page.getByRole("table", { name: "Top partners of New Mexico" })).toBeVisible();
  await expectNoSeriousAxeViolations(page);
});

test("On a 375 px phone the insights pages do not scroll sideways; the matrix scrolls in its own focusable box", async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 800 });
  await page.goto("/insights");
  await expect(page.getByRole("heading", { level: 1, name: "Insights" })).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
  await page.goto("/insights/coalitions");
  await expect(page.getByRole("heading", { level: 1, name: "Who joins with whom" })).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
  const region = page.getByRole("region", { name: /Filings joined by both jurisdictions of each pair/ });
  await expect(region).toHaveAttribute("tabindex", "0");
  expect(await region.evaluate((box) => box.scrollWidth > box.clientWidth)).toBe(true);
});

test("A screenshot of the insights page for people to look at", async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto("/insights");
  await expect(page.getByRole("img", { name: "Filings per month, by kind" })).toBeVisible();
  // The whole page, with the sticky filter panel where it starts.
  await page.setViewportSize({ width: 1280, height: await page.evaluate(() => document.documentElement.scrollHeight) });
  await saveScreenshot(page, "insights-desktop");
});
