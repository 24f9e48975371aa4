import { expect, test } from "@playwright/test";

import { OUTCOME_CLASS_CODES } from "../lib/coding/labels";
import { expectNoSeriousAxeViolations } from "./support/axe";

test("A researcher reads the codebook: every issue area, every outcome class, examples from the data, and the same codebook as JSON", async ({ page, request }) => {
  // The issue-area vocabulary is data: the codebook.json download lists what the table holds.
  const download = await request.get("/export/codebook.json");
  expect(download.ok()).toBe(true);
  const codebook = (await download.json()) as { issueAreas: { codes: { code: string; label: string }[] } };
  expect(codebook.issueAreas.codes.length).toBeGreaterThanOrEqual(11);

  await page.goto("/about");
  await page.getByRole("link", { name: "codebook" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Codebook");

  const areas = page.getByRole("table", { name: /^Issue areas/ });
  for (const area of codebook.issueAreas.codes) {
    await expect(areas.getByRole("rowheader", { name: new RegExp(`^${area.label}`) })).toContainText(area.code);
  }
  await expect(areas.getByRole("row", { name: /^Immigration/ }).getByRole("link", { name: "Washington v. United States" })).toBeVisible();

  const outcomes = page.getByRole("table", { name: /^Outcome for the states/ });
  for (const { label } of Object.values(OUTCOME_CLASS_CODES)) {
    await expect(outcomes.getByRole("rowheader", { name: new RegExp(`^${label}`) })).toBeVisible();
  }
  await expect(outcomes.getByRole("row", { name: /^Settled/ }).getByRole("link", { name: "Ms. L. v. ICE" })).toBeVisible();

  await expectNoSeriousAxeViolations(page);
});
