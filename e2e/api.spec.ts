import { readFileSync } from "node:fs";
import path from "node:path";

import { expect, test } from "@playwright/test";

import { expectNoSeriousAxeViolations } from "./support/axe";
import { saveScreenshot } from "./support/screenshots";

// The facts come from the founding dataset the test server seeds, not from memory.
interface Dataset {
  filings: { id: string; states: { jurisdiction: string }[] }[];
}
const dataset = JSON.parse(readFileSync(path.join("prisma", "data", "family-separation-2018.json"), "utf8")) as Dataset;
const newMexicoFilings = dataset.filings.filter((f) => f.states.some((s) => s.jurisdiction === "NM")).map((f) => f.id);

test("A researcher finds the API page from the header, with its endpoints, parameters and a link to the OpenAPI document", async ({ page, request }) => {
  await page.goto("/");
  await page.getByRole("navigation", { name: "Sections" }).getByRole("link", { name: "API" }).click();
  await expect(page).toHaveURL(/\/api$/);
  await expect(page.getByRole("heading", { level: 1, name: "API" })).toBeVisible();

  const endpoints = page.getByRole("table", { name: /Every endpoint/ });
  for (const endpoint of ["/api/v1/filings", "/api/v1/filings/{id}", "/api/v1/lawsuits/{id}", "/api/v1/jurisdictions/{code}"]) {
    await expect(endpoints.getByRole("rowheader", { name: endpoint, exact: true })).toBeVisible();
  }
  const parameters = page.getByRole("table", { name: /Query parameters/ });
  for (const name of ["state", "kind", "from", "cursor", "limit"]) {
    await expect(parameters.getByRole("rowheader", { name, exact: true })).toBeVisible();
  }
  await expect(page.getByRole("heading", { name: "Errors" })).toBeVisible();
  await expect(page.locator("#invalid-parameters")).toContainText("400");

  const link = page.getByRole("link", { name: "OpenAPI 3.1 document" });
  await expect(link).toHaveAttribute("href", "/api/v1/openapi.json");
  const response = await request.get((await link.getAttribute("href"))!);
  expect(response.status()).toBe(200);
  expect((await response.json()).openapi).toMatch(/^3\.1\./);

  await expectNoSeriousAxeViolations(page);
  await saveScreenshot(page, "api-desktop");
});

test("A script gets exactly the filings New Mexico joined from /api/v1/filings?state=NM", async ({ request }) => {
  const response = await request.get("/api/v1/filings?state=NM");
  expect(response.status()).toBe(200);
  expect(response.headers()["access-control-allow-origin"]).toBe("*");
  expect(response.headers()["etag"]).toMatch(/^"/);
  const body = (await response.json()) as { data: { id: string; url: string }[]; total: number; links: { next: string | null } };
  expect(body.total).toBe(newMexicoFilings.length);
  expect(body.links.next).toBeNull();
  expect(body.data.map((f) => f.id).sort()).toEqual([...newMexicoFilings].sort());
  expect(new URL(body.data[0].url).pathname).toBe(`/filings/${body.data[0].id}`);

  const bad = await request.get("/api/v1/filings?kind=telegram");
  expect(bad.status()).toBe(400);
  expect(bad.headers()["content-type"]).toBe("application/problem+json");
  expect((await bad.json()).errors).toEqual([expect.objectContaining({ param: "kind" })]);

  // The server answers other methods with the API's own 405 and preflights with CORS.
  const post = await request.post("/api/v1/filings", { data: {} });
  expect(post.status()).toBe(405);
  expect(post.headers()["allow"]).toBe("GET, HEAD, OPTIONS");
  expect(post.headers()["content-type"]).toBe("application/problem+json");
  const preflight = await request.fetch("/api/v1/filings", { method: "OPTIONS", headers: { Origin: "https://notebook.example", "Access-Control-Request-Method": "GET" } });
  expect(preflight.status()).toBe(204);
  expect(preflight.headers()["access-control-allow-origin"]).toBe("*");
});
