// Every change to a filing is in its public history, field by field, and an editor can
// go back to an earlier version from there. Each test imports a filing of its own
// (through the CLI, published) and edits it through the staff form.
import { randomBytes } from "node:crypto";

import { expect, test, type Page } from "@playwright/test";

import { importDataset } from "./support/cli";
import { createStaffUser, signIn } from "./support/staff";

/** A made-up word no other record contains. */
const uniqueWord = (prefix: string) => `${prefix}${randomBytes(4).toString("hex").replace(/\d/g, (d) => "ghijklmnop"[Number(d)])}`;

async function importPublishedFiling(id: string, title: string) {
  await importDataset({
    filings: [
      {
        id,
        lawsuit: null,
        kind: "letter",
        title,
        dateFiled: "2031-03-04",
        summary: "The states write to the agency about family separations at the border.",
        states: [{ jurisdiction: "WA", role: "lead" }],
        demands: [],
        sources: [{ url: "https://example.org/letter.pdf", title: "The letter", publisher: "Office of the Attorney General" }],
      },
    ],
  });
}

async function saveTitle(page: Page, title: string, version: number) {
  await page.getByLabel("Title (required)", { exact: true }).fill(title);
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByRole("status").filter({ hasText: `Saved. This is version ${version}.` })).toBeVisible();
}

test("An editor reverts a filing to its first version from the history, and the public sees the old title and every change", async ({ page, browser }) => {
  const word = uniqueWord("hist");
  const id = `history-${word}`;
  const first = `Letter on ${word}, as first published`;
  const second = `Letter on ${word}, retitled once`;
  const third = `Letter on ${word}, retitled twice`;
  await importPublishedFiling(id, first);

  const editor = await createStaffUser({ name: `Ada ${word}` });
  await signIn(page, editor, { next: `/staff/filings/${id}` });
  await saveTitle(page, second, 2);
  await saveTitle(page, third, 3);

  await page.goto(`/filings/${id}/history`);
  const revisions = page.getByRole("list", { name: "Changes, newest first" }).getByRole("article");
  await expect(revisions.getByRole("heading")).toHaveText([
    `Version 3 Edited by ${editor.name}`,
    `Version 2 Edited by ${editor.name}`,
    "Version 1 Created and published by Command-line import",
  ]);
  const latest = revisions.first();
  await expect(latest.getByRole("term")).toHaveText(["Title"]);
  await expect(latest.locator("del")).toHaveText(`Before: ${second}`);
  await expect(latest.locator("ins")).toHaveText(third);
  await expect(latest.locator("time")).toHaveAttribute("datetime", /^\d{4}-\d{2}-\d{2}T/);
  // The latest version is the filing as it is: nothing to revert to there.
  await expect(latest.getByRole("button", { name: "Revert to this version" })).toHaveCount(0);

  await page.getByRole("article", { name: "Version 1 Created and published by Command-line import" }).getByRole("button", { name: "Revert to this version" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Reverted." })).toHaveText("Reverted. The filing now holds that version, and the public page shows it.");
  await expect(revisions).toHaveCount(4);
  await expect(revisions.first().getByRole("heading")).toHaveText(new RegExp(`^Version 4 Reverted to the version of \\d{1,2} [A-Z][a-z]+ \\d{4} by Ada ${word}$`));
  await expect(revisions.first().locator("ins")).toHaveText(first);

  // Someone who is not signed in: the public page and the public history.
  const visitor = await browser.newPage();
  try {
    await visitor.goto(`/filings/${id}`);
    await expect(visitor.getByRole("heading", { level: 1 })).toHaveText(first);
    await visitor.getByRole("link", { name: "History", exact: true }).click();
    await expect(visitor).toHaveURL(new RegExp(`/filings/${id}/history$`));
    await expect(visitor.getByText("Changes made before publication are not shown.")).toBeVisible();
    await expect(visitor.getByRole("list", { name: "Changes, newest first" }).getByRole("article").getByRole("heading")).toHaveText([
      /^Version 4 Reverted to the version of /,
      `Version 3 Edited by ${editor.name}`,
      `Version 2 Edited by ${editor.name}`,
      "Version 1 Created and published by Command-line import",
    ]);
    await expect(visitor.getByRole("button", { name: "Revert to this version" })).toHaveCount(0);
  } finally {
    await visitor.context().close();
  }
});

test("A revert on a history that is out of date is refused, saying so, and changes nothing", async ({ page, browser }) => {
  const word = uniqueWord("hist");
  const id = `history-${word}`;
  const first = `Letter on ${word}, as first published`;
  await importPublishedFiling(id, first);
  const editor = await createStaffUser();
  await signIn(page, editor, { next: `/staff/filings/${id}` });
  await saveTitle(page, `Letter on ${word}, retitled`, 2);

  await page.goto(`/filings/${id}/history`);
  const revert = page.getByRole("article", { name: /^Version 1 / }).getByRole("button", { name: "Revert to this version" });
  await expect(revert).toBeVisible();

  // Meanwhile another editor saves the filing again.
  const other = await browser.newContext();
  const otherEditor = await createStaffUser();
  try {
    const otherPage = await other.newPage();
    await signIn(otherPage, otherEditor, { next: `/staff/filings/${id}` });
    await saveTitle(otherPage, `Letter on ${word}, retitled by someone else`, 3);
  } finally {
    await other.close();
  }

  await revert.click();
  await expect(page.getByRole("article", { name: /^Version 1 / }).getByRole("alert")).toHaveText(
    `Someone else changed this filing since this page was loaded (${otherEditor.name} made the latest change), so nothing was reverted. The history now shows the latest version: check it and try again.`,
  );
  await page.goto(`/filings/${id}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Letter on ${word}, retitled by someone else`);
});

test("The history of a filing that does not exist is not found", async ({ page }) => {
  const response = await page.goto(`/filings/${uniqueWord("nothing")}/history`);
  expect(response?.status()).toBe(404);
});

test("The public histories of a filing and a lawsuit do not name the drafts they refer to, and staff still see them", async ({ page, browser }) => {
  const word = uniqueWord("hidden");
  const ids = { draftLawsuit: `draft-suit-${word}`, lawsuit: `public-suit-${word}`, motion: `draft-motion-${word}`, reply: `public-reply-${word}` };
  const source = { url: "https://example.org/hidden.pdf", title: "A test source", publisher: "Example" };
  const lawsuit = (id: string, name: string) => ({
    id,
    caseName: `State of Washington v. ${name}`,
    caseNameShort: `Washington v. ${name}`,
    court: `court-${word}`,
    docketNumber: "9:31-cv-00002",
    dateFiled: "2031-05-01",
    status: "open",
    summary: "A lawsuit made up for a test of the history.",
    plaintiffs: [{ jurisdiction: "WA", role: "lead" }],
    otherParties: [],
    sources: [source],
  });
  const filing = (id: string, title: string) => ({
    id,
    lawsuit: null,
    kind: "motion",
    title,
    dateFiled: "2031-05-02",
    summary: "A filing made up for a test of the history.",
    states: [{ jurisdiction: "WA", role: "lead" }],
    demands: [],
    sources: [source],
  });
  await importDataset(
    {
      courts: [{ id: `court-${word}`, shortName: "Test Ct.", fullName: "A court made up for a test" }],
      lawsuits: [lawsuit(ids.draftLawsuit, `Draft ${word}`)],
      filings: [filing(ids.motion, `Draft motion ${word}`)],
    },
    { draft: true },
  );
  await importDataset({
    lawsuits: [{ ...lawsuit(ids.lawsuit, `Public ${word}`), related: [{ lawsuit: ids.draftLawsuit, relation: "related" }] }],
    filings: [
      {
        ...filing(ids.reply, `Public reply ${word}`),
        kind: "reply",
        respondsTo: ids.motion,
        demands: [{ text: "Reunify families.", category: "reunification", outcome: "granted", decidedBy: ids.motion }],
      },
    ],
  });

  const visitor = await browser.newPage();
  try {
    for (const [path, shown] of [
      [`/filings/${ids.reply}/history`, "Reunify families."],
      [`/lawsuits/${ids.lawsuit}/history`, `Washington v. Public ${word}`],
    ]) {
      await visitor.goto(path);
      await expect(visitor.getByRole("list", { name: "Changes, newest first" })).toContainText(shown);
      await expect(visitor.locator("body")).not.toContainText(ids.motion);
      await expect(visitor.locator("body")).not.toContainText(ids.draftLawsuit);
    }
  } finally {
    await visitor.close();
  }

  await signIn(page, await createStaffUser());
  await page.goto(`/filings/${ids.reply}/history`);
  await expect(page.getByRole("list", { name: "Changes, newest first" })).toContainText(`decided by ${ids.motion}`);
  await page.goto(`/lawsuits/${ids.lawsuit}/history`);
  await expect(page.getByRole("list", { name: "Changes, newest first" })).toContainText(ids.draftLawsuit);
});
