// A researcher reaches a policy or an agency that the filter panel's lists (the top 8)
// leave out, by a word of its name, with JavaScript (a combobox that suggests as they
// type) and without (the form's words, resolved by the server). The records are made up
// and imported here (e2e/support/many-policies.ts), so this spec runs with the writes.
import { randomBytes } from "node:crypto";

import { expect, test, type Page } from "@playwright/test";

import { expectNoSeriousAxeViolations } from "./support/axe";
import { importDataset } from "./support/cli";
import { manyPoliciesDataset } from "./support/many-policies";

// Letters only: the tag is part of ids and of words to search.
const tag = `cs${randomBytes(5).toString("hex").replace(/\d/g, (d) => "ghijklmnop"[Number(d)])}`;
const { dataset, rare } = manyPoliciesDataset(tag);

test.beforeAll(async () => {
  await importDataset(dataset);
});


/** The view shows the rare lawsuit's one filing, and no other, under a chip naming the value. */
async function expectRareFiling(page: Page, chip: string) {
  const rendered = { timeout: 20_000 };
  await expect(page.getByRole("heading", { level: 2, name: /^1 filing\b/ })).toBeVisible(rendered);
  await expect(page.locator(`#results-list a[href="/filings/${rare.filing}"]`).first()).toBeVisible();
  await expect(page.getByRole("navigation", { name: "Active filters" })).toContainText(chip, rendered);
}

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("A researcher finds a policy and an agency outside the panel's top 8 by a word of their names, without JavaScript", async ({ page }) => {
    test.slow();
    await page.goto("/?view=list");
    // The lists offer the top 8 only: not the rare policy nor its agency.
    await expect(page.getByRole("combobox", { name: "Policy challenged" }).locator(`option[value="${rare.policy}"]`)).toHaveCount(0);
    await expect(page.getByRole("combobox", { name: "Agency", exact: true }).locator("option", { hasText: rare.agency })).toHaveCount(0);

    // A word of the policy's name, then Enter: it fits one policy, which becomes the filter.
    await page.getByRole("textbox", { name: "Find a policy" }).fill(`wetlands ${tag}`);
    await page.getByRole("textbox", { name: "Find a policy" }).press("Enter");
    await expect(page).toHaveURL(new RegExp(`[?&]policy=${rare.policy}(&|$)`));
    await expectRareFiling(page, rare.policyName);
    // The chosen policy is shown as chosen in its list too.
    await expect(page.getByRole("combobox", { name: "Policy challenged" })).toHaveValue(rare.policy);

    // Words that fit several agencies: the page offers them as links that set the filter.
    await page.goto("/?view=list");
    await page.getByRole("textbox", { name: "Find an agency" }).fill(tag);
    await page.getByRole("button", { name: "Find an agency" }).click();
    await expect(page).toHaveURL(new RegExp(`[?&]agencyq=${tag}\\b`));
    const matches = page.getByRole("list", { name: new RegExp(`10 agencies match “${tag}”`) });
    await expect(matches.getByRole("link")).toHaveCount(10);
    await matches.getByRole("link", { name: rare.agency }).click();
    await expect(page).toHaveURL(new RegExp(`[?&]agency=${encodeURIComponent(rare.agency).replace(/%20/g, "\\+")}(&|$)`));
    await expectRareFiling(page, rare.agency);

    // Words that fit none: the page says so.
    await page.getByRole("textbox", { name: "Find a policy" }).fill(`zebra ${tag}`);
    await page.getByRole("textbox", { name: "Find a policy" }).press("Enter");
    await expect(page.getByText(`No policy matches “zebra ${tag}”.`)).toBeVisible();
  });
});

test("With JavaScript, the policy and agency search fields suggest values outside the top 8 as the researcher types, and choosing one filters by it", async ({ page }) => {
  test.slow();
  await page.goto("/?view=list");
  const policy = page.getByRole("combobox", { name: "Find a policy" });
  await expect(policy).toHaveAttribute("aria-expanded", "false", { timeout: 30_000 });
  await expect(page.getByRole("combobox", { name: "Policy challenged" }).locator(`option[value="${rare.policy}"]`)).toHaveCount(0);

  await policy.pressSequentially("wetlands");
  const policyOptions = page.getByRole("listbox", { name: "Matching policies" }).getByRole("option");
  await expect(policyOptions.filter({ hasText: rare.policyName })).toHaveCount(1);
  await expectNoSeriousAxeViolations(page);
  await policyOptions.filter({ hasText: rare.policyName }).click();
  await expect(page).toHaveURL(new RegExp(`[?&]policy=${rare.policy}(&|$)`));
  await expectRareFiling(page, rare.policyName);
  await expect(page.getByRole("combobox", { name: "Policy challenged" })).toHaveValue(rare.policy);

  await page.goto("/?view=list");
  const agency = page.getByRole("combobox", { name: "Find an agency" });
  await expect(agency).toHaveAttribute("aria-expanded", "false", { timeout: 30_000 });
  await agency.pressSequentially(`affairs ${tag}`);
  const agencyOptions = page.getByRole("listbox", { name: "Matching agencies" }).getByRole("option");
  await expect(agencyOptions).toHaveText([new RegExp(`^${rare.agency}\\s+1 lawsuit$`)]);
  await agency.press("ArrowDown");
  await expect(agencyOptions.first()).toHaveAttribute("aria-selected", "true");
  await agency.press("Enter");
  await expect(page).toHaveURL(/[?&]agency=/);
  await expectRareFiling(page, rare.agency);
  await expect(page.getByRole("combobox", { name: "Agency", exact: true })).toHaveValue(rare.agency);
});

test("A search whose words name one value keeps the reader's choice of view when it becomes the filter", async ({ page }) => {
  await page.goto(`/?view=list&policyq=${encodeURIComponent(`wetlands ${tag}`)}`);
  await expect(page).toHaveURL(new RegExp(`[?&]policy=${rare.policy}(&|$)`));
  await expect(page).toHaveURL(/[?&]view=list(&|$)/);
  await expectRareFiling(page, rare.policyName);
});
