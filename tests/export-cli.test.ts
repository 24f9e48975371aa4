// `npm run export` with filters, run as a user runs it: a child process with
// DATABASE_URL set, writing real files.
import { existsSync } from "node:fs";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";

import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { exportDataset, serializeDataset } from "@/lib/dataset/export";
import { importDatasetText } from "@/lib/dataset/import";
import type { FilingRecord } from "@/lib/dataset/schema";
import { filteredDatasetJson } from "@/lib/exports/dataset-json";
import { exportFormat } from "@/lib/exports/formats";
import { collectText } from "@/lib/exports/stream";
import { FilterSchema } from "@/lib/filters/schema";

import { runScript, type Run } from "./support/cli";
import { createTestDatabase, readFoundingDataset, type TestDatabase } from "./support/database";

function runExport(args: string[], databaseUrl: string): Promise<Run> {
  return runScript("export.mts", args, { DATABASE_URL: databaseUrl, DOCKETLINE_PUBLIC_URL: "https://docketline.example" });
}

describe("npm run export with filters", () => {
  let database: TestDatabase;
  let dir: string;
  let nm: FilingRecord[];

  beforeAll(async () => {
    database = await createTestDatabase();
    dir = await mkdtemp(path.join(tmpdir(), "docketline-export-cli-"));
    const text = await readFoundingDataset();
    nm = (JSON.parse(text).filings as FilingRecord[]).filter((f) => f.states.some((s) => s.jurisdiction === "NM"));
    await importDatasetText(database.sql, text);
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
    await database.drop();
  });

  it("--state NM out.csv writes one row per New Mexico filing", async () => {
    const file = path.join(dir, "nm.csv");
    const run = await runExport(["--state", "NM", file], database.url);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(`Exported 9 filings matching state=NM to ${file}\n`);
    const rows: Record<string, string>[] = parse(await readFile(file, "utf8"), { columns: true });
    expect(rows.map((r) => r.id).sort()).toEqual(nm.map((f) => f.id).sort());
    expect(rows[0].url).toBe(`https://docketline.example/filings/${rows[0].id}`);
  });

  it("takes repeated and combined filters: --state NM --kind motion --kind reply", async () => {
    const file = path.join(dir, "nm-motions.csv");
    const run = await runExport(["--state", "NM", "--kind", "motion", "--kind=reply", file], database.url);
    expect(run.code).toBe(0);
    const rows: Record<string, string>[] = parse(await readFile(file, "utf8"), { columns: true });
    expect(rows.map((r) => r.id).sort()).toEqual(["wa-v-us-2018-dkt-15", "wa-v-us-2018-dkt-26"]);
  });

  it("--per-state writes the long CSV, one row per filing and jurisdiction", async () => {
    const file = path.join(dir, "nm-states.csv");
    const run = await runExport(["--state", "NM", "--per-state", "--bom", file], database.url);
    expect(run.code).toBe(0);
    const text = await readFile(file, "utf8");
    expect(text.charCodeAt(0)).toBe(0xfeff);
    const rows: Record<string, string>[] = parse(text, { columns: true, bom: true });
    expect(rows).toHaveLength(nm.reduce((n, f) => n + f.states.length, 0));
  });

  it("--state NM out.json writes the same dataset as /export/dataset.json?state=NM", async () => {
    const file = path.join(dir, "nm.json");
    const run = await runExport(["--state", "NM", file], database.url);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(`Exported 9 filings matching state=NM, with 4 more filings they refer to, and 5 lawsuits to ${file}\n`);
    expect(await readFile(file, "utf8")).toBe(await collectText(filteredDatasetJson(database.sql, FilterSchema.parse({ state: ["NM"] }))));
  });

  it("without filters still writes the whole database, byte for byte the round-trip export", async () => {
    const file = path.join(dir, "all.json");
    const run = await runExport([file], database.url);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(`Exported 5 lawsuits and 22 filings to ${file}\n`);
    expect(await readFile(file, "utf8")).toBe(serializeDataset(await exportDataset(database.sql)));
  });

  it("names a bad flag and writes nothing", async () => {
    const file = path.join(dir, "bad.csv");
    const run = await runExport(["--kind", "telegram", "--colour", "red", file], database.url);
    expect(run.code).not.toBe(0);
    expect(run.stderr).toContain("Nothing was exported.");
    expect(run.stderr).toContain('  --kind: kind "telegram" must be one of complaint, motion');
    expect(run.stderr).toContain("  --colour: colour is not a known option");
    expect(existsSync(file)).toBe(false);
  });

  it("--codebook codebook.json writes the codebook, the bytes /export/codebook.json and releases write, and --help names the option", async () => {
    const file = path.join(dir, "codebook.json");
    const run = await runExport(["--codebook", file], database.url);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(`Exported codebook.json to ${file}\n`);
    const written = await readFile(file, "utf8");
    expect(JSON.parse(written).format).toBe("docketline/codebook-v1");
    expect(written).toBe(await collectText(exportFormat("codebook.json").everything(database.sql, { origin: "https://docketline.example" })));
    const help = await runExport(["--help"], database.url);
    expect(help.stdout).toMatch(/\[--all \| --codebook \| filters\]/);
    expect(help.stdout).toMatch(/\n {2}--codebook +the codebook of the research coding/);
  });

  it("refuses --codebook with filters, or for a .csv file, and writes nothing", async () => {
    for (const [args, message] of [
      [["--codebook", "--state", "NM"], "--codebook writes codebook.json, which no filter changes: it takes no filters."],
      [["--codebook", "--per-state"], "--codebook and --per-state pick different formats: give one."],
      [["--codebook", "--bom"], "--bom is for filings.csv and filing-states.csv."],
    ] as const) {
      const file = path.join(dir, "refused.json");
      const run = await runExport([...args, file], database.url);
      expect(run.code).not.toBe(0);
      expect(run.stderr).toContain(message);
      expect(existsSync(file)).toBe(false);
    }
    const csv = await runExport(["--codebook", path.join(dir, "codebook.csv")], database.url);
    expect(csv.code).not.toBe(0);
    expect(csv.stderr).toContain("--codebook is for .json files.");
  });

  it("refuses a file that is neither .json nor .csv", async () => {
    const run = await runExport(["--state", "NM", path.join(dir, "nm.xlsx")], database.url);
    expect(run.code).not.toBe(0);
    expect(run.stderr).toContain("The file must end in .json or .csv");
  });
});
