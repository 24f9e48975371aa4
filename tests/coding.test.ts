// The research coding (issue 12, docs/decisions/020) through the importer and exporter:
// the founding coding cites only what the founding data holds, every new field survives
// export → import → export byte for byte, the administration is derived from dates,
// and malformed coding is refused with the record and field named, nothing written.
import { readFile } from "node:fs/promises";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { exportDataset, serializeDataset } from "@/lib/dataset/export";
import { importFoundingDataset } from "@/lib/dataset/founding";
import { importDatasetText } from "@/lib/dataset/import";
import { DatasetValidationError } from "@/lib/dataset/problems";
import { DATASET_FORMAT, type LawsuitCodingRecord, type PolicyRecord } from "@/lib/dataset/schema";

import { createTestDatabase, FOUNDING_CODING_PATH, readFoundingDataset, snapshotTables, type TestDatabase } from "./support/database";

const WASHINGTON = "washington-v-united-states-2018";
const WASHINGTON_AT = `coding[0] "${WASHINGTON}"`;

interface SourceLike {
  url: string;
}
interface FoundingFile {
  lawsuits: { id: string; sources: SourceLike[] }[];
  filings: { id: string; lawsuit: string | null; sources: SourceLike[] }[];
}

let database: TestDatabase;
let founding: FoundingFile;
let codingFile: { policies: PolicyRecord[]; coding: LawsuitCodingRecord[] };

beforeAll(async () => {
  database = await createTestDatabase();
  founding = JSON.parse(await readFoundingDataset());
  codingFile = JSON.parse(await readFile(FOUNDING_CODING_PATH, "utf8"));
  await importFoundingDataset(database.sql);
});
afterAll(async () => database.drop());

const exportedCoding = async (sql = database.sql) => (await exportDataset(sql)).coding as unknown as LawsuitCodingRecord[];

describe("The founding dataset's coding", () => {
  it("codes the Washington lawsuit: its 18 plaintiff states from the complaint, issue area immigration, the family-separation policy, outcome unknown", async () => {
    const washington = (await exportedCoding()).find((c) => c.lawsuit === WASHINGTON)!;
    expect(washington.policies).toEqual(["family-separation-zero-tolerance-2018"]);
    expect(washington.issueAreas).toEqual(["immigration"]);
    expect(washington.stateSides).toHaveLength(18);
    expect(new Set(washington.stateSides.map((s) => `${s.side} ${s.filing}`))).toEqual(new Set(["plaintiff wa-v-us-2018-dkt-1"]));
    const complaint = founding.filings.find((f) => f.id === "wa-v-us-2018-dkt-1")! as unknown as { states: { jurisdiction: string }[] };
    expect(washington.stateSides.map((s) => s.jurisdiction)).toEqual(complaint.states.map((s) => s.jurisdiction));
    // No source in the data tells how the case ended after its transfer, nor of an injunction in it.
    expect(washington.outcome).toEqual({ class: "unknown", sources: [] });
    expect(washington.reliefMilestones).toEqual([]);
  });

  it("codes the preliminary injunction and the settlement of Ms. L. from the orders in the data", async () => {
    const msL = (await exportedCoding()).find((c) => c.lawsuit === "ms-l-v-ice-2018")!;
    expect(msL.reliefMilestones).toMatchObject([{ relief: "preliminary-injunction", status: "granted", date: "2018-06-26", filing: "ms-l-v-ice-2018-dkt-83" }]);
    expect(msL.outcome).toMatchObject({ class: "settled", date: "2023-12-08", decidedBy: "ms-l-v-ice-2023-settlement-approval" });
  });

  it("cites only sources and filings already in the founding dataset, each filing of the coded lawsuit", () => {
    const knownUrls = new Set([...founding.lawsuits, ...founding.filings].flatMap((r) => r.sources.map((s) => s.url)));
    const lawsuitOf = new Map(founding.filings.map((f) => [f.id, f.lawsuit]));
    const cited: { url?: string; filing?: string; lawsuit?: string }[] = [];
    for (const policy of codingFile.policies) {
      expect(policy.sources.length, policy.id).toBeGreaterThan(0);
      cited.push(...policy.sources);
    }
    for (const coding of codingFile.coding) {
      const values = [...coding.stateSides, coding.outcome, ...coding.reliefMilestones];
      cited.push(...coding.sources, ...values.flatMap((v) => v.sources));
      for (const value of values) {
        const filing = "filing" in value ? value.filing : "decidedBy" in value ? value.decidedBy : null;
        if (filing) cited.push({ filing, lawsuit: coding.lawsuit });
        // A coded value cites something; only "unknown" may cite nothing.
        if (!("class" in value && value.class === "unknown")) expect(Boolean(filing) || value.sources.length > 0, JSON.stringify(value)).toBe(true);
      }
    }
    expect(cited.length).toBeGreaterThan(60);
    for (const citation of cited) {
      if (citation.url) expect(knownUrls, citation.url).toContain(citation.url);
      if (citation.filing) expect(lawsuitOf.get(citation.filing), citation.filing).toBe(citation.lawsuit);
    }
  });

  it("derives each lawsuit's administration from its date filed, to the precision known", async () => {
    const rows = await database.sql<{ id: string; administration: string | null }[]>`
      SELECT id, administration_of(date_filed, date_filed_precision) AS administration FROM lawsuit ORDER BY id`;
    expect(Object.fromEntries(rows.map((r) => [r.id, r.administration]))).toEqual({
      "california-v-mcaleenan-2019": "trump-1",
      "flores-v-barr-2019": "trump-1",
      "flores-v-sessions": "reagan",
      "ms-l-v-ice-2018": "trump-1",
      [WASHINGTON]: "trump-1",
    });
    const [edges] = await database.sql`
      SELECT administration_of('2021-01-19', 'day') AS before_inauguration, administration_of('2021-01-20', 'day') AS inauguration_day,
             administration_of('2021-01-01', 'month') AS straddling_month, administration_of('2021-01-01', 'year') AS straddling_year`;
    expect(edges).toEqual({ before_inauguration: "trump-1", inauguration_day: "biden", straddling_month: null, straddling_year: null });
    // Derived, never stored: no table but the reference table has an administration column.
    const columns = await database.sql`
      SELECT table_name FROM information_schema.columns WHERE table_schema = current_schema() AND column_name LIKE '%administration%'`;
    expect(columns).toEqual([]);
  });
});

/** A coding with every field of the format set, on the Washington lawsuit. */
function fullCoding() {
  const source = (n: number) => ({ url: `https://example.org/coding/${n}`, title: `Coding source ${n}`, publisher: "Example", published: "2018-08" });
  return {
    format: DATASET_FORMAT,
    issueAreas: [{ slug: "family-policy", label: "Family policy", definition: "How government treats families." }],
    policies: [
      {
        id: "full-policy",
        name: "A policy with every field",
        agencies: ["U.S. Department of Justice", "U.S. Department of Homeland Security"],
        dateAnnounced: "2018-04",
        citation: "Memorandum for Federal Prosecutors (Apr. 2018)",
        issueAreas: ["immigration", "family-policy"],
        sources: [source(1)],
      },
    ],
    coding: [
      {
        lawsuit: WASHINGTON,
        policies: ["full-policy", "family-separation-zero-tolerance-2018"],
        issueAreas: ["family-policy", "immigration"],
        sources: [source(2), source(3)],
        stateSides: [
          { jurisdiction: "WA", side: "plaintiff", filing: "wa-v-us-2018-dkt-1", sources: [source(4)] },
          { jurisdiction: "TX", side: "intervenor-defendant", sources: [source(5)] },
          { jurisdiction: "AL", side: "amicus-defendant-side", filing: "wa-v-us-2018-dkt-83", sources: [] },
        ],
        outcome: { class: "success-injunction-only", date: "2018-08", decidedBy: "wa-v-us-2018-order-2018-08-08", sources: [source(6)] },
        reliefMilestones: [
          { relief: "tro", status: "requested", date: "2018-06-26", scope: "plaintiff-states", filing: "wa-v-us-2018-dkt-15", sources: [source(7)] },
          { relief: "preliminary-injunction", status: "stayed-on-appeal", date: "2018", scope: "nationwide", sources: [source(8)] },
          { relief: "vacatur", status: "denied", filing: "wa-v-us-2018-order-2018-08-08", sources: [] },
        ],
      },
    ],
  };
}

describe("A coding with every field", () => {
  let first: TestDatabase;
  let second: TestDatabase;
  beforeAll(async () => {
    [first, second] = await Promise.all([createTestDatabase(), createTestDatabase()]);
  });
  afterAll(async () => Promise.all([first.drop(), second.drop()]));

  it("exports, imports into an empty database and exports again to the same bytes, every field kept", async () => {
    await importFoundingDataset(first.sql);
    const full = fullCoding();
    const summary = await importDatasetText(first.sql, JSON.stringify(full));
    expect({ issueAreas: summary.issueAreas, policies: summary.policies, coding: summary.coding }).toEqual({
      issueAreas: { created: 1, updated: 0, unchanged: 0 },
      policies: { created: 1, updated: 0, unchanged: 0 },
      coding: { created: 0, updated: 1, unchanged: 0 },
    });
    const exported = serializeDataset(await exportDataset(first.sql));
    const parsed = JSON.parse(exported);
    expect(parsed.coding.find((c: { lawsuit: string }) => c.lawsuit === WASHINGTON)).toEqual(full.coding[0]);
    expect(parsed.policies).toContainEqual(full.policies[0]);
    expect(parsed.issueAreas).toContainEqual(full.issueAreas[0]);

    const copied = await importDatasetText(second.sql, exported);
    expect(copied.coding).toEqual({ created: codingFile.coding.length, updated: 0, unchanged: 0 });
    expect(serializeDataset(await exportDataset(second.sql))).toBe(exported);

    // Importing it again changes nothing.
    const before = await snapshotTables(second.sql);
    const again = await importDatasetText(second.sql, exported);
    expect({ policies: again.policies, coding: again.coding }).toEqual({
      policies: { created: 0, updated: 0, unchanged: codingFile.policies.length + 1 },
      coding: { created: 0, updated: 0, unchanged: codingFile.coding.length },
    });
    expect(await snapshotTables(second.sql)).toEqual(before);
  });

  it("updates a changed coding in place, with a new version and a revision of what it was", async () => {
    const changed = fullCoding();
    changed.coding[0].outcome = { class: "mixed", date: "2018-08", decidedBy: "wa-v-us-2018-order-2018-08-08", sources: [] };
    changed.coding[0].stateSides.pop();
    const summary = await importDatasetText(second.sql, JSON.stringify({ format: DATASET_FORMAT, coding: changed.coding }));
    expect(summary.coding).toEqual({ created: 0, updated: 1, unchanged: 0 });
    const [coding] = await second.sql`SELECT outcome::text AS outcome, version FROM lawsuit_coding WHERE lawsuit_id = ${WASHINGTON}`;
    expect(coding).toEqual({ outcome: "mixed", version: 2 });
    expect(await second.sql`SELECT count(*)::int AS n FROM lawsuit_state_side WHERE lawsuit_id = ${WASHINGTON}`).toEqual([{ n: 2 }]);
    const [revision] = await second.sql`
      SELECT action::text AS action, version, before->'outcome'->>'class' AS was, after->'outcome'->>'class' AS is
      FROM revision WHERE record_kind = 'lawsuit-coding' AND record_id = ${WASHINGTON} ORDER BY id DESC LIMIT 1`;
    expect(revision).toEqual({ action: "update", version: 2, was: "success-injunction-only", is: "mixed" });
  });
});

describe("Malformed coding", () => {
  /** The Washington coding of the founding file, changed by `mutate`, as a file of its own. */
  const codingWith = (mutate: (coding: ReturnType<typeof fullCoding>["coding"][number]) => void) => {
    const coding = fullCoding().coding[0];
    mutate(coding);
    return JSON.stringify({ format: DATASET_FORMAT, policies: fullCoding().policies, issueAreas: fullCoding().issueAreas, coding: [coding] });
  };

  const cases: { name: string; text: string; lines: string[] }[] = [
    {
      name: "an unknown issue area",
      text: codingWith((c) => (c.issueAreas = ["immigraton"])),
      lines: [`${WASHINGTON_AT}: issueAreas[0] "immigraton" is not an issue area in this dataset or the vocabulary`],
    },
    {
      name: "an outcome decided by a filing of another lawsuit",
      text: codingWith((c) => (c.outcome.decidedBy = "ms-l-v-ice-2018-dkt-83")),
      lines: [`${WASHINGTON_AT}: outcome.decidedBy "ms-l-v-ice-2018-dkt-83" is a filing of another lawsuit ("ms-l-v-ice-2018"), not of "${WASHINGTON}"`],
    },
    {
      name: "a milestone dated before the lawsuit was filed",
      text: codingWith((c) => (c.reliefMilestones[0].date = "2018-06-25")),
      lines: [`${WASHINGTON_AT}: reliefMilestones[0].date "2018-06-25" is before the lawsuit was filed ("2018-06-26")`],
    },
    {
      name: "a state's side recorded by a letter outside any lawsuit",
      text: codingWith((c) => (c.stateSides[0].filing = "ag-letter-2018-06-19-family-separation")),
      lines: [`${WASHINGTON_AT}: stateSides[0].filing "ag-letter-2018-06-19-family-separation" is a filing outside any lawsuit, not of "${WASHINGTON}"`],
    },
    {
      name: "an outcome that cites nothing",
      text: codingWith((c) => (c.outcome = { class: "success-merits", date: "2018-08", decidedBy: undefined as never, sources: [] })),
      lines: [`${WASHINGTON_AT}: outcome.sources must cite a filing or at least one source`],
    },
    {
      name: "an unknown side and relief",
      text: codingWith((c) => {
        (c.stateSides[1] as { side: string }).side = "bystander";
        (c.reliefMilestones[1] as { relief: string }).relief = "writ";
      }),
      lines: [
        `${WASHINGTON_AT}: stateSides[1].side "bystander" must be one of plaintiff, intervenor-plaintiff, defendant, intervenor-defendant, amicus-plaintiff-side, amicus-defendant-side`,
        `${WASHINGTON_AT}: reliefMilestones[1].relief "writ" must be one of tro, preliminary-injunction, permanent-injunction, vacatur, stay`,
      ],
    },
    {
      name: "a policy and a lawsuit that do not exist",
      text: codingWith((c) => {
        c.lawsuit = "no-such-lawsuit";
        c.policies = ["no-such-policy"];
        c.stateSides = [];
        c.outcome = { class: "unknown", date: undefined as never, decidedBy: undefined as never, sources: [] };
        c.reliefMilestones = [];
      }),
      lines: [
        `coding[0] "no-such-lawsuit": lawsuit "no-such-lawsuit" is not a lawsuit in this dataset or the database`,
        `coding[0] "no-such-lawsuit": policies[0] "no-such-policy" is not a policy in this dataset or the database`,
      ],
    },
  ];

  for (const { name, text, lines } of cases) {
    it(`refuses ${name}, naming the record and the field, and writes nothing`, async () => {
      const before = await snapshotTables(database.sql);
      const error = await importDatasetText(database.sql, text).then(
        (summary) => expect.unreachable(`the import succeeded: ${JSON.stringify(summary)}`),
        (error: unknown) => error,
      );
      expect(error).toBeInstanceOf(DatasetValidationError);
      expect((error as DatasetValidationError).lines).toEqual(lines);
      expect(await snapshotTables(database.sql)).toEqual(before);
    });
  }
});
