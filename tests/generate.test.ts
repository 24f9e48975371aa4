// `npm run generate` writes a dataset as it makes it, so that the million-filing file of
// issue 11 can be made at all (its text is larger than a JavaScript string can hold):
// the streamed text is the bytes serializeDataset writes of the whole dataset, with or
// without the coding, the same bytes the generator wrote before it streamed, and the
// filings are made only as they are written.
import { createHash } from "node:crypto";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { serializeDataset } from "@/lib/dataset/export";
import { generateDataset, generateDatasetText } from "@/lib/dataset/generate";
import { collectText as text } from "@/lib/exports/stream";

import { runScript } from "./support/cli";

describe("A generated dataset written as it is made", () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), "docketline-generate-"));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it.each([
    { filings: 1, seed: 1 },
    { filings: 999, seed: 2 },
    { filings: 2_500, seed: 3 },
    { filings: 1_200, seed: 4, coding: true },
    { filings: 300, seed: 5, filingsPerLawsuit: 7, coding: true },
  ])("is serializeDataset's text of the whole dataset: %o", async (options) => {
    expect(await text(generateDatasetText(options))).toBe(serializeDataset(generateDataset(options)));
  });

  // SHA-256 of the files `npm run generate` wrote before it streamed (819228b^): the tests,
  // fixtures and benchmarks made from generated data depend on these bytes. A change of
  // what the generator makes must be meant, and change these.
  it.each([
    { options: { filings: 300, seed: 1 }, sha256: "375b3d33d7b0dfbacba0ac160805a4797246bdb4708c0da24bb153dec4950a95" },
    { options: { filings: 1_200, seed: 4, coding: true }, sha256: "09353682cca075f0f2375532445e5f4e2ebeeb1d51464abf9bc2f513cb6ca554" },
  ])("is the same bytes the generator wrote before it streamed: $options", async ({ options, sha256 }) => {
    expect(createHash("sha256").update(await text(generateDatasetText(options))).digest("hex")).toBe(sha256);
  });

  it("counts the lawsuits, coded lawsuits and policies it wrote", async () => {
    const made = { lawsuits: 0, coded: 0, policies: 0 };
    const written = JSON.parse(await text(generateDatasetText({ filings: 800, seed: 6, coding: true }, made)));
    expect(made).toEqual({ lawsuits: written.lawsuits.length, coded: written.coding.length, policies: written.policies.length });
    expect(made.coded).toBeGreaterThan(0);
  });

  it("makes the filings only as they are written: the first thousand of ten million come before the rest are made", async () => {
    // Few lawsuits, so that the records before the filings are quick to make.
    const chunks = generateDatasetText({ filings: 10_000_000, seed: 1, filingsPerLawsuit: 1_000_000 });
    let written = "";
    for await (const chunk of chunks) {
      written += chunk;
      if (written.includes('"id": "filing-1000"')) break;
    }
    expect(written).toContain('"filings": [');
    expect(written).not.toContain('"id": "filing-1001"');
  });

  it("is what `npm run generate` writes, and the command says what it wrote", async () => {
    const file = path.join(dir, "generated.json");
    const run = await runScript("generate.mts", ["--filings", "1500", "--seed", "7", "--coding", file], {});
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    const dataset = generateDataset({ filings: 1500, seed: 7, coding: true });
    expect(await readFile(file, "utf8")).toBe(serializeDataset(dataset));
    expect(run.stdout).toBe(
      `Wrote 1,500 filings in ${dataset.lawsuits!.length} lawsuits, ${dataset.coding!.length} lawsuits coded, ${dataset.policies!.length} policies to ${file}\n`,
    );
  });
});
