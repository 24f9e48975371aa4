import { readFileSync } from "node:fs";
import path from "node:path";

import { expect, test } from "@playwright/test";

import { expectNoSeriousAxeViolations } from "./support/axe";
import { saveScreenshot } from "./support/screenshots";

// The facts come from the founding dataset the test server seeds, not from memory.
interface DatasetLawsuit {
  id: string;
  caseName: string;
  caseNameShort: string;
  court: string;
  docketNumber: string;
  judge?: string;
  plaintiffs: { jurisdiction: string; role: string }[];
}
interface DatasetFiling {
  id: string;
  lawsuit: string | null;
  dateFiled: string;
  entryNumber?: number;
}
interface Dataset {
  courts: { id: string; fullName: string }[];
  lawsuits: DatasetLawsuit[];
  filings: DatasetFiling[];
}

const dataset = JSON.parse(readFileSync(path.join("prisma", "data", "family-separation-2018.json"), "utf8")) as Dataset;
const WASHINGTON = dataset.lawsuits.find((l) => l.id === "washington-v-united-states-2018")!;
const MS_L = dataset.lawsuits.find((l) => l.id === "ms-l-v-ice-2018")!;

/** The lawsuit's filings as its docket orders them: by date, then entry number (none last). */
function docketOf(lawsuitId: string): DatasetFiling[] {
  return dataset.filings
    .filter((f) => f.lawsuit === lawsuitId)
    .sort((a, b) => a.dateFiled.localeCompare(b.dateFiled) || (a.entryNumber ?? Infinity) - (b.entryNumber ?? Infinity));
}


test("A reader sees Washington v. United States with its court, judge, status, plaintiffs, docket and transfer to Ms. L. v. ICE", async ({ page }) => {
  const response = await page.goto(`/lawsuits/${WASHINGTON.id}`);
  expect(response?.status()).toBe(200);
  await expect(page).toHaveTitle(new RegExp(`^${WASHINGTON.caseNameShort}`));

  await expect(page.getByRole("heading", { level: 1, name: WASHINGTON.caseName })).toBeVisible();
  const court = dataset.courts.find((c) => c.id === WASHINGTON.court)!;
  await expect(page.getByRole("main")).toContainText(court.fullName);
  await expect(page.getByRole("main")).toContainText("2:18-cv-00939-MJP");
  await expect(page.getByRole("main")).toContainText(WASHINGTON.judge!);
  await expect(page.getByRole("main")).toContainText("Transferred");

  const plaintiffs = page.getByRole("list", { name: "Plaintiff jurisdictions" });
  await expect(plaintiffs.getByRole("listitem")).toHaveCount(WASHINGTON.plaintiffs.length);
  expect(WASHINGTON.plaintiffs.length).toBe(18);
  await expect(plaintiffs.getByRole("listitem").filter({ has: page.getByText("Lead", { exact: true }) })).toHaveText(/^Washington\s*Lead$/);
  await expect(page.getByRole("img", { name: "Plaintiff jurisdictions in Washington v. United States" })).toBeVisible();

  const docket = page.getByRole("table", { name: /Docket of Washington v. United States/ });
  const rows = docket.getByRole("rowgroup").nth(1).getByRole("row");
  const expected = docketOf(WASHINGTON.id);
  await expect(rows).toHaveCount(expected.length);
  const numbers = await rows.evaluateAll((trs) => trs.map((tr) => tr.querySelector("td")!.textContent!.replace("None", "").replace("—", "").trim()));
  expect(numbers).toEqual(expected.map((f) => (f.entryNumber === undefined ? "" : String(f.entryNumber))));
  expect(numbers.filter(Boolean)).toEqual(["1", "15", "21", "22", "26", "41", "46", "83"]);
  await expect(docket.getByRole("link", { name: "Complaint for declaratory and injunctive relief" })).toHaveAttribute("href", "/filings/wa-v-us-2018-dkt-1");
  await expect(docket.getByRole("columnheader", { name: "Date" })).toBeVisible();

  const related = page.getByRole("list", { name: "Related lawsuits" });
  await expect(related).toContainText(`Transferred to join: ${MS_L.caseNameShort}`);
  await expect(page.getByRole("link", { name: "See these filings on the timeline" })).toHaveAttribute("href", `/?lawsuit=${WASHINGTON.id}`);

  await saveScreenshot(page, "lawsuit-desktop");

  await related.getByRole("link", { name: MS_L.caseNameShort }).click();
  await expect(page).toHaveURL(`/lawsuits/${MS_L.id}`);
});

test("A reader of Ms. L. v. ICE sees that Washington v. United States joined it by transfer", async ({ page }) => {
  await page.goto(`/lawsuits/${MS_L.id}`);
  await expect(page.getByRole("heading", { level: 1, name: MS_L.caseName })).toBeVisible();
  const related = page.getByRole("list", { name: "Related lawsuits" });
  await expect(related).toContainText(`Joined by transfer of: ${WASHINGTON.caseNameShort}`);
  await expect(related.getByRole("link", { name: WASHINGTON.caseNameShort })).toHaveAttribute("href", `/lawsuits/${WASHINGTON.id}`);
  await expect(page.getByRole("main")).toContainText("No state or territory is a plaintiff in this lawsuit.");
});

test("A lawsuit filed in a known year only shows that year, never an invented day", async ({ page }) => {
  await page.goto("/lawsuits/flores-v-sessions");
  const filed = page.getByRole("term").filter({ hasText: "Date filed" }).locator("xpath=following-sibling::dd[1]");
  await expect(filed).toHaveText("1985");
});

test("An unknown lawsuit is a 404", async ({ page }) => {
  const response = await page.goto("/lawsuits/no-such-lawsuit");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1, name: "Lawsuit not found" })).toBeVisible();
});

test("The list of lawsuits shows all five and sorts by number of filings with Washington v. United States first", async ({ page }) => {
  await page.goto("/lawsuits");
  const table = page.getByRole("table", { name: /Lawsuits/ });
  const rows = table.getByRole("rowgroup").nth(1).getByRole("row");
  await expect(rows).toHaveCount(dataset.lawsuits.length);
  expect(dataset.lawsuits.length).toBe(5);

  await page.getByLabel("Sort by").selectOption({ label: "Number of filings" });
  await page.getByLabel("Order").selectOption({ label: "Descending" });
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page).toHaveURL(/[?&]sort=filings\b/);
  await expect(page).toHaveURL(/[?&]dir=desc\b/);
  await expect(rows.first().getByRole("rowheader")).toContainText(WASHINGTON.caseNameShort);
  const filings = dataset.filings.filter((f) => f.lawsuit === WASHINGTON.id).length;
  await expect(rows.first().getByRole("cell").nth(3)).toHaveText(String(filings));

  // Ascending puts it last; the column heading toggles the order without the form.
  await page.getByRole("link", { name: /^Filings/ }).click();
  await expect(page).toHaveURL(/[?&]dir=asc\b/);
  await expect(rows.last().getByRole("rowheader")).toContainText(WASHINGTON.caseNameShort);
});

test("The list of lawsuits filters by status and by name, and bad parameters fall back to defaults", async ({ page }) => {
  await page.goto("/lawsuits?status=transferred");
  const rows = page.getByRole("table", { name: /Lawsuits/ }).getByRole("rowgroup").nth(1).getByRole("row");
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText(WASHINGTON.caseNameShort);

  await page.goto("/lawsuits?q=flores");
  await expect(rows).toHaveCount(2);

  const response = await page.goto("/lawsuits?sort=nonsense&dir=sideways&status=lost");
  expect(response?.status()).toBe(200);
  await expect(rows).toHaveCount(5);
});

test("The lawsuit page has no serious accessibility violations", async ({ page }) => {
  await page.goto(`/lawsuits/${WASHINGTON.id}`);
  await expectNoSeriousAxeViolations(page);
});

test("The lawsuit page fits a 375-pixel phone without scrolling sideways", async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 800 });
  await page.goto(`/lawsuits/${WASHINGTON.id}`);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(scrollWidth).toBeLessThanOrEqual(375);
  // The docket scrolls inside its own box, which keyboard users can reach.
  const region = page.getByRole("region", { name: /Docket of Washington v. United States/ });
  await expect(region).toHaveAttribute("tabindex", "0");
});
