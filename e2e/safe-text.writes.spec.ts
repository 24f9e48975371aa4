// Text from the database is shown as text everywhere, markup and all: a title holding
// <script> or <img onerror> must read as those characters, never run. The browser
// context here ignores the Content-Security-Policy, so that what is proved is the
// escaping itself; e2e/security.spec.ts proves the policy on its own.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

import { expect, test, type Page } from "@playwright/test";
import { XMLParser } from "fast-xml-parser";

import { importFixture } from "./support/cli";

test.use({ bypassCSP: true });

const SCRIPT = "<script>window.__pwned=1</script>";
const IMAGE = `<img src=x onerror="window.__pwned=2">`;
const JAVASCRIPT_URL = "javascript:window.__pwned=3";
// One word only these records hold, to find them on the timeline and in the feed.
const MARKER = "zanzibarquill";

const LAWSUIT_ID = "e2e-safe-text-lawsuit";
const FILING_ID = "e2e-safe-text-filing";
const CASE_NAME = `State of ${MARKER} ${SCRIPT} v. ${IMAGE}`;
const CASE_NAME_SHORT = `${MARKER} ${IMAGE} v. Markup`;
const FILING_TITLE = `Motion ${MARKER} ${SCRIPT} to ${IMAGE} compel`;
const FILING_SUMMARY = `A summary with ${SCRIPT} in it, and ${IMAGE} as well.`;
const DEMAND_TEXT = `Order the ${IMAGE} and the ${SCRIPT}.`;
const SOURCE_TITLE = JAVASCRIPT_URL;
const SOURCE_PUBLISHER = `<a href="${JAVASCRIPT_URL}">Publisher</a>`;

function writeDataset(): string {
  const dataset = {
    format: "docketline/v1",
    title: "End-to-end fixture: records whose text is markup",
    courts: [{ id: "e2e-safe-text-court", shortName: `Ct. ${IMAGE}`, fullName: `Court of ${SCRIPT}` }],
    lawsuits: [
      {
        id: LAWSUIT_ID,
        caseName: CASE_NAME,
        caseNameShort: CASE_NAME_SHORT,
        court: "e2e-safe-text-court",
        docketNumber: `1:99-cv-${IMAGE}`,
        judge: `Judge ${SCRIPT}`,
        dateFiled: "1903-04-05",
        status: "open",
        summary: `The lawsuit's summary: ${SCRIPT} and ${IMAGE}.`,
        plaintiffs: [{ jurisdiction: "NM", role: "lead" }],
        otherParties: [{ name: `Defendant ${IMAGE}`, side: "defendant" }],
        sources: [{ url: "https://example.org/safe-text/lawsuit", title: SOURCE_TITLE, publisher: SOURCE_PUBLISHER }],
      },
    ],
    filings: [
      {
        id: FILING_ID,
        lawsuit: LAWSUIT_ID,
        kind: "motion",
        title: FILING_TITLE,
        dateFiled: "1903-04-06",
        filedBy: `Filer ${IMAGE}`,
        summary: FILING_SUMMARY,
        states: [{ jurisdiction: "NM", role: "lead" }],
        demands: [{ text: DEMAND_TEXT, category: "procedure", outcome: "pending" }],
        sources: [{ url: "https://example.org/safe-text/filing", title: SOURCE_TITLE, publisher: SOURCE_PUBLISHER }],
      },
    ],
  };
  const file = path.join(mkdtempSync(path.join(tmpdir(), "docketline-safe-text-")), "safe-text.json");
  writeFileSync(file, JSON.stringify(dataset, null, 2));
  return file;
}

test.beforeAll(async () => {
  await importFixture(writeDataset());
});

/** Nothing ran, and none of the markup became elements or attributes. */
async function expectNothingInjected(page: Page): Promise<void> {
  // Let react-chrono and the rest hydrate: an injected handler would have fired by now.
  await page.waitForLoadState("networkidle");
  const found = await page.evaluate(() => ({
    pwned: (window as unknown as { __pwned?: unknown }).__pwned,
    // Next.js's own inline scripts carry the page's data, our text included, as JSON
    // strings; an injected script would hold exactly the payload.
    scripts: [...document.querySelectorAll("script")].filter((script) => script.textContent?.trim().startsWith("window.__pwned")).length,
    images: document.querySelectorAll('img[src="x"]').length,
    handlers: document.querySelectorAll("[onerror], [onload], [onclick]").length,
    javascriptLinks: [...document.querySelectorAll("a[href]")].filter((a) => /^\s*javascript:/i.test(a.getAttribute("href") ?? "")).length,
  }));
  expect(found).toEqual({ pwned: undefined, scripts: 0, images: 0, handlers: 0, javascriptLinks: 0 });
}

test("Markup in a filing's title shows literally on the timeline, in the visual timeline and in the list", async ({ page }) => {
  await page.goto(`/?q=${MARKER}`);
  const visual = page.getByTestId("visual-timeline");
  await expect(visual).toBeVisible();
  await expect(visual.getByText(FILING_TITLE, { exact: false }).first()).toBeVisible();
  await expectNothingInjected(page);

  await page.goto(`/?view=list&q=${MARKER}`);
  const entry = page.locator("#results-list article", { hasText: MARKER });
  await expect(entry).toHaveCount(1);
  // The search highlights the word; the rest of the title is still plain text.
  await expect(entry.getByRole("heading")).toHaveText(FILING_TITLE);
  await expectNothingInjected(page);
});

test("Markup in a filing's title, summary, demands and sources shows literally on its page", async ({ page }) => {
  await page.goto(`/filings/${FILING_ID}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(FILING_TITLE);
  await expect(page.getByRole("link", { name: CASE_NAME_SHORT })).toHaveAttribute("href", `/lawsuits/${LAWSUIT_ID}`);
  const main = page.locator("main");
  await expect(main).toContainText(FILING_SUMMARY);
  await expect(page.getByRole("region", { name: "Demands" })).toContainText(DEMAND_TEXT);
  const source = page.getByRole("link", { name: SOURCE_TITLE });
  await expect(source).toHaveAttribute("href", "https://example.org/safe-text/filing");
  await expect(main).toContainText(SOURCE_PUBLISHER);
  await expectNothingInjected(page);
});

test("Markup in a lawsuit's names, summary, parties and sources shows literally on its page", async ({ page }) => {
  await page.goto(`/lawsuits/${LAWSUIT_ID}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(CASE_NAME);
  const main = page.locator("main");
  await expect(main).toContainText(`The lawsuit's summary: ${SCRIPT} and ${IMAGE}.`);
  await expect(main).toContainText(`Defendant ${IMAGE}`);
  await expect(main).toContainText(FILING_TITLE);
  await expect(page.getByRole("link", { name: SOURCE_TITLE })).toHaveAttribute("href", "https://example.org/safe-text/lawsuit");
  await expectNothingInjected(page);
});

/** What a feed reader shows for an Atom text construct: the XML value, read as HTML when type="html". */
function displayedText(node: unknown): string {
  const value = typeof node === "object" && node !== null ? (node as Record<string, unknown>) : { "#text": node };
  const text = String(value["#text"] ?? "");
  if (value["@_type"] !== "html") return text;
  // An HTML construct must hold no elements of its own, only character references.
  expect(text, "markup inside an html text construct").not.toMatch(/<(?!\/?p>)[a-z]/i);
  return text
    .replace(/<\/?p>/g, "")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#39;|&#x27;/g, "'")
    .replace(/&amp;/g, "&");
}

test("Markup in a filing reaches the Atom feed as escaped text", async ({ request }) => {
  const response = await request.get(`/feed.xml?q=${MARKER}`);
  expect(response.status()).toBe(200);
  const xml = await response.text();
  const parsed = new XMLParser({ ignoreAttributes: false, processEntities: true, htmlEntities: false }).parse(xml) as {
    feed: { entry: unknown };
  };
  const entries = [parsed.feed.entry].flat() as Record<string, unknown>[];
  expect(entries).toHaveLength(1);
  const [entry] = entries;
  expect(displayedText(entry.title)).toBe(FILING_TITLE);
  expect(displayedText(entry.summary)).toBe(FILING_SUMMARY);
  expect(displayedText(entry.content)).toContain(FILING_SUMMARY);
});

test("Markup in a filing comes back from the API as the same characters, in JSON", async ({ request }) => {
  const response = await request.get(`/api/v1/filings/${FILING_ID}`);
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toMatch(/^application\/json/);
  expect(response.headers()["x-content-type-options"]).toBe("nosniff");
  const body = JSON.stringify(await response.json());
  for (const text of [FILING_TITLE, FILING_SUMMARY, DEMAND_TEXT, SOURCE_TITLE]) expect(body).toContain(JSON.stringify(text).slice(1, -1));
});
