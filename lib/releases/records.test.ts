import { describe, expect, it } from "vitest";

import { serializeDataset } from "@/lib/dataset/export";

import { datasetRecords, sha256Hex } from "./records";

describe("datasetRecords", () => {
  it("reads every record of every array of a canonical dataset, arrays the format may gain included, by id or slug", () => {
    const filing = { id: "f-1", title: "A title with }\n    { inside", states: [{ jurisdiction: "NM", role: "lead" }] };
    const dataset = {
      format: "docketline/v1",
      courts: [],
      filings: [filing, { id: "f-2", title: "Second" }],
      issueAreas: [{ slug: "immigration", label: "Immigration" }],
    };
    const records = [...datasetRecords(Buffer.from(serializeDataset(dataset), "utf8"))];
    expect(records).toEqual([
      { kind: "filings", id: "f-1", sha256: sha256Hex(JSON.stringify(filing)) },
      { kind: "filings", id: "f-2", sha256: sha256Hex(JSON.stringify({ id: "f-2", title: "Second" })) },
      { kind: "issueAreas", id: "immigration", sha256: sha256Hex(JSON.stringify(dataset.issueAreas[0])) },
    ]);
  });

  it("gives a record whose content changed another hash, and the same record the same one", () => {
    const of = (title: string) => [...datasetRecords(Buffer.from(serializeDataset({ filings: [{ id: "f", title }] }), "utf8"))][0].sha256;
    expect(of("A")).toBe(of("A"));
    expect(of("A")).not.toBe(of("B"));
  });
});
