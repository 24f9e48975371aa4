import { readFileSync } from "node:fs";

import { expect, test, type Page } from "@playwright/test";

import { expectNoSeriousAxeViolations } from "./support/axe";
import { saveScreenshot } from "./support/screenshots";

const LETTER = "Attorneys general letter to Attorney General Sessions and Secretary Nielsen demanding an end to family separation";
const MOTION = "States' Motion for Expedited Discovery and Regular Status Conferences";
const DECIDING_ORDER = "Order granting in part the states' motion for expedited discovery and granting regular status conferences";

// The visual timeline arrives after the page is usable (when the browser is idle, or
// when asked for), then react-chrono lays it out: seconds on a busy 2-core machine.
const AFTER_HYDRATION = { timeout: 30_000 };

/** Titles in the server-rendered list (the "List" view). */
function listedTitles(page: Page): Promise<string[]> {
  return page.locator("#results-list article h4").allInnerTexts();
}

function filingLink(page: Page, id: string) {
  return page.locator(`#results-list a[href="/filings/${id}"]`);
}

test("A researcher filters by New Mexico and sees its letter and motion but not the Ms. L. complaint, and the URL keeps the filter", async ({ page }) => {
  await page.goto("/?view=list");
  await page.getByRole("group", { name: "States joining" }).getByLabel(/New Mexico/).check();
  await expect(page).toHaveURL(/[?&]state=NM\b/);
  await expect(page.getByRole("navigation", { name: "Active filters" })).toContainText("New Mexico");

  const letter = page.locator("#results-list article", { has: page.getByRole("heading", { name: LETTER }) });
  await expect(letter).toContainText("19 June 2018");
  await expect(letter).toContainText("New Mexico + 20 others");
  await expect(page.locator("#results-list article", { has: page.getByRole("heading", { name: MOTION }) })).toContainText("2 July 2018");
  await expect(filingLink(page, "ms-l-v-ice-2018-dkt-1")).toHaveCount(0);

  await page.reload();
  await expect(page.getByRole("group", { name: "States joining" }).getByLabel(/New Mexico/)).toBeChecked();
  await expect(page.getByRole("heading", { name: LETTER })).toBeVisible();
  await expect(filingLink(page, "ms-l-v-ice-2018-dkt-1")).toHaveCount(0);
});

test("A link with ?state=NM,WA checks both states in the panel, shows both chips and keeps the other state when one is unchecked", async ({ page }) => {
  // The panel shows the server's reading of the URL: a reading of its own would differ, and fail to hydrate.
  const errors: string[] = [];
  page.on("console", (message) => void (message.type() === "error" && errors.push(message.text())));
  page.on("pageerror", (error) => errors.push(error.message));
  await page.goto("/?view=list&state=NM,WA");
  const states = page.getByRole("group", { name: "States joining" });
  await expect(states.getByLabel(/^New Mexico/)).toBeChecked();
  await expect(states.getByLabel(/^Washington/)).toBeChecked();
  await expect(states.getByRole("checkbox", { checked: true })).toHaveCount(2);
  await expect(states.getByText("NM,WA")).toHaveCount(0);
  const chips = page.getByRole("navigation", { name: "Active filters" });
  await expect(chips.getByRole("link", { name: /^Remove filter State/ })).toHaveText([/New Mexico/, /Washington/]);
  await expect(filingLink(page, "ms-l-v-ice-2018-dkt-1")).toHaveCount(0);

  await states.getByLabel(/^New Mexico/).uncheck();
  await expect(page).toHaveURL(/\?state=WA&view=list$/);
  await expect(chips.getByRole("link", { name: /^Remove filter State/ })).toHaveText([/Washington/]);
  await expect(states.getByLabel(/^Washington/)).toBeChecked();
  await expect(states.getByLabel(/^New Mexico/)).not.toBeChecked();
  expect(errors).toEqual([]);
});

test("A researcher combines kind order and a date range and sees exactly the matching orders", async ({ page }) => {
  // The oracle is the founding file itself: its orders dated July or August 2018, newest first.
  const founding = JSON.parse(readFileSync("prisma/data/family-separation-2018.json", "utf8")) as { filings: { id: string; kind: string; dateFiled: string }[] };
  const expected = founding.filings
    .filter((f) => f.kind === "order" && f.dateFiled >= "2018-07" && f.dateFiled < "2018-09")
    .sort((a, b) => b.dateFiled.localeCompare(a.dateFiled))
    .map((f) => `/filings/${f.id}`);
  expect(expected.length).toBeGreaterThan(1);

  await page.goto("/?view=list");
  await page.getByRole("group", { name: "Kind of filing" }).getByLabel(/^Order/).check();
  await expect(page).toHaveURL(/kind=order/);
  await page.getByLabel("From", { exact: true }).fill("2018-07");
  await page.getByLabel("To", { exact: true }).fill("2018-08");
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page).toHaveURL(/from=2018-07/);
  await expect(page.getByRole("heading", { name: `${expected.length} filings` })).toBeVisible();
  const hrefs = await page.locator("#results-list article h4 a").evaluateAll((links) => links.map((a) => a.getAttribute("href")));
  expect(hrefs).toEqual(expected);
});

test("Searching expedited discovery finds the motion and the order that decided it, with the words highlighted", async ({ page }) => {
  await page.goto("/?view=list");
  await page.getByRole("search").getByLabel("Search filings").fill("expedited discovery");
  await page.getByRole("search").getByRole("button", { name: "Search" }).click();
  await expect(page).toHaveURL(/[?&]q=expedited\+discovery/);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("expedited discovery");
  const titles = await listedTitles(page);
  expect(titles).toContain(MOTION);
  expect(titles).toContain(DECIDING_ORDER);
  const motionTitle = page.locator("#results-list h4", { hasText: MOTION });
  await expect(motionTitle.locator("mark")).toHaveText(["Expedited", "Discovery"]);
});

test("Nothing matching says so and suggests which filter to loosen", async ({ page }) => {
  await page.goto("/?view=list&state=NM&kind=settlement");
  await expect(page.getByText("No filings match these filters.")).toBeVisible();
  const suggestion = page.getByRole("link", { name: /Remove kind Settlement/ });
  await expect(suggestion).toBeVisible();
  await suggestion.click();
  await expect(page).toHaveURL(/state=NM/);
  await expect(page).not.toHaveURL(/kind=settlement/);
  await expect(page.getByRole("heading", { name: LETTER })).toBeVisible();
});

test("The visual timeline shows the filings as react-chrono cards, and List shows the plain list", async ({ page }) => {
  await page.goto("/?state=WA&role=lead");
  const visual = page.getByTestId("visual-timeline");
  await expect(visual.getByRole("link", { name: "Complaint for declaratory and injunctive relief" })).toBeVisible(AFTER_HYDRATION);
  await saveScreenshot(page, "timeline-desktop");
  await page.getByRole("button", { name: "List" }).click();
  await expect(page).toHaveURL(/view=list/);
  await expect(visual).toHaveCount(0);
  await expect(page.locator("#results-list")).toBeVisible();
});

for (const [view, url] of [
  ["the visual timeline", "/"],
  ["the list of search results", "/?view=list&q=expedited"],
] as const) {
  test(`The timeline has no serious or critical accessibility violation, in ${view}`, async ({ page }) => {
    // An axe scan of a full page takes a while on a busy machine.
    test.slow();
    await page.goto(url);
    await expect(url.includes("view=list") ? page.locator("#results-list") : page.getByTestId("visual-timeline").getByRole("article").first()).toBeVisible(AFTER_HYDRATION);
    await expectNoSeriousAxeViolations(page, { what: url, alsoReject: ["aria-allowed-role"] });
  });
}

test("On a 375 px phone the timeline does not scroll sideways and the filters fold away", async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 800 });
  await page.goto("/?view=timeline");
  await expect(page.getByTestId("visual-timeline").getByRole("article").first()).toBeVisible(AFTER_HYDRATION);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
  const filters = page.locator("details", { has: page.getByText(/^Filters/) });
  await expect(filters).not.toHaveAttribute("open", "");
  await expect(page.getByRole("group", { name: "Kind of filing" })).toBeHidden();
  await page.getByText(/^Filters/).click();
  await expect(page.getByRole("group", { name: "Kind of filing" })).toBeVisible();
  await saveScreenshot(page, "timeline-phone");
});

test("The timeline makes no request to any other site", async ({ page }) => {
  const external: string[] = [];
  page.on("request", (request) => {
    const url = new URL(request.url());
    if (!["localhost", "127.0.0.1"].includes(url.hostname) && url.protocol !== "data:") external.push(request.url());
  });
  await page.goto("/");
  await expect(page.getByTestId("visual-timeline").getByRole("link").first()).toBeVisible(AFTER_HYDRATION);
  await page.waitForTimeout(1000);
  expect(external).toEqual([]);
});

/** The text of every JavaScript and CSS file the page receives, to look for react-chrono in. */
function collectScriptsAndStyles(page: Page): string[] {
  const bodies: string[] = [];
  page.on("response", async (response) => {
    if (!/\.(js|css)(\?|$)/.test(new URL(response.url()).pathname)) return;
    bodies.push(await response.text().catch(() => ""));
  });
  return bodies;
}
// Strings of react-chrono's code and of its stylesheet (its wrapper's role description and class).
const isChrono = (body: string) => body.includes("interactive timeline") || body.includes(".timeline-wrapper");

test("On a phone the list is the timeline's first view, and react-chrono loads only when the reader asks for it", async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 800 });
  const bodies = collectScriptsAndStyles(page);
  await page.goto("/");
  const list = page.locator("#results-list");
  await expect(list).toBeVisible();
  await expect(page.getByRole("button", { name: "List" })).toHaveAttribute("aria-pressed", "true");
  await page.waitForLoadState("networkidle");
  expect(bodies.length).toBeGreaterThan(0);
  expect(bodies.filter(isChrono)).toEqual([]);
  await expect(page.getByTestId("visual-timeline")).toHaveCount(0);
  // No stylesheet of react-chrono in the page either.
  expect(await page.locator('link[rel="stylesheet"]').evaluateAll((links) => links.map((l) => (l as HTMLLinkElement).href))).not.toContain(expect.stringContaining("react-chrono"));

  await page.getByRole("button", { name: "Timeline" }).click();
  const visual = page.getByTestId("visual-timeline");
  await expect(visual.getByRole("link", { name: "Complaint for declaratory and injunctive relief" }).first()).toBeVisible(AFTER_HYDRATION);
  await expect(page).toHaveURL(/view=timeline/);
  await expect(list).toBeHidden();
  expect(bodies.some(isChrono)).toBe(true);
});

test("On a 375 px phone the visual timeline scrolls with the page, with no scroll box of its own, and shows each filing's date once", async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 800 });
  await page.goto("/?view=timeline");
  const visual = page.getByTestId("visual-timeline");
  const cards = visual.getByRole("article");
  await expect(cards.first()).toBeVisible(AFTER_HYDRATION);
  expect(await cards.count()).toBeGreaterThanOrEqual(22);

  // No element of the timeline scrolls inside itself, nor hides what it does not fit:
  // the page is what scrolls.
  const boxes = await visual.evaluate((root) =>
    [root, ...root.querySelectorAll<HTMLElement>("*")]
      // (1 px boxes are text for screen readers only, clipped on purpose.)
      .filter((el) => el.scrollHeight > el.clientHeight + 1 && el.clientHeight > 1)
      .filter((el) => ["auto", "scroll", "hidden"].includes(getComputedStyle(el).overflowY))
      .map((el) => `${el.tagName}.${el.className} ${getComputedStyle(el).overflowY} ${el.scrollHeight}>${el.clientHeight}`),
  );
  expect(boxes).toEqual([]);
  const { timelineHeight, pageHeight } = await visual.evaluate((root) => ({ timelineHeight: root.scrollHeight, pageHeight: document.documentElement.scrollHeight }));
  expect(pageHeight).toBeGreaterThan(timelineHeight);
  expect(timelineHeight).toBeGreaterThan(800);

  // Each row of the timeline (react-chrono's title beside the card, and the card) says its date once.
  const rows = visual.locator("li", { has: page.getByRole("article") }).filter({ has: page.locator("time") });
  const texts = await rows.evaluateAll((items) =>
    items
      .filter((li) => !li.parentElement?.closest("li"))
      .map((li) => ({ date: li.querySelector("time")?.textContent ?? "", text: (li as HTMLElement).innerText })),
  );
  expect(texts.length).toBeGreaterThanOrEqual(22);
  for (const { date, text } of texts) {
    expect(date).not.toBe("");
    expect(text.split(date).length - 1, `${date} in: ${text.slice(0, 200)}`).toBe(1);
  }
});

for (const [screen, size, first] of [
  ["the visual timeline on a wide screen", { width: 1280, height: 800 }, (page: Page) => page.getByTestId("visual-timeline").getByRole("article").first()],
  ["the list on a phone", { width: 375, height: 800 }, (page: Page) => page.locator("#results-list").getByRole("article").first()],
] as const) {
  test(`A keyboard user reaches the first filing from / with the skip link, in ${screen}`, async ({ page }) => {
    await page.setViewportSize(size);
    await page.goto("/");
    const firstFiling = first(page);
    await expect(firstFiling).toBeVisible(AFTER_HYDRATION);
    const title = await firstFiling.getByRole("heading").innerText();

    const skip = page.getByRole("link", { name: "Skip to results" });
    // From the top of the page: "Skip to content", then "Skip to results".
    await page.keyboard.press("Tab");
    await expect(page.getByRole("link", { name: "Skip to content" })).toBeFocused();
    await page.keyboard.press("Tab");
    await expect(skip).toBeFocused();
    await expect(skip).toBeInViewport();
    await page.keyboard.press("Enter");
    await page.keyboard.press("Tab");
    await expect(firstFiling.getByRole("link", { name: title, exact: true })).toBeFocused();
  });
}
