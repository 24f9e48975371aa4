// The research coding's records have public histories like lawsuits and filings: a
// lawsuit's coding (sides, outcome, milestones, policies, issue areas), a policy and an
// issue area, each reached from where the public sees it (the lawsuit's coding section,
// the codebook), field by field, and never what was coded while the lawsuit was a draft.
// Each test imports records of its own through the CLI, then changes them by importing
// again (which records a revision by "Command-line import").
import { randomBytes } from "node:crypto";

import { expect, test, type Page } from "@playwright/test";

import { expectNoSeriousAxeViolations } from "./support/axe";
import { importDataset } from "./support/cli";
import { createStaffUser, signIn } from "./support/staff";

/** A made-up word no other record contains (letters only: it is part of ids). */
const uniqueWord = (prefix: string) => `${prefix}${randomBytes(4).toString("hex").replace(/\d/g, (d) => "ghijklmnop"[Number(d)])}`;
const SOURCE = { url: "https://example.org/coding-history", title: "A test source", publisher: "Example" };

function records(word: string) {
  const lawsuit = `coded-${word}`;
  const filing = `coded-complaint-${word}`;
  const policy = `policy-${word}`;
  const area = `area-${word}`;
  const ids = { lawsuit, filing, policy, area };
  return {
    ids,
    data: {
      courts: [{ id: `court-${word}`, shortName: "Test Ct.", fullName: "A court made up for a test" }],
      issueAreas: [{ slug: area, label: `Area ${word}`, definition: "An issue area made up for a test." }],
      policies: [{ id: policy, name: `Rule ${word}`, agencies: ["Agency of Tests"], sources: [SOURCE] }],
      lawsuits: [
        {
          id: lawsuit,
          caseName: `State of Washington v. Agency of Tests ${word}`,
          caseNameShort: `Washington v. Tests ${word}`,
          court: `court-${word}`,
          docketNumber: "9:32-cv-00001",
          dateFiled: "2032-01-05",
          status: "open",
          summary: "A lawsuit made up for a test of the coding's history.",
          plaintiffs: [{ jurisdiction: "WA", role: "lead" }],
          otherParties: [],
          sources: [SOURCE],
        },
      ],
      filings: [
        {
          id: filing,
          lawsuit,
          kind: "complaint",
          title: `Complaint ${word}`,
          dateFiled: "2032-01-05",
          summary: "A filing made up for a test of the coding's history.",
          states: [{ jurisdiction: "WA", role: "lead" }],
          demands: [],
          sources: [SOURCE],
        },
      ],
      coding: [{ lawsuit, policies: [policy], issueAreas: [area], sources: [SOURCE] }],
    },
  };
}

type Records = ReturnType<typeof records>;

/** The same records with the coding, the policy and the issue area changed. */
function changed(r: Records, word: string) {
  return {
    ...r.data,
    issueAreas: [{ ...r.data.issueAreas[0], definition: `An issue area made up for a test, defined again ${word}.` }],
    policies: [{ ...r.data.policies[0], name: `Rule ${word}, as amended` }],
    coding: [
      {
        ...r.data.coding[0],
        stateSides: [{ jurisdiction: "WA", side: "plaintiff", filing: r.ids.filing }],
        outcome: { class: "pending", sources: [SOURCE] },
        reliefMilestones: [{ relief: "preliminary-injunction", status: "requested", date: "2032-01-06", filing: r.ids.filing }],
      },
    ],
  };
}

const revisionsOf = (page: Page) => page.getByRole("list", { name: "Changes, newest first" }).getByRole("article");

test("The public reads the history of a lawsuit's coding, of the policy it challenges and of its issue area, from the lawsuit's page and the codebook", async ({ page }) => {
  test.slow();
  const word = uniqueWord("ch");
  const r = records(word);
  await importDataset(r.data);

  await page.goto(`/lawsuits/${r.ids.lawsuit}`);
  const coding = page.getByRole("region", { name: "Research coding" });
  await expect(coding).toContainText(`Rule ${word}`);
  await coding.getByRole("link", { name: "History of the coding" }).click();
  await expect(page).toHaveURL(new RegExp(`/lawsuits/${r.ids.lawsuit}/coding/history$`));
  await expect(revisionsOf(page).getByRole("heading")).toHaveText(["Version 1 Created by Command-line import"]);

  // A change of the coding reaches its history at once (the page is not kept stale by the cache).
  await importDataset(changed(r, word));
  await expect(async () => {
    await page.reload();
    await expect(revisionsOf(page).getByRole("heading")).toHaveText(["Version 2 Edited by Command-line import", "Version 1 Created by Command-line import"], { timeout: 1000 });
  }).toPass({ timeout: 20_000 });
  const latest = revisionsOf(page).first();
  await expect(latest.getByRole("term")).toHaveText(["States' sides", "Outcome for the states", "Relief milestones"]);
  await expect(latest).toContainText("Washington (Plaintiff, shown by");
  await expect(latest.locator("ins").filter({ hasText: "Pending" })).toHaveCount(1);
  await expect(latest).toContainText("Preliminary injunction");
  await expect(latest).not.toContainText("[object Object]");
  await expect(page.getByText("Changes made before the lawsuit was published are not shown.")).toBeVisible();
  await expectNoSeriousAxeViolations(page);

  // The policy's history, from the lawsuit's coding section.
  await page.goto(`/lawsuits/${r.ids.lawsuit}`);
  await page.getByRole("region", { name: "Research coding" }).getByRole("link", { name: `History of the policy Rule ${word}, as amended` }).click();
  await expect(page).toHaveURL(new RegExp(`/policies/${r.ids.policy}/history$`));
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("History of this policy");
  const policyChange = revisionsOf(page).first();
  await expect(policyChange.getByRole("term")).toHaveText(["Name"]);
  await expect(policyChange.locator("del")).toHaveText(`Before: Rule ${word}`);
  await expect(policyChange.locator("ins")).toHaveText(`Rule ${word}, as amended`);

  // The issue area's history, from the codebook.
  await page.goto("/about/codebook");
  await page.getByRole("link", { name: `History of Area ${word}` }).click();
  await expect(page).toHaveURL(new RegExp(`/issue-areas/${r.ids.area}/history$`));
  await expect(revisionsOf(page).getByRole("heading")).toHaveText(["Version 2 Edited by Command-line import", "Version 1 Created by Command-line import"]);
  await expect(revisionsOf(page).first().getByRole("term")).toHaveText(["Definition"]);
  await expectNoSeriousAxeViolations(page);
});

test("The coding of a draft lawsuit has no public history, and once the lawsuit is published its history starts there", async ({ page, browser }) => {
  test.slow();
  const word = uniqueWord("cd");
  const r = records(word);
  // Coded while the lawsuit is a draft, first citing a source that is then replaced: that source was never public.
  const draftOnly = `Draft source ${word}`;
  await importDataset({ ...r.data, coding: [{ ...r.data.coding[0], sources: [{ ...SOURCE, url: "https://example.org/draft-only", title: draftOnly }] }] }, { draft: true });
  await importDataset({ ...r.data, policies: [], issueAreas: [] }, { draft: true });

  const reader = await browser.newPage();
  const draftHistory = await reader.goto(`/lawsuits/${r.ids.lawsuit}/coding/history`);
  expect(draftHistory?.status()).toBe(404);

  // An editor publishes the lawsuit; then the coding changes once more.
  await signIn(page, await createStaffUser({ name: `Ed ${word}` }), { next: `/staff/lawsuits/${r.ids.lawsuit}` });
  await page.getByRole("button", { name: "Publish" }).click();
  await expect(page.getByRole("status").filter({ hasText: /^Published/ })).toBeVisible();
  await importDataset({ ...r.data, policies: [], issueAreas: [], coding: [{ ...r.data.coding[0], outcome: { class: "pending", sources: [SOURCE] } }] });

  await expect(async () => {
    const response = await reader.goto(`/lawsuits/${r.ids.lawsuit}/coding/history`);
    expect(response?.status()).toBe(200);
    await expect(revisionsOf(reader).getByRole("heading")).toHaveText(["Version 3 Edited by Command-line import"], { timeout: 1000 });
  }).toPass({ timeout: 20_000 });
  await expect(reader.getByText("Changes made before the lawsuit was published are not shown.")).toBeVisible();
  await expect(revisionsOf(reader).first().getByRole("term")).toHaveText(["Outcome for the states"]);
  await expect(reader.getByText(draftOnly)).toHaveCount(0);

  // Staff see the whole history, drafts included.
  await page.goto(`/lawsuits/${r.ids.lawsuit}/coding/history`);
  await expect(revisionsOf(page).getByRole("heading")).toHaveText([
    "Version 3 Edited by Command-line import",
    "Version 2 Edited by Command-line import",
    "Version 1 Created by Command-line import",
  ]);
  await expect(page.getByText(draftOnly).first()).toBeVisible();

  // And may go back to an earlier coding from there, as on a lawsuit's history.
  await page.getByRole("article", { name: "Version 2 Edited by Command-line import" }).getByRole("button", { name: "Revert to this version" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Reverted." })).toHaveText("Reverted. The research coding now holds that version, and the public page shows it.");
  await expect(revisionsOf(page).first().getByRole("heading")).toHaveText(new RegExp(`^Version 4 Reverted to the version of \\d{1,2} [A-Z][a-z]+ \\d{4} by Ed ${word}$`));
  await expect(revisionsOf(page).first().getByRole("term")).toHaveText(["Outcome for the states"]);
  await reader.close();
});

test("A revert of a lawsuit's coding names it as its history page does, the research coding", async ({ page }) => {
  const word = uniqueWord("cn");
  const r = records(word);
  const edited = changed(r, word);
  await importDataset(r.data);
  await importDataset(edited);
  await signIn(page, await createStaffUser());
  await page.goto(`/lawsuits/${r.ids.lawsuit}/coding/history`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("History of this research coding");
  const revert = page.getByRole("article", { name: /^Version 1 / }).getByRole("button", { name: "Revert to this version" });
  await expect(revert).toBeVisible();

  // Meanwhile the coding changes again, so the revert is refused with a sentence that names the record.
  await importDataset({ ...edited, coding: [{ ...edited.coding[0], outcome: { class: "settled", sources: [SOURCE] } }] });
  await revert.click();
  await expect(page.getByRole("article", { name: /^Version 1 / }).getByRole("alert")).toHaveText(
    "Someone else changed this research coding since this page was loaded (Command-line import made the latest change), so nothing was reverted. The history now shows the latest version: check it and try again.",
  );
});

test("The public history of a lawsuit's coding does not name a draft filing the coding cites, and staff still see it", async ({ page, browser }) => {
  test.slow();
  const word = uniqueWord("cf");
  const r = records(word);
  const order = `coded-order-${word}`;
  const orderTitle = `Unpublished order ${word}`;
  await importDataset(r.data);
  await importDataset(
    { filings: [{ ...r.data.filings[0], id: order, kind: "order", title: orderTitle, dateFiled: "2032-02-01" }] },
    { draft: true },
  );
  // Every value cites the draft order as well as a source: the values are public, the order is not.
  await importDataset({
    ...r.data,
    coding: [
      {
        ...r.data.coding[0],
        stateSides: [{ jurisdiction: "WA", side: "plaintiff", filing: order, sources: [SOURCE] }],
        outcome: { class: "success-injunction-only", date: "2032-02-01", decidedBy: order, sources: [SOURCE] },
        reliefMilestones: [{ relief: "preliminary-injunction", status: "granted", date: "2032-02-01", filing: order, sources: [SOURCE] }],
      },
    ],
  });

  const reader = await browser.newPage();
  await expect(async () => {
    await reader.goto(`/lawsuits/${r.ids.lawsuit}/coding/history`);
    await expect(revisionsOf(reader).getByRole("heading")).toHaveCount(2, { timeout: 1000 });
  }).toPass({ timeout: 20_000 });
  const latest = revisionsOf(reader).first();
  await expect(latest.getByRole("term")).toHaveText(["States' sides", "Outcome for the states", "Relief milestones"]);
  await expect(latest).toContainText("Washington (Plaintiff)");
  await expect(latest).toContainText("Preliminary injunction");
  await expect(reader.locator("body")).not.toContainText(order);
  await expect(reader.locator("body")).not.toContainText(orderTitle);
  await reader.close();

  await signIn(page, await createStaffUser());
  await page.goto(`/lawsuits/${r.ids.lawsuit}/coding/history`);
  await expect(revisionsOf(page).first()).toContainText(`Washington (Plaintiff, shown by ${order})`);
  await expect(revisionsOf(page).first()).toContainText(`decided by ${order}`);
});
