// The citation downloads of a filing page, /filings/{id}/cite.bib and cite.json, called
// as Next.js calls them.
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { GET as citeBib } from "@/app/(public)/filings/[id]/cite.bib/route";
import { GET as citeJson } from "@/app/(public)/filings/[id]/cite.json/route";
import { importDatasetText } from "@/lib/dataset/import";
import { db } from "@/lib/db/client";

import { createTestDatabase, readFoundingDataset, type TestDatabase } from "./support/database";

const ORIGIN = "http://docketline.test";

let database: TestDatabase;

beforeAll(async () => {
  database = await createTestDatabase();
  process.env.DATABASE_URL = database.url;
  await importDatasetText(database.sql, await readFoundingDataset());
});

afterAll(async () => {
  await db.$disconnect();
  await database?.drop();
});

function cite(handler: typeof citeBib, id: string) {
  return handler(new Request(`${ORIGIN}/filings/${id}/cite`), { params: Promise.resolve({ id }) });
}

describe("Citation downloads", () => {
  it("gives the motion wa-v-us-2018-dkt-15 as a BibTeX entry", async () => {
    const response = await cite(citeBib, "wa-v-us-2018-dkt-15");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/x-bibtex; charset=utf-8");
    expect(response.headers.get("content-disposition")).toBe('attachment; filename="wa-v-us-2018-dkt-15.bib"');
    expect(await response.text()).toBe(
      [
        "@misc{wa-v-us-2018-dkt-15,",
        "  title        = {{States' Motion for Expedited Discovery and Regular Status Conferences}},",
        "  howpublished = {Washington v. United States, No. 2:18-cv-00939-MJP, ECF No. 15 (W.D. Wash.)},",
        "  organization = {U.S. District Court for the Western District of Washington},",
        "  type         = {Motion},",
        "  date         = {2018-07-02},",
        "  year         = {2018},",
        "  month        = jul,",
        `  url          = {${ORIGIN}/filings/wa-v-us-2018-dkt-15}`,
        "}",
        "",
      ].join("\n"),
    );
  });

  it("gives the motion wa-v-us-2018-dkt-15 as CSL-JSON", async () => {
    const response = await cite(citeJson, "wa-v-us-2018-dkt-15");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/vnd.citationstyles.csl+json; charset=utf-8");
    expect(response.headers.get("content-disposition")).toBe('attachment; filename="wa-v-us-2018-dkt-15.json"');
    expect(await response.json()).toEqual([
      {
        id: "wa-v-us-2018-dkt-15",
        type: "document",
        title: "States' Motion for Expedited Discovery and Regular Status Conferences",
        genre: "Motion",
        "container-title": "Washington v. United States",
        authority: "U.S. District Court for the Western District of Washington",
        number: "2:18-cv-00939-MJP",
        note: "ECF No. 15",
        issued: { "date-parts": [[2018, 7, 2]] },
        URL: `${ORIGIN}/filings/wa-v-us-2018-dkt-15`,
      },
    ]);
  });

  it("cites a letter outside any lawsuit by its title, kind and date alone", async () => {
    const text = await (await cite(citeBib, "ag-letter-2018-06-19-family-separation")).text();
    expect(text).toContain("@misc{ag-letter-2018-06-19-family-separation,");
    expect(text).not.toContain("howpublished");
    expect(text).toContain("  type         = {Letter},");
    const [item] = await (await cite(citeJson, "ag-letter-2018-06-19-family-separation")).json();
    expect(item).not.toHaveProperty("container-title");
    expect(item.issued).toEqual({ "date-parts": [[2018, 6, 19]] });
  });

  it("answers 404 for a filing that does not exist", async () => {
    expect((await cite(citeBib, "no-such-filing")).status).toBe(404);
    expect((await cite(citeJson, "no-such-filing")).status).toBe(404);
  });
});
