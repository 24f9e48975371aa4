// A filtered /export/dataset.json carries the research coding of its lawsuits (issue 12):
// the coding records as the whole export writes them, the policies and issue areas they
// use, and the filings they cite even where the filter leaves those out; imported into an
// empty database, it gives the same coding back and exports the same filter to the same
// bytes. Through the route, as Next.js calls it.
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { GET as datasetJson } from "@/app/export/dataset.json/route";
import { exportDataset } from "@/lib/dataset/export";
import { importFoundingDataset } from "@/lib/dataset/founding";
import { importDataset, importDatasetText } from "@/lib/dataset/import";
import { DATASET_FORMAT, type Dataset } from "@/lib/dataset/schema";
import { parseDatasetJson, validateDataset } from "@/lib/dataset/validate";
import type { Sql } from "@/lib/db/sql";
import { filteredDatasetJson } from "@/lib/exports/dataset-json";
import { collectText } from "@/lib/exports/stream";
import { parseFilter } from "@/lib/filters/schema";

import { createTestDatabase, type TestDatabase } from "./support/database";

let database: TestDatabase;
let whole: Dataset;

beforeAll(async () => {
  database = await createTestDatabase();
  // lib/env reads the environment once, on first use; lib/db/bulk connects on first query.
  process.env.DATABASE_URL = database.url;
  await importFoundingDataset(database.sql);
  whole = validateDataset(await exportDataset(database.sql));
});

afterAll(async () => {
  await (globalThis as { docketlineBulkSql?: Sql }).docketlineBulkSql?.end({ timeout: 5 });
  await database?.drop();
});

async function exportOf(query: string): Promise<{ text: string; dataset: Dataset }> {
  const response = await datasetJson(new Request(`http://docketline.test/export/dataset.json?${query}`));
  expect(response.status).toBe(200);
  const text = await response.text();
  return { text, dataset: validateDataset(parseDatasetJson(text)) };
}

/** Every filing a coding record cites: its outcome's order, its states' sides' and milestones' filings. */
function citedFilings(dataset: Dataset): string[] {
  return dataset.coding.flatMap((c) => [
    ...(c.outcome.decidedBy ? [c.outcome.decidedBy] : []),
    ...c.stateSides.flatMap((s) => (s.filing ? [s.filing] : [])),
    ...c.reliefMilestones.flatMap((m) => (m.filing ? [m.filing] : [])),
  ]);
}

/** `?state=NM` as the export routes read it. */
function filterOf(query: string) {
  return parseFilter(new URLSearchParams(query), { strict: true }).filter;
}

describe("/export/dataset.json with a filter", () => {
  it("holds the coding of Ms. L.'s complaints' lawsuits, the orders and filings that coding cites, and the policies and issue areas it uses", async () => {
    const { dataset } = await exportOf("lawsuit=ms-l-v-ice-2018&kind=complaint");
    // Ms. L., and Washington v. United States, the lawsuit it is related to.
    expect(dataset.lawsuits.map((l) => l.id).sort()).toEqual(["ms-l-v-ice-2018", "washington-v-united-states-2018"]);
    expect(dataset.coding.map((c) => c.lawsuit)).toEqual(["ms-l-v-ice-2018", "washington-v-united-states-2018"]);
    for (const coding of dataset.coding) expect(coding).toEqual(whole.coding.find((c) => c.lawsuit === coding.lawsuit));
    // Outside the filter, but cited by the coding: the settlement's approval decides Ms. L.'s
    // outcome, docket entry 83 records its preliminary injunction, Washington's complaint its states' sides.
    const filings = dataset.filings.map((f) => f.id);
    for (const id of ["ms-l-v-ice-2023-settlement-approval", "ms-l-v-ice-2018-dkt-83", "wa-v-us-2018-dkt-1"]) {
      expect(filings).toContain(id);
      expect(dataset.description).toContain(id);
    }
    expect(dataset.description).toContain("The research coding of 2 lawsuits is included, with the 1 policy and 1 issue area it uses.");
    expect(dataset.policies.map((p) => p.id)).toEqual([...new Set(dataset.coding.flatMap((c) => c.policies))].sort());
    expect(dataset.policies).toEqual(whole.policies.filter((p) => dataset.policies.some((q) => q.id === p.id)));
    expect(dataset.issueAreas.map((a) => a.slug)).toEqual(["immigration"]);
    expect(dataset.issueAreas).toEqual(whole.issueAreas.filter((a) => a.slug === "immigration"));
  });

  for (const query of ["issueArea=immigration", "state=NM", "lawsuit=ms-l-v-ice-2018&kind=complaint", "kind=amicus-brief", "kind=letter", "state=GU"]) {
    it(`?${query} codes every coded lawsuit it holds, resolves every filing its coding cites, and imports into an empty database with the same coding`, async () => {
      const { text, dataset } = await exportOf(query);
      const coded = new Set(whole.coding.map((c) => c.lawsuit));
      expect(dataset.coding.map((c) => c.lawsuit)).toEqual(dataset.lawsuits.map((l) => l.id).filter((id) => coded.has(id)).sort());
      const filings = new Set(dataset.filings.map((f) => f.id));
      for (const id of citedFilings(dataset)) expect(filings).toContain(id);
      expect(text).toMatch(/\n {2}"issueAreas": \[[^]*\n {2}"policies": \[[^]*\n {2}"lawsuits": \[[^]*\n {2}"filings": \[[^]*\n {2}"coding": \[/);

      const empty = await createTestDatabase();
      try {
        // Throws, naming each problem, if anything in the file does not resolve.
        await importDatasetText(empty.sql, text);
        const imported = validateDataset(await exportDataset(empty.sql));
        expect(imported.coding).toEqual(dataset.coding);
        expect(imported.policies).toEqual(dataset.policies);
        expect(await collectText(filteredDatasetJson(empty.sql, filterOf(query)))).toBe(text);
      } finally {
        await empty.drop();
      }
    });
  }

  it("holds no coding, policy or issue area when its filings have no lawsuit", async () => {
    const { text, dataset } = await exportOf("kind=letter");
    expect(dataset.lawsuits).toEqual([]);
    // Written, empty, as every export writes them (FORMAT.md).
    expect(JSON.parse(text)).toMatchObject({ issueAreas: [], policies: [], coding: [] });
  });

  it("without a filter holds the coding of every lawsuit, as the whole-database export does", async () => {
    const { dataset } = await exportOf("");
    expect(dataset.coding).toEqual(whole.coding);
  });
});

describe("/export/dataset.json when the coding cites a filing the public cannot see", () => {
  let drafts: TestDatabase;
  beforeAll(async () => {
    drafts = await createTestDatabase();
    await importFoundingDataset(drafts.sql);
    // A draft order of Ms. L. that a milestone (with no source) and a state's side cite.
    await importDataset(drafts.sql, validateDataset({
      format: DATASET_FORMAT,
      filings: [{ id: "ms-l-draft-order", lawsuit: "ms-l-v-ice-2018", kind: "order", title: "A draft order", dateFiled: "2019-01-07", summary: "Not public.", states: [] }],
    }), { publication: "draft" });
    const msL = whole.coding.find((c) => c.lawsuit === "ms-l-v-ice-2018")!;
    await importDataset(drafts.sql, validateDataset({
      format: DATASET_FORMAT,
      coding: [{
        ...msL,
        stateSides: [...msL.stateSides, { jurisdiction: "OR", side: "amicus-plaintiff-side", filing: "ms-l-draft-order", sources: [] }],
        reliefMilestones: [...msL.reliefMilestones, { relief: "stay", status: "denied", date: "2019-01-07", filing: "ms-l-draft-order", sources: [] }],
      }],
    }));
  });
  afterAll(() => drafts?.drop());

  it("leaves out the values whose only citation is the draft, adds no draft, and still imports into an empty database", async () => {
    const text = await collectText(filteredDatasetJson(drafts.sql, filterOf("lawsuit=ms-l-v-ice-2018&kind=complaint")));
    const dataset = validateDataset(parseDatasetJson(text));
    expect(dataset.filings.map((f) => f.id)).not.toContain("ms-l-draft-order");
    expect(text).not.toContain("ms-l-draft-order");
    const msL = dataset.coding.find((c) => c.lawsuit === "ms-l-v-ice-2018")!;
    expect(msL).toEqual(whole.coding.find((c) => c.lawsuit === "ms-l-v-ice-2018"));
    const empty = await createTestDatabase();
    try {
      await importDatasetText(empty.sql, text);
      expect(validateDataset(await exportDataset(empty.sql)).coding).toEqual(dataset.coding);
    } finally {
      await empty.drop();
    }
  });
});
