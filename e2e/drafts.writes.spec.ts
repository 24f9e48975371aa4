// A filing imported as a draft (npm run import -- --draft) is invisible to the public
// everywhere it would otherwise show. Its twin, imported published, is searched for in
// the same way and found: so each check below would see the draft if it leaked.
import { expect, test } from "@playwright/test";

import { importFixture } from "./support/cli";

const DRAFT = { id: "e2e-xanthoria-draft-letter", title: "Xanthoria letter imported as a draft" };
const PUBLISHED = { id: "e2e-xanthoria-published-letter", title: "Xanthoria letter imported published" };

test.beforeAll(async () => {
  expect(await importFixture("e2e/fixtures/draft-filing.json", { draft: true })).toContain("(new records as drafts)");
  await importFixture("e2e/fixtures/published-filing.json");
});

test("A filing imported as a draft is not on the timeline, while its published twin is", async ({ page }) => {
  await page.goto("/?view=list&q=xanthoria");
  const results = page.locator("#results-list article");
  await expect(results.filter({ hasText: PUBLISHED.title })).toHaveCount(1);
  await expect(results).toHaveCount(1);
  await expect(page.locator("main")).not.toContainText(DRAFT.title);
});

test("A filing imported as a draft has no page: its address answers 404", async ({ page }) => {
  const draft = await page.goto(`/filings/${DRAFT.id}`);
  expect(draft?.status()).toBe(404);
  await expect(page.locator("main")).not.toContainText(DRAFT.title);

  const published = await page.goto(`/filings/${PUBLISHED.id}`);
  expect(published?.status()).toBe(200);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(PUBLISHED.title);
});

test("A filing imported as a draft is unknown to the API and left out of the exports", async ({ request }) => {
  const draft = await request.get(`/api/v1/filings/${DRAFT.id}`);
  expect(draft.status()).toBe(404);
  expect(draft.headers()["content-type"]).toBe("application/problem+json");
  expect((await request.get(`/api/v1/filings/${PUBLISHED.id}`)).status()).toBe(200);

  const list = await (await request.get("/api/v1/filings?q=xanthoria")).json();
  expect(list.data.map((f: { id: string }) => f.id)).toEqual([PUBLISHED.id]);

  const csv = await request.get("/export/filings.csv");
  expect(csv.status()).toBe(200);
  const text = await csv.text();
  expect(text).toContain(PUBLISHED.id);
  expect(text).not.toContain(DRAFT.id);
});
