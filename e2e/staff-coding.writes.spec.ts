// Staff code a lawsuit for research (docs/decisions/020): the form refuses a relief
// dated before the lawsuit was filed, beside the field, and saves a corrected one as a
// new version, which the codebook's examples follow.
import { expect, test } from "@playwright/test";

import { createStaffUser, signIn } from "./support/staff";

test.beforeEach(() => test.slow());

test("An editor adds a relief milestone to a lawsuit's coding, is told when it is dated before the lawsuit, and saves it corrected", async ({ page, request }) => {
  /** A labelled control by its whole label, "(required)" or not: "Relief 1" is not "Status of relief 1". */
  const field = (label: string) => page.getByLabel(new RegExp(`^${label}( \\(required\\))?$`));
  await signIn(page, await createStaffUser({ role: "editor" }));
  await page.goto("/staff/lawsuits/california-v-mcaleenan-2019");
  await page.getByRole("link", { name: "Research coding" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Coding of California v. McAleenan");
  // The founding coding: 20 plaintiff states from the complaint.
  await expect(field("Side 20")).toHaveValue("plaintiff");

  await page.getByRole("button", { name: "Add a relief milestone" }).click();
  await field("Relief 1").selectOption("preliminary-injunction");
  await field("Status of relief 1").selectOption("requested");
  await field("Date of relief 1").fill("2019-08-20");
  await field("Filing that records relief 1").selectOption("california-v-mcaleenan-2019-complaint");
  await page.getByRole("button", { name: "Save coding" }).click();
  await expect(page.getByRole("group", { name: /The coding was not saved: 1 problem/ })).toContainText('is before the lawsuit was filed ("2019-08-26")');

  await field("Date of relief 1").fill("2019-08-26");
  await page.getByRole("button", { name: "Save coding" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Saved. This is version 2." })).toBeVisible();

  const exported = await request.get("/export/codebook.json");
  expect(exported.ok()).toBe(true);
  // The codebook now names the lawsuit as an example of a requested relief.
  const codebook = (await exported.json()) as { lists: { key: string; codes: { code: string; examples: { lawsuit: string }[] }[] }[] };
  const requested = codebook.lists.find((l) => l.key === "reliefStatuses")!.codes.find((c) => c.code === "requested")!;
  expect(requested.examples.map((e) => e.lawsuit)).toContain("california-v-mcaleenan-2019");
});
