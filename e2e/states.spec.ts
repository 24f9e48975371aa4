import { readFileSync } from "node:fs";
import path from "node:path";

import { expect, test } from "@playwright/test";

import { expectNoSeriousAxeViolations } from "./support/axe";
import { saveScreenshot } from "./support/screenshots";

// The facts come from the founding dataset the test server seeds, not from memory.
interface Dataset {
  officials: { name: string; jurisdiction: string }[];
  lawsuits: { id: string; caseNameShort: string; plaintiffs: { jurisdiction: string }[] }[];
  filings: { id: string; dateFiled: string; states: { jurisdiction: string; role: string }[] }[];
}

const dataset = JSON.parse(readFileSync(path.join("prisma", "data", "family-separation-2018.json"), "utf8")) as Dataset;

/** What New Mexico did, counted from the dataset: filings joined (any role) and led, per year and in total. */
function activityOf(code: string) {
  const years = new Map<string, { joined: number; led: number }>();
  let joined = 0;
  let led = 0;
  for (const filing of dataset.filings) {
    const state = filing.states.find((s) => s.jurisdiction === code);
    if (!state) continue;
    const year = filing.dateFiled.slice(0, 4);
    const counts = years.get(year) ?? { joined: 0, led: 0 };
    counts.joined += 1;
    joined += 1;
    if (state.role === "lead") {
      counts.led += 1;
      led += 1;
    }
    years.set(year, counts);
  }
  return { joined, led, years: [...years].sort(([a], [b]) => a.localeCompare(b)) };
}


test("A reader sees New Mexico's attorney general and how many filings it joined and led, per year", async ({ page }) => {
  const response = await page.goto("/states/NM");
  expect(response?.status()).toBe(200);
  await expect(page).toHaveTitle(/^New Mexico/);
  await expect(page.getByRole("heading", { level: 1, name: "New Mexico" })).toBeVisible();

  const official = dataset.officials.find((o) => o.jurisdiction === "NM")!;
  expect(official.name).toBe("Hector H. Balderas");
  await expect(page.getByRole("list", { name: "Officials" })).toContainText(official.name);

  const { joined, led, years } = activityOf("NM");
  expect(joined).toBeGreaterThan(0);
  expect(led).toBeGreaterThan(0);
  const table = page.getByRole("table", { name: /Filings New Mexico joined and led, per year/ });
  const total = table.getByRole("row").filter({ has: page.getByRole("rowheader", { name: "Total" }) });
  await expect(total.getByRole("cell").nth(0)).toHaveText(String(joined));
  await expect(total.getByRole("cell").nth(1)).toHaveText(String(led));
  for (const [year, counts] of years) {
    const row = table.getByRole("row").filter({ has: page.getByRole("rowheader", { name: year, exact: true }) });
    await expect(row.getByRole("cell").nth(0)).toHaveText(String(counts.joined));
    await expect(row.getByRole("cell").nth(1)).toHaveText(String(counts.led));
  }

  const filings = page.getByRole("table", { name: /Filings New Mexico joined, newest first/ });
  await expect(filings.getByRole("rowgroup").nth(1).getByRole("row")).toHaveCount(joined);
  const dates = await filings.locator("tbody time").evaluateAll((times) => times.map((t) => t.getAttribute("datetime") ?? ""));
  expect(dates).toEqual([...dates].sort().reverse());

  const lawsuits = dataset.lawsuits.filter((l) => l.plaintiffs.some((p) => p.jurisdiction === "NM"));
  const lawsuitList = page.getByRole("list", { name: "Lawsuits as plaintiff" });
  await expect(lawsuitList.getByRole("listitem")).toHaveCount(lawsuits.length);
  for (const lawsuit of lawsuits) await expect(lawsuitList.getByRole("link", { name: lawsuit.caseNameShort })).toBeVisible();

  await expect(page.getByRole("link", { name: "See its filings on the timeline" })).toHaveAttribute("href", "/?state=NM");
  await expect(page.getByRole("link", { name: "See the filings it led on the timeline" })).toHaveAttribute("href", "/?state=NM&role=lead");

  await saveScreenshot(page, "state-desktop");
});

test("A state's address in lower case redirects to upper case", async ({ page }) => {
  await page.goto("/states/nm");
  await expect(page).toHaveURL("/states/NM");
  await expect(page.getByRole("heading", { level: 1, name: "New Mexico" })).toBeVisible();
});

test("An unknown jurisdiction is a 404", async ({ page }) => {
  const response = await page.goto("/states/ZZ");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1, name: "Jurisdiction not found" })).toBeVisible();
});

test("The list of states shows all 56 jurisdictions, with DC and the territories apart, and sorts by filings joined", async ({ page }) => {
  await page.goto("/states");
  const table = page.getByRole("table", { name: /jurisdictions, sorted by/ });
  await expect(table.getByRole("rowheader")).toHaveCount(56);
  await expect(table.getByRole("columnheader", { name: /District of Columbia and territories \(6\)/ })).toBeVisible();
  await expect(page.getByRole("img", { name: "Filings joined by each state and territory" })).toBeVisible();

  await page.getByLabel("Sort by").selectOption({ label: "Filings joined" });
  await page.getByRole("button", { name: "Sort" }).click();
  await expect(page).toHaveURL(/[?&]sort=joined\b/);
  // The first state row (after the group's heading row) is a state that joined the most filings.
  const counts = new Map<string, number>();
  for (const filing of dataset.filings) for (const s of filing.states) counts.set(s.jurisdiction, (counts.get(s.jurisdiction) ?? 0) + 1);
  const notStates = ["DC", "AS", "GU", "MP", "PR", "VI"];
  const most = Math.max(...[...counts].filter(([code]) => !notStates.includes(code)).map(([, n]) => n));
  await expect(table.getByRole("rowgroup").nth(1).getByRole("row").nth(1).getByRole("cell").first()).toHaveText(String(most));
});

test("The state page has no serious accessibility violations", async ({ page }) => {
  await page.goto("/states/NM");
  await expectNoSeriousAxeViolations(page);
});

test("The state page fits a 375-pixel phone without scrolling sideways", async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 800 });
  await page.goto("/states/NM");
  await expect(page.getByRole("heading", { level: 1, name: "New Mexico" })).toBeVisible();
  const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(scrollWidth).toBeLessThanOrEqual(375);
  await saveScreenshot(page, "state-phone");
});
