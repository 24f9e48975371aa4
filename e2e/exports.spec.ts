import { readFile } from "node:fs/promises";

import { expect, test } from "@playwright/test";
import { parse } from "csv-parse/sync";

test("A researcher filters by New Mexico and downloads a CSV holding exactly the rows on screen", async ({ page }) => {
  await page.goto("/?view=list&state=NM");
  await expect(page.getByRole("heading", { level: 2, name: /^9 filings/ })).toBeVisible();
  const links = page.locator("#results-list article h4 a");
  await expect(links).toHaveCount(9);
  const onScreen = (await links.evaluateAll((anchors) => anchors.map((a) => a.getAttribute("href") ?? ""))).map((href) =>
    decodeURIComponent(href.replace(/^.*\/filings\//, "")),
  );

  const downloads = page.getByRole("navigation", { name: "Use these filings" });
  const [download] = await Promise.all([page.waitForEvent("download"), downloads.getByRole("link", { name: "Download CSV" }).click()]);
  expect(download.suggestedFilename()).toBe("docketline-filings_state-nm.csv");
  const rows: Record<string, string>[] = parse(await readFile(await download.path(), "utf8"), { columns: true });
  // The same filings, in the same order, as the list shows.
  expect(rows.map((r) => r.id)).toEqual(onScreen);
  expect(rows.find((r) => r.id === "wa-v-us-2018-dkt-15")).toMatchObject({ kind: "motion", dateFiled: "2018-07-02", datePrecision: "day" });

  await expect(downloads.getByRole("link", { name: "Download JSON" })).toHaveAttribute("href", "/export/dataset.json?state=NM");
  await expect(downloads.getByRole("link", { name: "CSV, one row per state" })).toHaveAttribute("href", "/export/filing-states.csv?state=NM");
  await expect(page.locator('link[rel="alternate"][type="application/atom+xml"]')).toHaveAttribute("href", /\/feed\.xml\?state=NM$/);
});

test("A researcher filters by issue area and downloads a JSON dataset holding how its lawsuits are coded", async ({ page }) => {
  await page.goto("/?view=list&issueArea=immigration&lawsuit=ms-l-v-ice-2018");
  const downloads = page.getByRole("navigation", { name: "Use these filings" });
  const [download] = await Promise.all([page.waitForEvent("download"), downloads.getByRole("link", { name: "Download JSON" }).click()]);
  expect(download.suggestedFilename()).toBe("docketline-dataset_lawsuit-ms-l-v-ice-2018_issuearea-immigration.json");
  const dataset = JSON.parse(await readFile(await download.path(), "utf8"));
  // Ms. L. and the lawsuit it is related to, each with its coding, and what that coding uses.
  expect(dataset.coding.map((c: { lawsuit: string }) => c.lawsuit)).toEqual(["ms-l-v-ice-2018", "washington-v-united-states-2018"]);
  expect(dataset.coding[0].outcome).toMatchObject({ class: "settled", decidedBy: "ms-l-v-ice-2023-settlement-approval" });
  expect(dataset.filings.map((f: { id: string }) => f.id)).toContain("ms-l-v-ice-2023-settlement-approval");
  expect(dataset.issueAreas.map((a: { slug: string }) => a.slug)).toEqual(["immigration"]);
  expect(dataset.policies.map((p: { id: string }) => p.id)).toEqual(["family-separation-zero-tolerance-2018"]);
});

test("The filing page offers its citation as BibTeX and CSL-JSON", async ({ page }) => {
  await page.goto("/filings/wa-v-us-2018-dkt-15");
  const cite = page.getByRole("region", { name: "Cite this" });
  const [download] = await Promise.all([page.waitForEvent("download"), cite.getByRole("link", { name: "BibTeX" }).click()]);
  expect(download.suggestedFilename()).toBe("wa-v-us-2018-dkt-15.bib");
  const entry = await readFile(await download.path(), "utf8");
  expect(entry).toContain("@misc{wa-v-us-2018-dkt-15,");
  expect(entry).toContain("howpublished = {Washington v. United States, No. 2:18-cv-00939-MJP, ECF No. 15 (W.D. Wash.)}");
  await expect(cite.getByRole("link", { name: "CSL-JSON" })).toHaveAttribute("href", "/filings/wa-v-us-2018-dkt-15/cite.json");
});

// Next.js streams the metadata of slow pages into the body for browsers (it stays in the
// head for the bots it knows), so the links are looked for anywhere in the document.
test("The lawsuit and state pages link their Atom feeds", async ({ page, request }) => {
  await page.goto("/states/NM");
  const stateFeed = page.locator('link[rel="alternate"][type="application/atom+xml"]');
  await expect(stateFeed).toHaveAttribute("href", /\/feed\.xml\?state=NM$/);
  const feed = await request.get((await stateFeed.getAttribute("href"))!);
  expect(feed.headers()["content-type"]).toBe("application/atom+xml; charset=utf-8");
  expect(await feed.text()).toContain("<title>Docketline: filings (State: New Mexico)</title>");

  await page.goto("/lawsuits/washington-v-united-states-2018");
  await expect(page.locator('link[rel="alternate"][type="application/atom+xml"]')).toHaveAttribute(
    "href",
    /\/feed\.xml\?lawsuit=washington-v-united-states-2018$/,
  );
});
