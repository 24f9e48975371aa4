import { readFileSync } from "node:fs";
import path from "node:path";

import { expect, test, type Page } from "@playwright/test";

import { expectNoSeriousAxeViolations } from "./support/axe";

// The facts come from the founding dataset the test server seeds.
interface Dataset {
  lawsuits: { id: string; caseNameShort: string; docketNumber: string }[];
  filings: { id: string; lawsuit: string | null }[];
}
const dataset = JSON.parse(readFileSync(path.join("prisma", "data", "family-separation-2018.json"), "utf8")) as Dataset;
const lawsuit = (id: string) => dataset.lawsuits.find((l) => l.id === id)!;
const WASHINGTON = lawsuit("washington-v-united-states-2018");
const FLORES_V_BARR = lawsuit("flores-v-barr-2019");
const FLORES_V_SESSIONS = lawsuit("flores-v-sessions");
const filingsOf = (id: string) => dataset.filings.filter((f) => f.lawsuit === id).length;

/** The results heading says how many filings the view shows: those of the lawsuit, and no other. */
async function expectFilingsOf(page: Page, id: string) {
  const n = filingsOf(id);
  expect(n).toBeGreaterThan(0);
  // With JavaScript the URL changes first and the server's render follows: a loaded machine may take a while.
  const rendered = { timeout: 20_000 };
  await expect(page.getByRole("heading", { level: 2, name: new RegExp(`^${n} filings?\\b`) })).toBeVisible(rendered);
  await expect(page.getByRole("navigation", { name: "Active filters" })).toContainText(lawsuit(id).caseNameShort, rendered);
}

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("The lawsuit search field finds a lawsuit by words of its caption and by docket number, without JavaScript too", async ({ page }) => {
    // Several page loads and an axe scan.
    test.slow();
    await page.goto("/");
    const field = page.getByRole("textbox", { name: "Find a lawsuit" });

    // Words of the caption that fit one lawsuit: it becomes the filter, by its id.
    await field.fill("washington v united");
    await field.press("Enter");
    await expect(page).toHaveURL(new RegExp(`/\\?lawsuit=${WASHINGTON.id}$`));
    await expectFilingsOf(page, WASHINGTON.id);
    await expect(page.getByRole("radio", { name: new RegExp(`^${WASHINGTON.caseNameShort}`) })).toBeChecked();

    // A docket number, typed without its punctuation, replaces the lawsuit.
    await page.getByRole("textbox", { name: "Find a lawsuit" }).fill(FLORES_V_BARR.docketNumber.replace(/-/g, " "));
    await page.getByRole("button", { name: "Find a lawsuit" }).click();
    await expect(page).toHaveURL(new RegExp(`[?&]lawsuit=${FLORES_V_BARR.id}$`));
    await expectFilingsOf(page, FLORES_V_BARR.id);

    // Words that fit several lawsuits: the page offers them as links that set the filter.
    await page.getByRole("textbox", { name: "Find a lawsuit" }).fill("Flores");
    await page.getByRole("textbox", { name: "Find a lawsuit" }).press("Enter");
    await expect(page).toHaveURL(/[?&]lawsuitq=Flores\b/);
    const matches = page.getByRole("list", { name: /2 lawsuits match “Flores”/ });
    await expect(matches.getByRole("link")).toHaveText([/^Flores v\./, /^Flores v\./]);
    await matches.getByRole("link", { name: FLORES_V_SESSIONS.caseNameShort }).click();
    await expect(page).toHaveURL(new RegExp(`[?&]lawsuit=${FLORES_V_SESSIONS.id}$`));
    await expectFilingsOf(page, FLORES_V_SESSIONS.id);

    // Words that fit none: the page says so.
    await page.getByRole("textbox", { name: "Find a lawsuit" }).fill("zebra");
    await page.getByRole("textbox", { name: "Find a lawsuit" }).press("Enter");
    await expect(page.getByText("No lawsuit matches “zebra”.")).toBeVisible();
  });
});

/** `/` with the lawsuit field's combobox ready, "flores" typed and its two suggestions shown. */
async function suggestFlores(page: Page) {
  await page.goto("/");
  const combobox = page.getByRole("combobox", { name: "Find a lawsuit" });
  // The field becomes a combobox when its script has run, which a loaded machine may take a while to do.
  await expect(combobox).toHaveAttribute("aria-expanded", "false", { timeout: 30_000 });
  await combobox.pressSequentially("flores");
  const options = page.getByRole("listbox", { name: "Matching lawsuits" }).getByRole("option");
  await expect(options).toHaveText([/^Flores v\./, /^Flores v\./]);
  return { combobox, options };
}

test("With JavaScript, the lawsuit search field is a combobox that suggests lawsuits by caption and docket number as the reader types", async ({ page }) => {
  test.slow();
  const { combobox, options } = await suggestFlores(page);
  await expect(combobox).toHaveAttribute("aria-expanded", "true");
  await expect(page.getByRole("status").filter({ hasText: "2 lawsuits match" })).toBeAttached();
  await expectNoSeriousAxeViolations(page);

  // The keyboard moves through the suggestions, the field says which one is active, Enter chooses it.
  await combobox.press("ArrowDown");
  await combobox.press("ArrowDown");
  await expect(options.nth(1)).toHaveAttribute("aria-selected", "true");
  await expect(combobox).toHaveAttribute("aria-activedescendant", (await options.nth(1).getAttribute("id"))!);
  const chosenText = await options.nth(1).innerText();
  const chosen = dataset.lawsuits.find((l) => chosenText.startsWith(`${l.caseNameShort} `))!;
  await combobox.press("Enter");
  await expect(page).toHaveURL(new RegExp(`[?&]lawsuit=${chosen.id}$`));
  await expectFilingsOf(page, chosen.id);

  // By docket number: one suggestion; Escape closes the list without choosing.
  await combobox.fill("2:18-cv-00939");
  await expect(options).toHaveText([new RegExp(`^${WASHINGTON.caseNameShort}\\s+No\\. ${WASHINGTON.docketNumber}`)]);
  await combobox.press("Escape");
  await expect(combobox).toHaveAttribute("aria-expanded", "false");
  await combobox.press("ArrowDown");
  await expect(options.first()).toHaveAttribute("aria-selected", "true");
  await options.first().click();
  await expect(page).toHaveURL(new RegExp(`[?&]lawsuit=${WASHINGTON.id}$`));
  await expectFilingsOf(page, WASHINGTON.id);

  // The matches the server offers for words that fit several (axe needs JavaScript, so it is scanned here).
  await page.goto("/?lawsuitq=flores");
  await expect(page.getByRole("list", { name: /2 lawsuits match “flores”/ }).getByRole("link")).toHaveCount(2);
  await expectNoSeriousAxeViolations(page);
});

test("Enter chooses the suggestion the reader highlighted, even when a refresh of the suggestions lands just before it", async ({ page }) => {
  test.slow();
  // The answer to the reader's last words is held until they have highlighted a suggestion of the list they see.
  let release = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  const lastWords = /\/api\/v1\/lawsuits\?q=flores%20v$/;
  await page.route(lastWords, async (route) => {
    await held;
    await route.continue();
  });
  try {
    const { combobox, options } = await suggestFlores(page);

    const asked = page.waitForRequest(lastWords);
    await combobox.pressSequentially(" v");
    await asked;
    await combobox.press("ArrowDown");
    await combobox.press("ArrowDown");
    await expect(options.nth(1)).toHaveAttribute("aria-selected", "true");
    const chosenText = await options.nth(1).innerText();
    const chosen = dataset.lawsuits.find((l) => chosenText.startsWith(`${l.caseNameShort} `))!;

    // The refresh arrives and the page has handled it (its fetch has ended, then two frames) when Enter is pressed.
    release();
    await page.waitForFunction(() => performance.getEntriesByType("resource").some((entry) => entry.name.endsWith("/api/v1/lawsuits?q=flores%20v")));
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
    await combobox.press("Enter");
    await expect(page).toHaveURL(new RegExp(`[?&]lawsuit=${chosen.id}$`));
    await expectFilingsOf(page, chosen.id);
  } finally {
    release();
  }
});

test("The lawsuit list comes in pages, and a page past the end offers the way back", async ({ page }) => {
  // The founding data fits on one page: no page links, and page 2 is past the end.
  await page.goto("/lawsuits");
  await expect(page.getByRole("navigation", { name: "Pages of lawsuits" })).toHaveCount(0);
  await page.goto("/lawsuits?page=2");
  await expect(page.getByText("There is no page 2.")).toBeVisible();
  await page.getByRole("link", { name: "Back to the first page" }).click();
  await expect(page).toHaveURL(/\/lawsuits$/);
  await expect(page.getByRole("table", { name: /Lawsuits, sorted by/ }).getByRole("rowgroup").nth(1).getByRole("row")).toHaveCount(dataset.lawsuits.length);
});
