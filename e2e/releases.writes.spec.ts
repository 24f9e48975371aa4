// Citable releases (docs/decisions/022): a release made with `npm run release` is listed
// on /data, where its files download byte for byte as their SHA-256 says, and a filing
// or lawsuit it holds offers its release citation beside the live one.
import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";

import { expect, test } from "@playwright/test";

import { expectNoSeriousAxeViolations } from "./support/axe";
import { makeRelease } from "./support/cli";

const FILING = "wa-v-us-2018-dkt-15";
const LAWSUIT = "washington-v-united-states-2018";

/** The CLI's commit reaches the page cache as a notification; the page is then rendered anew (see page-cache.writes.spec.ts). */
const AT_ONCE = { timeout: 15_000, intervals: [50, 100, 250, 500] };

test.describe.configure({ mode: "serial", timeout: 120_000 });

let number: number;

test.beforeAll(async () => {
  number = await makeRelease();
});

test("A researcher finds the release on /data, from the footer, and downloads its dataset as its SHA-256 says", async ({ page, request }) => {
  await page.goto("/");
  await page.getByRole("contentinfo").getByRole("link", { name: "Data releases" }).click();
  await expect(page).toHaveURL(/\/data$/);
  const release = page.getByRole("article", { name: `Release ${number}` });
  await expect(async () => {
    await page.reload();
    await expect(release).toBeVisible({ timeout: 1_000 });
  }).toPass(AT_ONCE);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Data releases");
  // The newest first.
  await expect(page.locator("article[id^=release-]").first()).toHaveAttribute("id", `release-${number}`);
  await expect(page.locator("#data-citation")).toContainText(`Docketline release ${number} (`);

  const row = release.getByRole("row").filter({ has: page.getByRole("link", { name: "dataset.json", exact: true }) });
  const listedHash = (await row.locator("code").textContent())!.trim();
  expect(listedHash).toMatch(/^[0-9a-f]{64}$/);
  const downloading = page.waitForEvent("download");
  await row.getByRole("link", { name: "dataset.json", exact: true }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe(`docketline-release-${number}-dataset.json`);
  const bytes = await readFile((await download.path())!);
  expect(createHash("sha256").update(bytes).digest("hex")).toBe(listedHash);
  expect(JSON.parse(bytes.toString("utf8")).filings.map((f: { id: string }) => f.id)).toContain(FILING);

  const csv = await request.get(`/data/releases/${number}/filings.csv`);
  expect(csv.status()).toBe(200);
  expect(csv.headers()["content-type"]).toBe("text/csv; charset=utf-8; header=present");
  expect(csv.headers()["cache-control"]).toBe("public, max-age=31536000, immutable");
  const csvHash = (await release.getByRole("row").filter({ has: page.getByRole("link", { name: "filings.csv", exact: true }) }).locator("code").textContent())!.trim();
  expect(createHash("sha256").update(await csv.body()).digest("hex")).toBe(csvHash);
});

const PAGES = [
  { name: "filing", path: `/filings/${FILING}`, id: FILING, live: /^States' Motion for Expedited Discovery .*, Washington v\. United States, No\. 2:18-cv-00939-MJP, ECF No\. 15 \(W\.D\. Wash\. July 2, 2018\)$/ },
  { name: "lawsuit", path: `/lawsuits/${LAWSUIT}`, id: LAWSUIT, live: /^Washington v\. United States, No\. 2:18-cv-00939-MJP \(W\.D\. Wash\. filed June 26, 2018\)$/ },
];

for (const { name, path, id, live } of PAGES) {
  test(`The ${name} page offers the release citation beside the live one`, async ({ page, baseURL }) => {
    const cite = page.getByRole("region", { name: "Cite this" });
    const expected = new RegExp(`^Docketline release ${number} \\([^)]+\\), record ${id}, ${baseURL}/data/releases/${number}/dataset\\.json$`);
    await expect(async () => {
      await page.goto(path);
      await expect(cite.locator("#release-citation")).toHaveText(expected, { timeout: 1_000 });
    }).toPass(AT_ONCE);
    // The live citation is still there, with the record's permalink.
    await expect(cite.locator("#citation")).toHaveText(live);
    await expect(cite.locator("#permalink")).toHaveText(`${baseURL}${path}`);
  });
}

test("The data page has no serious accessibility violation and fits a 375 px wide phone", async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 800 });
  await page.goto("/data");
  await expect(page.getByRole("article", { name: `Release ${number}` })).toBeVisible();
  await expectNoSeriousAxeViolations(page);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
});
