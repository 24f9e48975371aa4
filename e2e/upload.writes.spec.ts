// Staff upload a docketline/v1 file, see what it would change, and apply it; a file with
// problems lists every one and changes nothing. Each test brings its own filings (with
// ids of their own), so that it depends on no other test's data.
import { randomBytes } from "node:crypto";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

import { expect, test, type Page } from "@playwright/test";

import { importFixture } from "./support/cli";
import { createStaffUser, signIn } from "./support/staff";
import { withE2eDatabase } from "./support/write-paths";

// One after another, in file order: the large upload's preview (15,000 filings, computed
// in the app's background) keeps the server and the database busy for seconds on two
// cores, and the other tests here wait at most 5 s for each page. A clean run saw the
// first test's history page come late while that preview ran.
test.describe.configure({ mode: "default" });

const uniqueWord = (prefix: string) => `${prefix}${randomBytes(4).toString("hex").replace(/\d/g, (d) => "ghijklmnop"[Number(d)])}`;

function letter(id: string, title: string, summary = "The states write to the agency about detention conditions.") {
  return {
    id,
    lawsuit: null,
    kind: "letter",
    title,
    dateFiled: "2032-02-03",
    summary,
    states: [{ jurisdiction: "NM", role: "lead" }, { jurisdiction: "CA", role: "joined" }],
    demands: [{ text: "Inspect the facilities.", category: "detention-conditions", outcome: "pending" }],
    sources: [{ url: "https://example.org/upload-letter.pdf", title: "The letter", publisher: "Office of the Attorney General" }],
  };
}

async function importFiling(record: object) {
  const file = path.join(mkdtempSync(path.join(tmpdir(), "upload-")), "existing.json");
  writeFileSync(file, JSON.stringify({ format: "docketline/v1", filings: [record] }));
  await importFixture(file);
}

async function upload(page: Page, name: string, content: string) {
  if (new URL(page.url()).pathname !== "/staff/upload") await page.goto("/staff/upload");
  await page.getByLabel("Dataset file").setInputFiles({ name, mimeType: "application/json", buffer: Buffer.from(content) });
  await page.getByRole("button", { name: "Upload and preview" }).click();
}

/**
 * Waits for the preview, computed in the background: the page reloads itself until it
 * is there, which on a busy machine (other previews, imports) can take longer than an
 * assertion's usual 5 seconds.
 */
async function previewReady(page: Page) {
  await expect(page.getByRole("button", { name: "Apply this upload" })).toBeVisible({ timeout: 60_000 });
}

test("An editor previews an upload, applies it, and finds the new filing among the drafts and the changed one on its public page", async ({ page }) => {
  const word = uniqueWord("upl");
  const changedId = `upload-changed-${word}`;
  const keptId = `upload-kept-${word}`;
  const newId = `upload-new-${word}`;
  const oldTitle = `Letter on ${word} before the upload`;
  const kept = letter(keptId, `Letter on ${word} that stays as it is`);
  await importFiling(letter(changedId, oldTitle));
  await importFiling(kept);

  const newTitle = `Letter on ${word} added by the upload`;
  const changedTitle = `Letter on ${word} corrected by the upload`;
  const file = {
    format: "docketline/v1",
    filings: [letter(newId, newTitle), letter(changedId, changedTitle, "The states write to the agency about detention conditions, again."), kept],
  };

  await signIn(page, await createStaffUser(), { next: "/staff/upload" });
  await upload(page, `${word}.json`, JSON.stringify(file, null, 2));
  await previewReady(page);

  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Upload preview: ${word}.json`);
  await expect(page.getByText("Nothing has been written yet.")).toBeVisible();
  const filingsRow = page.getByRole("row", { name: /^Filings/ });
  await expect(filingsRow.getByRole("cell")).toHaveText(["1", "1", "1"]);
  await expect(page.getByRole("list", { name: "To create (1)" })).toContainText(newTitle);
  const toUpdate = page.getByRole("list", { name: "To update (1)" });
  await expect(toUpdate).toContainText(changedTitle);
  await expect(toUpdate).toContainText("Changes: Title, Summary");

  // The preview wrote nothing.
  await page.goto(`/filings/${changedId}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(oldTitle);
  await page.goBack();

  await page.getByRole("button", { name: "Apply this upload" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Upload applied: ${word}.json`);
  await expect(page.getByRole("status").filter({ hasText: "Applied" })).toContainText("the new records are drafts");
  await expect(page.getByRole("list", { name: "Created (1)" }).getByRole("link", { name: newTitle, exact: true })).toHaveAttribute("href", `/staff/filings/${newId}`);
  await expect(page.getByRole("button", { name: "Apply this upload" })).toHaveCount(0);

  await page.goto("/staff?show=drafts");
  await expect(page.getByRole("region", { name: "Drafts awaiting publication" }).getByRole("link", { name: newTitle, exact: true })).toBeVisible();

  await page.goto(`/filings/${changedId}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(changedTitle);
  await page.getByRole("link", { name: "History", exact: true }).click();
  const latest = page.getByRole("list", { name: "Changes, newest first" }).getByRole("article").first();
  await expect(latest.getByRole("heading")).toHaveText(/^Version 2 Edited by /);
  await expect(latest).toContainText("from a dataset upload");
  await expect(latest.getByRole("term")).toHaveText(["Title", "Summary"]);
});

test("An invalid file lists every problem and nothing is uploaded or applied", async ({ page }) => {
  const word = uniqueWord("bad");
  await signIn(page, await createStaffUser(), { next: "/staff/upload" });

  const invalid = {
    format: "docketline/v1",
    filings: [
      { ...letter(`upload-bad-${word}`, " "), states: [{ jurisdiction: "ZZ", role: "lead" }] },
      { ...letter(`upload-worse-${word}`, `Letter on ${word}`), dateFiled: "2032-13-01" },
    ],
  };
  await upload(page, `${word}.json`, JSON.stringify(invalid, null, 2));
  const problems = page.getByRole("alert").filter({ hasText: "was not uploaded" });
  await expect(problems.getByRole("heading")).toHaveText(`${word}.json was not uploaded: 3 problems`);
  await expect(problems.getByRole("listitem")).toHaveText([
    new RegExp(`^filings\\[0\\] "upload-bad-${word}": title( " ")? must not be empty$`),
    `filings[0] "upload-bad-${word}": states[0].jurisdiction "ZZ" is not a known jurisdiction`,
    /^filings\[1\] "upload-worse-.*": dateFiled "2032-13-01" is not a valid date/,
  ]);
  await expect(page).toHaveURL(/\/staff\/upload$/);

  await upload(page, `${word}-broken.json`, '{\n  "format": "docketline/v1",\n  "filings": [,]\n}');
  await expect(page.getByRole("alert").filter({ hasText: "was not uploaded" }).getByRole("listitem")).toHaveText([/^Malformed JSON at line 3, column \d+/]);

  // Neither file was kept, and neither filing exists.
  await page.goto("/staff/upload");
  await expect(page.getByRole("region", { name: "Recent uploads" })).not.toContainText(word);
  const response = await page.goto(`/filings/upload-worse-${word}`);
  expect(response?.status()).toBe(404);
});

test("A large upload shows how far its preview has got, then the preview, computed once in the background", async ({ page }) => {
  test.setTimeout(180_000);
  const word = uniqueWord("big");
  // Enough filings that the preview, once it may write, takes a while; and until the
  // progress has been seen, the preview waits for the lock every write of records takes,
  // held here: however fast the machine, the upload's answer comes before the preview.
  const count = 15_000;
  const file = {
    format: "docketline/v1",
    filings: Array.from({ length: count }, (_, i) => ({ ...letter(`upload-big-${word}-${i}`, `Letter ${i} on ${word}`), sources: [] })),
  };
  await signIn(page, await createStaffUser(), { next: "/staff/upload" });
  const progress = page.getByRole("region", { name: "Preparing the preview" });
  await withE2eDatabase((sql) =>
    sql.begin(async (tx) => {
      await tx`SELECT docketline_lock_records()`;
      await upload(page, `${word}.json`, JSON.stringify(file));

      // Sending and checking 15,000 filings is the upload's own answer: seconds on a busy machine.
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Upload preview: ${word}.json`, { timeout: 60_000 });
      await expect(progress.getByRole("status")).toHaveText(/^(Waiting to start|Comparing the file with the records): [\d,]+ of 15,000 records \(\d+%\)\.$/);
      await expect(progress.getByRole("progressbar")).toHaveAttribute("max", String(count));
      await expect(progress.getByRole("link", { name: "Reload now" })).toBeVisible();
    }),
  );

  // The page reloads itself until the preview is there.
  const filingsRow = page.getByRole("row", { name: /^Filings/ });
  await expect(filingsRow.getByRole("cell")).toHaveText(["15000", "0", "0"], { timeout: 150_000 });
  await expect(progress).toHaveCount(0);
  await expect(page.getByText(/as previewed .*applying first checks that none of its records changed since/)).toBeVisible();

  await page.goto("/staff/upload");
  await expect(page.getByRole("region", { name: "Recent uploads" }).getByRole("listitem").filter({ hasText: `${word}.json` })).toContainText("not applied, preview ready");
});

test("Applying is refused, naming the record, when an editor changed a previewed filing since the preview; previewing again lets it apply", async ({ page }) => {
  const word = uniqueWord("race");
  const changedId = `upload-race-${word}`;
  await importFiling(letter(changedId, `Letter on ${word} before the upload`));
  const file = { format: "docketline/v1", filings: [letter(changedId, `Letter on ${word} as the upload has it`)] };

  await signIn(page, await createStaffUser(), { next: "/staff/upload" });
  await upload(page, `${word}.json`, JSON.stringify(file, null, 2));
  await previewReady(page);
  await expect(page.getByRole("list", { name: "To update (1)" })).toContainText(`Letter on ${word} as the upload has it`);
  const previewUrl = page.url();

  // Meanwhile an editor corrects the same filing in its form.
  await page.goto(`/staff/filings/${changedId}`);
  await page.getByLabel("Summary (required)").fill("Corrected by an editor after the preview.");
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Saved. This is version 2." })).toBeVisible();

  await page.goto(previewUrl);
  await page.getByRole("button", { name: "Apply this upload" }).click();
  const refusal = page.getByRole("alert").filter({ hasText: "changed since the preview" });
  await expect(refusal).toContainText("nothing was written");
  await expect(refusal.getByRole("listitem")).toHaveText([`The filing "${changedId}" was changed since the preview: version 1 then, version 2 now.`]);
  await page.goto(`/filings/${changedId}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Letter on ${word} before the upload`);

  await page.goto(previewUrl);
  await page.getByRole("button", { name: "Preview again" }).click();
  await previewReady(page);
  await expect(page.getByRole("list", { name: "To update (1)" })).toContainText("Changes: Title, Summary");
  await page.getByRole("button", { name: "Apply this upload" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Upload applied: ${word}.json`);
});
