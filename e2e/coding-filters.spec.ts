import { readFileSync } from "node:fs";
import path from "node:path";

import { expect, test, type Locator } from "@playwright/test";

import { expectNoSeriousAxeViolations } from "./support/axe";

// The facts come from the founding dataset and its coding, which the test server seeds.
interface Dataset {
  lawsuits: { id: string; dateFiled: string }[];
  filings: { id: string; lawsuit: string | null }[];
}
interface Coding {
  coding: { lawsuit: string; issueAreas: string[]; outcome: { class: string } }[];
}
const read = <T,>(file: string) => JSON.parse(readFileSync(path.join("prisma", "data", file), "utf8")) as T;
const dataset = read<Dataset>("family-separation-2018.json");
const { coding } = read<Coding>("family-separation-2018.coding.json");

const WASHINGTON = "washington-v-united-states-2018";
/**
 * Whether a lawsuit's date filed falls wholly in the first Trump administration (20 January
 * 2017 to 19 January 2021): a day inside the term, or a year the term spans entirely.
 */
const inFirstTrumpTerm = (dateFiled: string) =>
  dateFiled.length === 4 ? dateFiled >= "2018" && dateFiled <= "2020" : dateFiled >= "2017-01-20" && dateFiled < "2021-01-20";
const immigrationTrump = coding
  .filter((c) => c.issueAreas.includes("immigration") && inFirstTrumpTerm(dataset.lawsuits.find((l) => l.id === c.lawsuit)!.dateFiled))
  .map((c) => c.lawsuit);

/** The cells of a table row found by its row header, as text. */
async function rowCells(table: Locator, header: string): Promise<string[]> {
  const row = table.getByRole("row").filter({ has: table.page().getByRole("rowheader", { name: header, exact: true }) });
  return row.getByRole("cell").allInnerTexts();
}

test("A researcher filters by issue area immigration and the first Trump administration, sees the Washington lawsuit's filings, and its outcome in the insights", async ({ page }) => {
  expect(immigrationTrump).toContain(WASHINGTON);
  const expected = dataset.filings.filter((f) => f.lawsuit && immigrationTrump.includes(f.lawsuit));
  const elsewhere = dataset.filings.filter((f) => !expected.includes(f));
  expect(elsewhere.length).toBeGreaterThan(0);

  await page.goto("/?view=list");
  await page.getByRole("combobox", { name: "Issue area" }).selectOption("immigration");
  await expect(page).toHaveURL(/[?&]issueArea=immigration\b/);
  await page.getByRole("combobox", { name: "Administration when filed" }).selectOption("trump-1");
  await expect(page).toHaveURL(/[?&]administration=trump-1\b/);
  const chips = page.getByRole("navigation", { name: "Active filters" });
  await expect(chips).toContainText("Immigration");
  await expect(chips).toContainText("First Trump administration");

  for (const filing of dataset.filings.filter((f) => f.lawsuit === WASHINGTON)) {
    await expect(page.locator(`#results-list a[href="/filings/${filing.id}"]`).first()).toBeVisible();
  }
  await expect(page.locator("#results-list article")).toHaveCount(expected.length);
  for (const filing of elsewhere) await expect(page.locator(`#results-list a[href="/filings/${filing.id}"]`)).toHaveCount(0);

  // The same filter on the insights: Washington's outcome (unknown in the founding coding) in the first Trump administration's bar.
  const washington = coding.find((c) => c.lawsuit === WASHINGTON)!;
  expect(washington.outcome.class).toBe("unknown");
  await page.goto("/insights?issueArea=immigration&administration=trump-1");
  const chart = page.getByRole("img", { name: "Outcomes for the states by administration" });
  await expect(chart).toBeVisible();
  const unknown = coding.filter((c) => immigrationTrump.includes(c.lawsuit) && c.outcome.class === "unknown").length;
  await expect(chart).toHaveAccessibleDescription(new RegExp(`First Trump administration: ${immigrationTrump.length} lawsuits, .*${unknown} unknown`));
  await page.getByRole("heading", { name: "By administration" }).locator("..").getByText("Show as table").first().click();
  const table = page.getByRole("table", { name: /Outcomes for the states by administration/ });
  const headers = await table.getByRole("columnheader").allInnerTexts();
  const cells = await rowCells(table, "First Trump administration");
  expect(cells[headers.indexOf("Unknown") - 1]).toBe(String(unknown));
  expect(cells.at(-1)).toBe(String(immigrationTrump.length));
});

test("The insights' coding sections have no serious accessibility violations, their tables opened", async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto("/insights?issueArea=immigration");
  for (const summary of await page.getByText("Show as table").all()) await summary.click();
  await expect(page.getByRole("table", { name: /Outcomes for the states by issue area/ })).toBeVisible();
  await expect(page.getByRole("table", { name: /Each state’s lawsuits/ })).toBeVisible();
  await expectNoSeriousAxeViolations(page);
});
