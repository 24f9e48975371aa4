import { expect, test } from "@playwright/test";

import { expectNoSeriousAxeViolations } from "./support/axe";

test("The header leads to the timeline, lawsuits, states and About, and marks the current section", async ({ page }) => {
  await page.goto("/about");
  const sections = page.getByRole("navigation", { name: "Sections" });
  await expect(sections.getByRole("link", { name: "About" })).toHaveAttribute("aria-current", "page");
  await sections.getByRole("link", { name: "Lawsuits" }).click();
  await expect(page).toHaveURL(/\/lawsuits$/);
  await expect(sections.getByRole("link", { name: "Lawsuits" })).toHaveAttribute("aria-current", "page");
  await sections.getByRole("link", { name: "States" }).click();
  await expect(page).toHaveURL(/\/states$/);
  await sections.getByRole("link", { name: "Timeline" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Timeline of multistate filings");
});

test("The About page states the data's scope and sources, and has no serious accessibility violation", async ({ page }) => {
  await page.goto("/about");
  await expect(page).toHaveTitle("About Docketline and its data · Docketline");
  await expect(page.getByRole("heading", { name: "Where the facts come from" })).toBeVisible();
  const figures = page.locator("dl");
  await expect(figures).toContainText("Lawsuits");
  await expect(figures.locator("dd").first()).toHaveText(/^\d[\d,]*$/);
  await expectNoSeriousAxeViolations(page);
});

test("The sitemap index leads to sitemaps listing every filing, lawsuit and state page, and robots.txt points to it", async ({ request, baseURL }) => {
  const robots = await request.get("/robots.txt");
  expect(robots.ok()).toBe(true);
  expect(await robots.text()).toContain(`Sitemap: ${baseURL}/sitemap.xml`);

  const index = await (await request.get("/sitemap.xml")).text();
  const parts = [...index.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]);
  expect(parts.length).toBeGreaterThanOrEqual(2);
  const urls: string[] = [];
  for (const part of parts) {
    const response = await request.get(new URL(part).pathname);
    expect(response.ok(), part).toBe(true);
    urls.push(...[...(await response.text()).matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1]).pathname));
  }
  expect(urls).toContain("/filings/wa-v-us-2018-dkt-15");
  expect(urls).toContain("/lawsuits/washington-v-united-states-2018");
  expect(urls).toContain("/states/NM");
  expect(urls).toContain("/about");
  expect(urls).toContain("/insights/coalitions");
  expect(new Set(urls).size).toBe(urls.length);
});

test("Every kind of page has a title, OpenGraph metadata and an absolute canonical address of its own", async ({ page, baseURL }) => {
  const pages = [
    { path: "/", title: /Timeline of multistate filings/, canonical: "/" },
    // The canonical address holds the filter in its one canonical form.
    { path: "/?state=nm", title: /Filtered timeline/, canonical: "/?state=NM" },
    { path: "/filings/wa-v-us-2018-dkt-15", title: /States' Motion for Expedited Discovery/ },
    { path: "/lawsuits/washington-v-united-states-2018", title: /Washington v\. United States/ },
    { path: "/states/NM", title: /New Mexico/ },
    { path: "/insights/coalitions", title: /Who joins with whom/ },
    { path: "/data", title: /Data releases/ },
  ];
  for (const { path, title, canonical = path } of pages) {
    await page.goto(path);
    await expect(page).toHaveTitle(title);
    await expect(page.locator('meta[property="og:title"]')).toHaveAttribute("content", title);
    // Absolute (new URL throws on a relative one); Next.js writes the root without its slash.
    const href = await page.locator('link[rel="canonical"]').getAttribute("href");
    expect(href && new URL(href).href, path).toBe(new URL(canonical, baseURL).href);
  }
});

test("An unknown address gets a 404 page with a way back", async ({ page }) => {
  const response = await page.goto("/no-such-page");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("link", { name: /timeline/i }).first()).toBeVisible();
});
