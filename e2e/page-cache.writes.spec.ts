// Public pages, feeds and API reads are served from the front server's cache of
// rendered responses (docs/decisions/009), and every write forgets what shows what it
// changed (decision 025): a staff edit, publish, unpublish and delete, and an import from
// the command line (another process), each show on the public site at once, to readers
// who never signed in, while pages of other filings stay cached. Each test imports a
// filing of its own, with a word no other record contains.
import { randomBytes } from "node:crypto";

import { expect, test, type APIRequestContext, type APIResponse } from "@playwright/test";

import { importDataset } from "./support/cli";
import { createStaffUser, signIn } from "./support/staff";

test.describe.configure({ timeout: 180_000 });

const uniqueWord = (prefix: string) => `${prefix}${randomBytes(4).toString("hex").replace(/\d/g, (d) => "ghijklmnop"[Number(d)])}`;

/**
 * The notification of a commit reaches the cache in milliseconds; the page is then
 * rendered again, which on a busy test machine can take seconds. What is proven is
 * that the cached copy is replaced without waiting for any expiry, not a timing.
 */
const AT_ONCE = { timeout: 15_000, intervals: [50, 100, 250, 500] };

function importFiling(id: string, title: string, options: { draft?: boolean } = {}) {
  const filing = {
    id,
    lawsuit: null,
    kind: "letter",
    title,
    dateFiled: "2032-02-03",
    summary: "The states write to the agency about the cache of rendered pages.",
    states: [{ jurisdiction: "NM", role: "lead" }],
    demands: [],
    sources: [],
  };
  return importDataset({ filings: [filing] }, options);
}

const cacheStatus = (response: APIResponse) => response.headers()["x-docketline-cache"];

/** Reads a URL until the cache holds it, as a reader arriving after the first would. */
async function warm(request: APIRequestContext, url: string): Promise<string> {
  // Other specs write at the same time, and every write empties the cache: ask until a
  // request is answered from it.
  let body = "";
  await expect
    .poll(async () => {
      const response = await request.get(url);
      body = await response.text();
      return cacheStatus(response);
    }, { message: url, timeout: 30_000 })
    .toBe("hit");
  return body;
}

/**
 * The text a reader reads on a page: no scripts (React's payload among them), no tags.
 * The timeline marks the searched word in a title (`<mark>`), which splits its HTML.
 */
function readerText(html: string): string {
  return html
    .replace(/<script\b[\s\S]*?<\/script>/gi, "")
    .replace(/<[^>]*>/g, "")
    .replace(/&#x27;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, "&");
}

/** What an anonymous reader gets for each of the filing's public faces. */
function publicFaces(request: APIRequestContext, id: string, word: string) {
  return {
    page: async () => {
      const response = await request.get(`/filings/${id}`);
      return response.status() === 200 ? await response.text() : `status ${response.status()}`;
    },
    timeline: async () => readerText(await (await request.get(`/?view=list&q=${word}`)).text()),
    feed: async () => (await request.get(`/feed.xml?q=${word}`)).text(),
    api: async () => {
      const response = await request.get(`/api/v1/filings/${id}`);
      return response.status() === 200 ? ((await response.json()) as { data: { title: string } }).data.title : `status ${response.status()}`;
    },
  };
}

test("Public pages are served from the cache to every reader, gzipped once, with an ETag answered by 304", async ({ request }) => {
  const first = await request.get("/lawsuits");
  expect(first.status()).toBe(200);
  const second = await request.get("/lawsuits", { headers: { "accept-encoding": "gzip" } });
  expect(cacheStatus(second)).toBe("hit");
  expect(second.headers()["content-encoding"]).toBe("gzip");
  expect(second.headers()["cache-control"]).toBe("public, no-cache");
  expect(second.headers().vary).toContain("Accept-Encoding");
  expect(await second.text()).toBe(await first.text());

  const etag = second.headers().etag;
  expect(etag).toBeTruthy();
  const revalidated = await request.get("/lawsuits", { headers: { "if-none-match": etag } });
  expect(revalidated.status()).toBe(304);

  // The order of the parameters does not make another page.
  await warm(request, "/?view=list&kind=order&state=NM");
  expect(cacheStatus(await request.get("/?state=NM&view=list&kind=order"))).toBe("hit");

  // Staff pages are never shared.
  expect(cacheStatus(await request.get("/staff/sign-in"))).toBeUndefined();
});

test("A staff edit, publish, unpublish and delete each change the cached public page, timeline, feed and API response at once", async ({ page, playwright }) => {
  const word = uniqueWord("cache");
  const id = `page-cache-${word}`;
  const title = `Letter on ${word}, as imported`;
  const edited = `Letter on ${word}, as edited by staff`;
  await importFiling(id, title);

  // A reader with no account: a request context of its own, without the editor's cookies.
  const reader = await playwright.request.newContext({ baseURL: test.info().project.use.baseURL });
  const faces = publicFaces(reader, id, word);
  expect(await warm(reader, `/filings/${id}`)).toContain(title);
  expect(readerText(await warm(reader, `/?view=list&q=${word}`))).toContain(title);
  expect(await warm(reader, `/feed.xml?q=${word}`)).toContain(title);
  await warm(reader, `/api/v1/filings/${id}`);

  const editor = await createStaffUser({ name: `Cache ${word}` });
  await signIn(page, editor, { next: `/staff/filings/${id}` });

  await page.getByLabel("Title (required)", { exact: true }).fill(edited);
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Saved. This is version 2." })).toBeVisible();
  // The page refreshes after the save; the actions below act on the version it shows.
  await expect(page.getByText(/version 2, last edited by/)).toBeVisible();
  await expect.poll(faces.page, AT_ONCE).toContain(edited);
  await expect.poll(faces.timeline, AT_ONCE).toContain(edited);
  await expect.poll(faces.feed, AT_ONCE).toContain(edited);
  await expect.poll(faces.api, AT_ONCE).toBe(edited);

  // Cached again before each change, so that each change has a cached page to replace.
  await warm(reader, `/filings/${id}`);
  await page.getByRole("button", { name: "Unpublish" }).click();
  await expect(page.getByRole("status").filter({ hasText: /^Unpublished/ })).toBeVisible();
  await expect.poll(faces.page, AT_ONCE).toBe("status 404");
  await expect.poll(faces.timeline, AT_ONCE).not.toContain(edited);
  await expect.poll(faces.feed, AT_ONCE).not.toContain(edited);
  await expect.poll(faces.api, AT_ONCE).toBe("status 404");

  await warm(reader, `/filings/${id}`);
  await page.getByRole("button", { name: "Publish" }).click();
  await expect(page.getByRole("status").filter({ hasText: /^Published/ })).toBeVisible();
  await expect.poll(faces.page, AT_ONCE).toContain(edited);
  await expect.poll(faces.api, AT_ONCE).toBe(edited);

  await warm(reader, `/filings/${id}`);
  await warm(reader, `/?view=list&q=${word}`);
  await page.getByRole("button", { name: "Delete…" }).click();
  await page.getByRole("button", { name: "Yes, delete this filing" }).click();
  await expect(page.getByRole("status").filter({ hasText: /^Deleted/ })).toBeVisible();
  await expect.poll(faces.page, AT_ONCE).toBe("status 404");
  await expect.poll(faces.timeline, AT_ONCE).not.toContain(edited);
  await expect.poll(faces.api, AT_ONCE).toBe("status 404");
  await reader.dispose();
});

test("An edit of one filing refreshes its page and the lists at once, and leaves the cached page of an unrelated filing in the cache", async ({ page, playwright }) => {
  const word = uniqueWord("tags");
  const edited = { id: `page-cache-${word}-edited`, title: `Letter on ${word}, to be edited` };
  const unrelated = { id: `page-cache-${word}-unrelated`, title: `Letter on ${word}, left alone` };
  await importFiling(edited.id, edited.title);
  await importFiling(unrelated.id, unrelated.title);

  const reader = await playwright.request.newContext({ baseURL: test.info().project.use.baseURL });
  const faces = publicFaces(reader, edited.id, word);
  const editor = await createStaffUser({ name: `Tags ${word}` });
  await signIn(page, editor, { next: `/staff/filings/${edited.id}` });

  // Another spec's publish or import is a change of everything and may empty the cache
  // between our reads: the unrelated page must outlive at least one of a few edits.
  const kept: string[] = [];
  for (let attempt = 1; attempt <= 4 && kept.length === 0; attempt++) {
    const title = `Letter on ${word}, edit ${attempt}`;
    expect(await warm(reader, `/filings/${unrelated.id}`)).toContain(unrelated.title);
    await warm(reader, `/filings/${edited.id}`);
    await warm(reader, `/?view=list&q=${word}`);

    await page.getByLabel("Title (required)", { exact: true }).fill(title);
    await page.getByRole("button", { name: "Save changes" }).click();
    await expect(page.getByRole("status").filter({ hasText: `Saved. This is version ${attempt + 1}.` })).toBeVisible();
    await expect(page.getByText(new RegExp(`version ${attempt + 1}, last edited by`))).toBeVisible();
    // Nothing stale survives the write: the edited filing's page and the timeline show it.
    await expect.poll(faces.page, AT_ONCE).toContain(title);
    await expect.poll(faces.timeline, AT_ONCE).toContain(title);

    const unrelatedPage = await reader.get(`/filings/${unrelated.id}`);
    expect(await unrelatedPage.text()).toContain(unrelated.title);
    if (cacheStatus(unrelatedPage) === "hit") kept.push(title);
  }
  expect(kept, "the unrelated filing's page stayed cached through an edit").not.toHaveLength(0);
  await reader.dispose();
});

test("Drafts never appear in a cached page, even one cached just before the draft was created; publishing shows them at once", async ({ request, page }) => {
  const word = uniqueWord("draft");
  const id = `page-cache-${word}`;
  const title = `Letter on ${word}, imported as a draft`;
  const faces = publicFaces(request, id, word);
  expect(readerText(await warm(request, `/?view=list&q=${word}`))).not.toContain(title);
  await warm(request, `/feed.xml?q=${word}`);
  await warm(request, "/");

  // An import from the command line: another process, heard through the database.
  await importFiling(id, title, { draft: true });
  for (const url of [`/?view=list&q=${word}`, `/feed.xml?q=${word}`, "/", `/filings/${id}`]) {
    expect(await (await request.get(url)).text(), url).not.toContain(title);
  }
  expect(await faces.api()).toBe("status 404");

  const editor = await createStaffUser({ name: `Drafts ${word}` });
  await signIn(page, editor, { next: `/staff/filings/${id}` });
  await page.getByRole("button", { name: "Publish" }).click();
  await expect(page.getByRole("status").filter({ hasText: /^Published/ })).toBeVisible();
  await expect.poll(faces.timeline, AT_ONCE).toContain(title);
  await expect.poll(faces.feed, AT_ONCE).toContain(title);
  await expect.poll(faces.page, AT_ONCE).toContain(title);
});
