// The exports of the timeline's current view (/export/filings.csv, /export/filing-states.csv,
// /export/dataset.json), called as Next.js calls them: the route's GET with a Request.
import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { GET as codebookJson } from "@/app/export/codebook.json/route";
import { GET as datasetJson } from "@/app/export/dataset.json/route";
import { GET as filingStatesCsv } from "@/app/export/filing-states.csv/route";
import { GET as filingsCsv } from "@/app/export/filings.csv/route";
import { exportDataset, serializeDataset } from "@/lib/dataset/export";
import { importDatasetText } from "@/lib/dataset/import";
import type { FilingRecord } from "@/lib/dataset/schema";
import { parseDatasetJson, validateDataset } from "@/lib/dataset/validate";
import { comparePartialDates } from "@/lib/dates/partial-date";
import type { Sql } from "@/lib/db/sql";
import { filteredDatasetJson } from "@/lib/exports/dataset-json";
import { EXPORT_FORMATS } from "@/lib/exports/formats";
import { collectText } from "@/lib/exports/stream";
import { FilterSchema } from "@/lib/filters/schema";
import { getJurisdictionName } from "@/lib/jurisdictions/reference";

import { createTestDatabase, readFoundingDataset, type TestDatabase } from "./support/database";

const ORIGIN = "http://docketline.test";

let database: TestDatabase;
let founding: { filings: FilingRecord[]; officials: { id: string; name: string }[]; lawsuits: { id: string; docketNumber: string; court: string }[] };

beforeAll(async () => {
  database = await createTestDatabase();
  // lib/env reads the environment once, on first use; lib/db/bulk connects on first query.
  process.env.DATABASE_URL = database.url;
  const text = await readFoundingDataset();
  founding = JSON.parse(text);
  await importDatasetText(database.sql, text);
});

afterAll(async () => {
  await (globalThis as { docketlineBulkSql?: Sql }).docketlineBulkSql?.end({ timeout: 5 });
  await database?.drop();
});

function request(path: string): Request {
  return new Request(`${ORIGIN}${path}`);
}

/** The founding filings New Mexico joined, newest first as the timeline lists them. */
function foundingFilingsOf(state: string): FilingRecord[] {
  return founding.filings
    .filter((f) => f.states.some((s) => s.jurisdiction === state))
    .sort((a, b) => comparePartialDates(b.dateFiled, a.dateFiled) || (a.id < b.id ? 1 : -1));
}

function parseCsv(text: string): Record<string, string>[] {
  return parse(text, { columns: true, bom: true, skip_empty_lines: true });
}

describe("/export/filings.csv", () => {
  it("holds exactly New Mexico's filings for state=NM, newest first, with the founding dataset's values", async () => {
    const response = await filingsCsv(request("/export/filings.csv?state=NM"));
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8; header=present");
    expect(response.headers.get("content-disposition")).toBe('attachment; filename="docketline-filings_state-nm.csv"');

    const rows = parseCsv(await response.text());
    const lawsuits = new Map(founding.lawsuits.map((l) => [l.id, l]));
    const expected = foundingFilingsOf("NM").map((f) => ({
      id: f.id,
      dateFiled: f.dateFiled,
      datePrecision: "day",
      kind: f.kind,
      title: f.title,
      lawsuit: f.lawsuit ?? "",
      docketNumber: f.lawsuit ? lawsuits.get(f.lawsuit)!.docketNumber : "",
      court: f.lawsuit ? lawsuits.get(f.lawsuit)!.court : "",
      leadJurisdictions: f.states.filter((s) => s.role !== "joined").map((s) => s.jurisdiction).join(";"),
      joiningJurisdictions: f.states.filter((s) => s.role === "joined").map((s) => s.jurisdiction).join(";"),
      demandCount: String(f.demands.length),
      outcomes: f.demands.map((d) => d.outcome).join(";"),
      url: `${ORIGIN}/filings/${f.id}`,
    }));
    expect(expected).toHaveLength(9);
    expect(rows).toEqual(expected);
  });

  it("writes RFC 4180 CSV: CRLF line ends, and quotes doubled inside quoted fields", async () => {
    const text = await (await filingsCsv(request("/export/filings.csv?state=NM&sort=oldest"))).text();
    expect(text.startsWith("id,dateFiled,datePrecision,kind,title,lawsuit,docketNumber,court,leadJurisdictions,joiningJurisdictions,demandCount,outcomes,url\r\n")).toBe(true);
    expect(text.endsWith("\r\n")).toBe(true);
    expect(text.replace(/\r\n/g, "")).not.toContain("\n");
    const rows = parseCsv(text);
    expect(rows.map((r) => r.id)).toEqual(foundingFilingsOf("NM").map((f) => f.id).reverse());
  });

  it("adds a byte-order mark with bom=1, and only then", async () => {
    const withBom = new Uint8Array(await (await filingsCsv(request("/export/filings.csv?state=NM&bom=1"))).arrayBuffer());
    expect([...withBom.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const without = new Uint8Array(await (await filingsCsv(request("/export/filings.csv?state=NM&bom=0"))).arrayBuffer());
    expect(String.fromCharCode(...without.slice(0, 2))).toBe("id");
    expect(parseCsv(new TextDecoder().decode(withBom))).toEqual(parseCsv(new TextDecoder().decode(without)));
  });

  it("keeps a month-precision date a month, with its precision in the next column", async () => {
    const sql = database.sql;
    await importDatasetText(
      sql,
      JSON.stringify({
        format: "docketline/v1",
        filings: [
          {
            id: "export-test-quoted-title",
            lawsuit: null,
            kind: "notice",
            title: 'Notice of "joinder", with a comma\nand a line break',
            dateFiled: "2018-06",
            summary: "A notice dated to the month only.",
            states: [{ jurisdiction: "VT", role: "co-lead" }],
          },
        ],
      }),
    );
    const text = await (await filingsCsv(request("/export/filings.csv?kind=notice"))).text();
    expect(text).toContain('"Notice of ""joinder"", with a comma\nand a line break"');
    const [row] = parseCsv(text);
    expect(row).toMatchObject({
      id: "export-test-quoted-title",
      dateFiled: "2018-06",
      datePrecision: "month",
      title: 'Notice of "joinder", with a comma\nand a line break',
      lawsuit: "",
      leadJurisdictions: "VT",
      joiningJurisdictions: "",
      demandCount: "0",
    });
    await sql`DELETE FROM filing WHERE id = 'export-test-quoted-title'`;
  });
});

describe("/export/filing-states.csv", () => {
  it("has one row per filing and jurisdiction for state=NM, with roles and officials", async () => {
    const response = await filingStatesCsv(request("/export/filing-states.csv?state=NM"));
    expect(response.headers.get("content-disposition")).toBe('attachment; filename="docketline-filing-states_state-nm.csv"');
    const rows = parseCsv(await response.text());
    const officials = new Map(founding.officials.map((o) => [o.id, o.name]));
    const expected = foundingFilingsOf("NM").flatMap((f) =>
      f.states.map((s) => ({
        filingId: f.id,
        dateFiled: f.dateFiled,
        datePrecision: "day",
        kind: f.kind,
        jurisdiction: s.jurisdiction,
        jurisdictionName: getJurisdictionName(s.jurisdiction),
        role: s.role,
        official: s.official ?? "",
        officialName: s.official ? officials.get(s.official)! : "",
        url: `${ORIGIN}/filings/${f.id}`,
      })),
    );
    expect(rows.length).toBe(foundingFilingsOf("NM").reduce((n, f) => n + f.states.length, 0));
    expect(rows).toEqual(expected);
    expect(rows.filter((r) => r.jurisdiction === "NM")).toHaveLength(9);
    expect(rows.find((r) => r.filingId === "wa-v-us-2018-dkt-15" && r.jurisdiction === "NM")).toMatchObject({
      jurisdictionName: "New Mexico",
      role: "joined",
      official: "hector-balderas",
      officialName: "Hector H. Balderas",
    });
  });
});

describe("/export/dataset.json", () => {
  it("gives the New Mexico filings with the filings, lawsuits, courts and officials they refer to", async () => {
    const response = await datasetJson(request("/export/dataset.json?state=NM"));
    expect(response.headers.get("content-type")).toBe("application/json; charset=utf-8");
    expect(response.headers.get("content-disposition")).toBe('attachment; filename="docketline-dataset_state-nm.json"');
    const dataset = validateDataset(parseDatasetJson(await response.text()));

    const nm = foundingFilingsOf("NM").map((f) => f.id);
    // Outside the filter, but answered by or deciding filings in it.
    const added = ["wa-v-us-2018-dkt-21", "wa-v-us-2018-dkt-22", "wa-v-us-2018-order-2018-07-19", "wa-v-us-2018-order-2018-08-08"];
    expect(dataset.filings.map((f) => f.id).sort()).toEqual([...nm, ...added].sort());
    expect(dataset.description).toContain("9 filings on Docketline match the filter state=NM.");
    for (const id of added) expect(dataset.description).toContain(id);
    // The lawsuits of those filings, and the lawsuit they are related to.
    expect(dataset.lawsuits.map((l) => l.id).sort()).toEqual(founding.lawsuits.map((l) => l.id).sort());
    expect(dataset.courts.map((c) => c.id)).toEqual(["ca9", "cacd", "casd", "wawd"]);
    expect(dataset.officials.map((o) => o.id)).toEqual(["bob-ferguson", "hector-balderas"]);

    // Every record is the database's own, unchanged.
    const whole = await exportDataset(database.sql);
    for (const filing of dataset.filings) expect(filing).toEqual(validateDataset(whole).filings.find((f) => f.id === filing.id));
  });

  it("imports into an empty database, which exports the same filter to the same bytes", async () => {
    const first = await (await datasetJson(request("/export/dataset.json?state=NM"))).text();
    const empty = await createTestDatabase();
    try {
      const summary = await importDatasetText(empty.sql, first);
      expect(summary.filings.created).toBe(13);
      const again = await collectText(filteredDatasetJson(empty.sql, FilterSchema.parse({ state: ["NM"] })));
      expect(again).toBe(first);
    } finally {
      await empty.drop();
    }
  });

  it("without a filter writes the records exactly as the whole-database export does, officials only where a filing names them", async () => {
    const filtered = JSON.parse(await (await datasetJson(request("/export/dataset.json"))).text());
    expect(filtered.title).toBe("Docketline: every filing");
    const whole = JSON.parse(serializeDataset(await exportDataset(database.sql)));
    for (const kind of ["courts", "lawsuits", "filings"]) expect(filtered[kind]).toEqual(whole[kind]);
    // Officials no filing names (they sign nothing in the founding data) are not "referenced".
    const named = new Set(whole.filings.flatMap((f: FilingRecord) => f.states.flatMap((s) => (s.official ? [s.official] : []))));
    expect(filtered.officials).toEqual(whole.officials.filter((o: { id: string }) => named.has(o.id)));
  });

  it("writes the canonical text: the same bytes as serializeDataset", async () => {
    const text = await (await datasetJson(request("/export/dataset.json?lawsuit=flores-v-sessions"))).text();
    expect(serializeDataset(JSON.parse(text))).toBe(text);
    const empty = await (await datasetJson(request("/export/dataset.json?state=GU"))).text();
    expect(serializeDataset(JSON.parse(empty))).toBe(empty);
    expect(JSON.parse(empty)).toMatchObject({ courts: [], officials: [], lawsuits: [], filings: [] });
  });
});

describe("/export/<file>: every format of the one list, as it defines it", () => {
  const routes: Record<string, (r: Request) => Response | Promise<Response>> = {
    "dataset.json": datasetJson,
    "filings.csv": filingsCsv,
    "filing-states.csv": filingStatesCsv,
    "codebook.json": codebookJson,
  };

  it("has a route for each format of EXPORT_FORMATS, and none besides", () => {
    expect(Object.keys(routes).sort()).toEqual(EXPORT_FORMATS.map((f) => f.file).sort());
  });

  for (const format of EXPORT_FORMATS) {
    it(`/export/${format.file} has the format's content type and writes what the format writes${format.filtered ? " for the filter" : ", whatever the query"}`, async () => {
      const query = format.filtered ? "?state=NM" : "?state=NM&any=thing";
      const response = await routes[format.file](request(`/export/${format.file}${query}`));
      expect(response.status).toBe(200);
      expect(response.headers.get("content-type")).toBe(format.contentType);
      const [base, extension] = format.file.split(".");
      expect(response.headers.get("content-disposition")).toBe(`attachment; filename="docketline-${base}${format.filtered ? "_state-nm" : ""}.${extension}"`);
      const expected = format.filtered
        ? format.filtered(database.sql, FilterSchema.parse({ state: ["NM"] }), { origin: ORIGIN, bom: false })
        : format.everything(database.sql, { origin: ORIGIN });
      expect(await response.text()).toBe(await collectText(expected));
    });
  }
});

describe("Bad query parameters", () => {
  const cases: [string, (r: Request) => Response | Promise<Response>, string, string][] = [
    ["/export/filings.csv?state=ZZ", filingsCsv, "state", 'state "ZZ" is not a known jurisdiction'],
    ["/export/filings.csv?kind=telegram", filingsCsv, "kind", 'kind "telegram" must be one of'],
    ["/export/filing-states.csv?from=2018-13-01", filingStatesCsv, "from", 'from "2018-13-01" is not a valid date'],
    ["/export/filings.csv?bom=yes", filingsCsv, "bom", 'bom "yes" must be 1 or 0'],
    ["/export/dataset.json?bom=1", datasetJson, "bom", "bom is not a known parameter"],
    ["/export/dataset.json?colour=red", datasetJson, "colour", "colour is not a known parameter"],
    ["/export/dataset.json?lawsuit=a&lawsuit=b", datasetJson, "lawsuit", "lawsuit may appear only once"],
  ];
  for (const [path, handler, param, message] of cases) {
    it(`${path} gets 400 problem+json naming ${param}`, async () => {
      const response = await handler(request(path));
      expect(response.status).toBe(400);
      expect(response.headers.get("content-type")).toBe("application/problem+json");
      const problem = await response.json();
      expect(problem).toMatchObject({ status: 400, title: "Invalid query parameters", instance: path });
      expect(problem.errors).toEqual([{ param, message: expect.stringContaining(message) }]);
    });
  }
});
