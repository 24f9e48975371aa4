// Malformed datasets are rejected with a sentence naming the record, the field and the
// problem, and nothing is written. Most are the founding dataset with one thing broken.
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { exportDataset } from "@/lib/dataset/export";
import { importDatasetText } from "@/lib/dataset/import";
import { DatasetValidationError } from "@/lib/dataset/problems";
import { DatasetSyntaxError } from "@/lib/dataset/validate";

import { createTestDatabase, readFoundingDataset, snapshotTables, type TestDatabase } from "./support/database";

/* eslint-disable @typescript-eslint/no-explicit-any -- datasets here are deliberately malformed JSON */
type Json = any;

// Records of the founding file, by their index there.
const LETTER = 3; // filings[3] "ag-letter-2018-06-19-family-separation"
const COMPLAINT = 5; // filings[5] "wa-v-us-2018-dkt-1"
const ORDER_2018_06_26 = 6; // filings[6] "ms-l-v-ice-2018-dkt-83"
const MOTION = 7; // filings[7] "wa-v-us-2018-dkt-15"
const RESPONSE = 10; // filings[10] "wa-v-us-2018-dkt-21"
const WASHINGTON = 0; // lawsuits[0] "washington-v-united-states-2018"

const LETTER_AT = `filings[${LETTER}] "ag-letter-2018-06-19-family-separation"`;
const COMPLAINT_AT = `filings[${COMPLAINT}] "wa-v-us-2018-dkt-1"`;
const WASHINGTON_AT = `lawsuits[${WASHINGTON}] "washington-v-united-states-2018"`;
const DATE_RULE = "is not a valid date as YYYY, YYYY-MM or YYYY-MM-DD";
const URL_RULE = "must be an absolute http(s) URL";
const SLUG_RULE = "must be a slug of lowercase letters, digits and single hyphens";

let foundingText: string;
const founding = (): Json => JSON.parse(foundingText);

beforeAll(async () => {
  foundingText = await readFoundingDataset();
});

/** Imports a text that must be rejected; returns the error, having checked that no table changed. */
async function rejection(sql: TestDatabase["sql"], text: string): Promise<unknown> {
  // Snapshot per test, so that one wrongly accepted dataset fails only its own test.
  const before = await snapshotTables(sql);
  expect(before.filing.length).toBeGreaterThanOrEqual(22);
  const error = await importDatasetText(sql, text).then(
    (summary) => expect.unreachable(`the import succeeded: ${JSON.stringify(summary)}`),
    (error: unknown) => error,
  );
  expect(await snapshotTables(sql)).toEqual(before);
  return error;
}

interface Case {
  name: string;
  /** Breaks a copy of the founding dataset (or returns another document). */
  mutate: (dataset: Json) => Json | void;
  /** Every line of the error, in order. */
  lines: string[];
}

const CASES: Case[] = [
  {
    name: "a filing without its lawsuit key (null is how a filing says it has no lawsuit)",
    mutate: (d) => void delete d.filings[LETTER].lawsuit,
    lines: [`${LETTER_AT}: lawsuit is required`],
  },
  {
    name: "a dataset whose format is not docketline/v1",
    mutate: (d) => void (d.format = "docketline/v2"),
    lines: ['format "docketline/v2" must be exactly "docketline/v1"'],
  },
  {
    name: "a dataset without a format",
    mutate: (d) => void delete d.format,
    lines: ['format must be exactly "docketline/v1"'],
  },
  {
    name: "a filing whose state is not a known jurisdiction",
    mutate: (d) => void (d.filings[LETTER].states[2].jurisdiction = "ZZ"),
    lines: [`${LETTER_AT}: states[2].jurisdiction "ZZ" is not a known jurisdiction`],
  },
  {
    name: "a jurisdiction code in lower case",
    mutate: (d) => void (d.lawsuits[WASHINGTON].plaintiffs[1].jurisdiction = "ma"),
    lines: [`${WASHINGTON_AT}: plaintiffs[1].jurisdiction "ma" is not a known jurisdiction`],
  },
  {
    name: "a filing that lists the same state twice",
    mutate: (d) => void (d.filings[LETTER].states[2].jurisdiction = "WA"),
    lines: [`${LETTER_AT}: states[2].jurisdiction "WA" appears more than once on this filing`],
  },
  {
    name: "a lawsuit that lists the same plaintiff twice",
    mutate: (d) => void (d.lawsuits[WASHINGTON].plaintiffs[2].jurisdiction = "WA"),
    lines: [`${WASHINGTON_AT}: plaintiffs[2].jurisdiction "WA" is listed more than once`],
  },
  {
    name: "a lawsuit in a court that is neither in the dataset nor in the database",
    mutate: (d) => void (d.lawsuits[WASHINGTON].court = "nowhere"),
    lines: [`${WASHINGTON_AT}: court "nowhere" is not a court in this dataset or the database`],
  },
  {
    name: "a filing in a lawsuit that does not exist",
    mutate: (d) => void (d.filings[COMPLAINT].lawsuit = "no-such-lawsuit"),
    lines: [`${COMPLAINT_AT}: lawsuit "no-such-lawsuit" is not a lawsuit in this dataset or the database`],
  },
  {
    name: "a filing that responds to a filing that does not exist",
    mutate: (d) => void (d.filings[RESPONSE].respondsTo = "no-such-filing"),
    lines: [`filings[${RESPONSE}] "wa-v-us-2018-dkt-21": respondsTo "no-such-filing" is not a filing in this dataset or the database`],
  },
  {
    name: "a demand decided by a filing that does not exist",
    mutate: (d) => void (d.filings[MOTION].demands[0].decidedBy = "no-such-order"),
    lines: [`filings[${MOTION}] "wa-v-us-2018-dkt-15": demands[0].decidedBy "no-such-order" is not a filing in this dataset or the database`],
  },
  {
    name: "a state signed by an official who does not exist",
    mutate: (d) => void (d.filings[COMPLAINT].states[0].official = "no-such-official"),
    lines: [`${COMPLAINT_AT}: states[0].official "no-such-official" is not an official in this dataset or the database`],
  },
  {
    name: "a lawsuit related to a lawsuit that does not exist",
    mutate: (d) => void (d.lawsuits[WASHINGTON].related[0].lawsuit = "no-such-lawsuit"),
    lines: [`${WASHINGTON_AT}: related[0].lawsuit "no-such-lawsuit" is not a lawsuit in this dataset or the database`],
  },
  {
    name: "a state signed by an official who serves another jurisdiction",
    // states[0] is Washington; Hector Balderas is New Mexico's attorney general.
    mutate: (d) => void (d.filings[COMPLAINT].states[0].official = "hector-balderas"),
    lines: [`${COMPLAINT_AT}: states[0].official "hector-balderas" serves NM, not WA`],
  },
  {
    name: "a date that is not on the calendar (2018-02-30)",
    mutate: (d) => void (d.filings[COMPLAINT].dateFiled = "2018-02-30"),
    lines: [`${COMPLAINT_AT}: dateFiled "2018-02-30" ${DATE_RULE}`],
  },
  {
    name: "a date written with slashes (2018/06/01)",
    mutate: (d) => void (d.filings[COMPLAINT].dateFiled = "2018/06/01"),
    lines: [`${COMPLAINT_AT}: dateFiled "2018/06/01" ${DATE_RULE}`],
  },
  {
    name: "a date with a two-digit year (18-06)",
    mutate: (d) => void (d.filings[LETTER].sources[0].published = "18-06"),
    lines: [`${LETTER_AT}: sources[0].published "18-06" ${DATE_RULE}`],
  },
  {
    name: "a lawsuit terminated before it was filed",
    mutate: (d) => void (d.lawsuits[WASHINGTON].dateTerminated = "2018-06-25"),
    lines: [`${WASHINGTON_AT}: dateTerminated "2018-06-25" is before dateFiled "2018-06-26"`],
  },
  {
    name: "two filings with the same id",
    mutate: (d) => void (d.filings[ORDER_2018_06_26].id = "wa-v-us-2018-dkt-1"),
    lines: [`filings[${ORDER_2018_06_26}] "wa-v-us-2018-dkt-1": id "wa-v-us-2018-dkt-1" is used by an earlier record too`],
  },
  {
    name: "two courts with the same id",
    mutate: (d) => void d.courts.push({ id: "wawd", shortName: "W.D. Wash. (again)", fullName: "Western District of Washington" }),
    lines: ['courts[4] "wawd": id "wawd" is used by an earlier record too'],
  },
  {
    name: "an id in upper case",
    mutate: (d) => void (d.courts[0].id = "WAWD"),
    lines: [`courts[0] "WAWD": id "WAWD" ${SLUG_RULE}`],
  },
  {
    name: "an id with spaces",
    mutate: (d) => void (d.officials[1].id = "bob ferguson"),
    lines: [`officials[1] "bob ferguson": id "bob ferguson" ${SLUG_RULE}`],
  },
  {
    name: "an id longer than 120 characters",
    mutate: (d) => void (d.courts[0].id = "a".repeat(121)),
    lines: ["courts[0]: id must be at most 120 characters"],
  },
  {
    name: "a title that is empty once trimmed",
    mutate: (d) => void (d.filings[COMPLAINT].title = "   "),
    lines: [`${COMPLAINT_AT}: title "   " must not be empty`],
  },
  {
    name: "a title over 500 characters",
    mutate: (d) => void (d.filings[COMPLAINT].title = "x".repeat(501)),
    lines: [`${COMPLAINT_AT}: title must be at most 500 characters`],
  },
  {
    name: "a summary over 20,000 characters",
    mutate: (d) => void (d.lawsuits[WASHINGTON].summary = "word ".repeat(4_001)),
    lines: [`${WASHINGTON_AT}: summary must be at most 20,000 characters`],
  },
  {
    name: "a source URL with the ftp scheme",
    mutate: (d) => void (d.filings[COMPLAINT].sources[0].url = "ftp://example.com/complaint.pdf"),
    lines: [`${COMPLAINT_AT}: sources[0].url "ftp://example.com/complaint.pdf" ${URL_RULE}`],
  },
  {
    name: "a javascript: source URL",
    mutate: (d) => void (d.filings[COMPLAINT].sources[1].url = "javascript:alert(1)"),
    lines: [`${COMPLAINT_AT}: sources[1].url "javascript:alert(1)" ${URL_RULE}`],
  },
  {
    name: "a relative source URL",
    mutate: (d) => void (d.lawsuits[WASHINGTON].sources[0].url = "/docs/complaint.pdf"),
    lines: [`${WASHINGTON_AT}: sources[0].url "/docs/complaint.pdf" ${URL_RULE}`],
  },
  {
    name: "a source URL with the http scheme but no //",
    mutate: (d) => void (d.filings[COMPLAINT].sources[0].url = "http:example.com/complaint"),
    lines: [`${COMPLAINT_AT}: sources[0].url "http:example.com/complaint" ${URL_RULE}`],
  },
  {
    name: "a filing of an unknown kind",
    mutate: (d) => void (d.filings[COMPLAINT].kind = "telegram"),
    lines: [
      `${COMPLAINT_AT}: kind "telegram" must be one of complaint, motion, response, reply, brief, amicus-brief, letter, order, settlement, notice, hearing, statement`,
    ],
  },
  {
    name: "a demand with an unknown outcome",
    mutate: (d) => void (d.filings[COMPLAINT].demands[1].outcome = "won"),
    lines: [`${COMPLAINT_AT}: demands[1].outcome "won" must be one of pending, granted, granted-in-part, denied, moot, withdrawn, unknown`],
  },
  {
    name: "a misspelt field (titel)",
    mutate: (d) => {
      d.filings[COMPLAINT].titel = d.filings[COMPLAINT].title;
      delete d.filings[COMPLAINT].title;
    },
    lines: [`${COMPLAINT_AT}: title is required`, `${COMPLAINT_AT}: has an unknown field "titel"`],
  },
  {
    name: "an unknown field at the top of the document",
    mutate: (d) => void (d.version = 2),
    lines: ['the dataset has an unknown field "version"'],
  },
  {
    name: "a negative entryNumber",
    mutate: (d) => void (d.filings[COMPLAINT].entryNumber = -1),
    lines: [`${COMPLAINT_AT}: entryNumber -1 must not be negative`],
  },
  {
    name: "a fractional entryNumber",
    mutate: (d) => void (d.filings[COMPLAINT].entryNumber = 1.5),
    lines: [`${COMPLAINT_AT}: entryNumber 1.5 must be a whole number`],
  },
  {
    name: "a list of states that is not a list",
    mutate: (d) => void (d.filings[COMPLAINT].states = "WA"),
    lines: [`${COMPLAINT_AT}: states "WA" must be a list`],
  },
  {
    name: "a JSON document that is an array, not an object",
    mutate: () => [],
    lines: ["the dataset must be an object"],
  },
];

describe("A malformed dataset", () => {
  let database: TestDatabase;

  // The database holds the founding data, so "nothing changed" means something.
  beforeAll(async () => {
    database = await createTestDatabase();
    await importDatasetText(database.sql, foundingText);
  });
  afterAll(async () => database.drop());

  it("accepts the untouched copy of the founding dataset, so each case below fails by its mutation alone", async () => {
    const before = await snapshotTables(database.sql);
    const summary = await importDatasetText(database.sql, JSON.stringify(founding()));
    expect(summary.filings).toEqual({ created: 0, updated: 0, unchanged: 22 });
    expect(await snapshotTables(database.sql)).toEqual(before);
  });

  it.for(CASES)("rejects $name", async ({ mutate, lines }) => {
    const dataset = founding();
    const broken = mutate(dataset) ?? dataset;
    const error = await rejection(database.sql, JSON.stringify(broken));
    expect(error).toBeInstanceOf(DatasetValidationError);
    expect((error as DatasetValidationError).lines).toEqual(lines);
    expect((error as DatasetValidationError).message).toContain(lines[0]);
  });

  it("lists every problem of a dataset that has several, in different records", async () => {
    const d = founding();
    d.lawsuits[1].dateFiled = "2018-02-30";
    d.filings[LETTER].states[2].jurisdiction = "ZZ";
    d.filings[MOTION].sources[1].url = "ftp://example.com/motion.pdf";
    d.filings[ORDER_2018_06_26].id = "wa-v-us-2018-dkt-1";
    const error = await rejection(database.sql, JSON.stringify(d));
    expect(error).toBeInstanceOf(DatasetValidationError);
    const { lines, problems, message } = error as DatasetValidationError;
    expect([...lines].sort()).toEqual(
      [
        `lawsuits[1] "ms-l-v-ice-2018": dateFiled "2018-02-30" ${DATE_RULE}`,
        `${LETTER_AT}: states[2].jurisdiction "ZZ" is not a known jurisdiction`,
        `filings[${MOTION}] "wa-v-us-2018-dkt-15": sources[1].url "ftp://example.com/motion.pdf" ${URL_RULE}`,
        `filings[${ORDER_2018_06_26}] "wa-v-us-2018-dkt-1": id "wa-v-us-2018-dkt-1" is used by an earlier record too`,
      ].sort(),
    );
    expect(problems).toHaveLength(4);
    expect(message).toMatch(/^The dataset has 4 problems:/);
  });

  it("lists every unresolved reference, not just the first", async () => {
    const d = founding();
    d.lawsuits[WASHINGTON].court = "nowhere";
    d.filings[RESPONSE].respondsTo = "no-such-filing";
    d.filings[COMPLAINT].states[0].official = "hector-balderas";
    const error = await rejection(database.sql, JSON.stringify(d));
    expect(error).toBeInstanceOf(DatasetValidationError);
    expect((error as DatasetValidationError).lines).toEqual([
      `${WASHINGTON_AT}: court "nowhere" is not a court in this dataset or the database`,
      `${COMPLAINT_AT}: states[0].official "hector-balderas" serves NM, not WA`,
      `filings[${RESPONSE}] "wa-v-us-2018-dkt-21": respondsTo "no-such-filing" is not a filing in this dataset or the database`,
    ]);
  });

  it("rejects a small hand-written dataset whose only filing is in an unknown lawsuit", async () => {
    const dataset = {
      format: "docketline/v1",
      filings: [
        { id: "orphan-motion", lawsuit: "no-such-lawsuit", kind: "motion", title: "Motion", dateFiled: "2018-07", summary: "A motion." },
      ],
    };
    const error = await rejection(database.sql, JSON.stringify(dataset));
    expect(error).toBeInstanceOf(DatasetValidationError);
    expect((error as DatasetValidationError).lines).toEqual([
      'filings[0] "orphan-motion": lawsuit "no-such-lawsuit" is not a lawsuit in this dataset or the database',
    ]);
  });

  it("accepts a termination known only to the month of a filing later in that month", async () => {
    const dataset = founding();
    dataset.lawsuits[WASHINGTON].dateTerminated = "2018-06"; // filed 2018-06-26
    const summary = await importDatasetText(database.sql, JSON.stringify(dataset));
    expect(summary.lawsuits.updated).toBe(1);
    const [row] = await database.sql`SELECT date_terminated, date_terminated_precision FROM lawsuit WHERE id = 'washington-v-united-states-2018'`;
    expect(row).toEqual({ date_terminated: "2018-06-01", date_terminated_precision: "month" });
    // Put it back for the tests that follow.
    expect((await importDatasetText(database.sql, foundingText)).lawsuits.updated).toBe(1);
  });

  it("reads a file that starts with a byte-order mark", async () => {
    const summary = await importDatasetText(database.sql, "\uFEFF" + foundingText);
    expect(summary.filings).toEqual({ created: 0, updated: 0, unchanged: 22 });
  });

  describe("as JSON text", () => {
    const syntaxError = async (text: string) => {
      const error = await rejection(database.sql, text);
      expect(error).toBeInstanceOf(DatasetSyntaxError);
      return error as DatasetSyntaxError;
    };

    it("reports a missing comma at the line and column of the next property", async () => {
      const error = await syntaxError('{\n  "format": "docketline/v1"\n  "courts": []\n}\n');
      expect(error.message).toBe("Malformed JSON at line 3, column 3: comma expected");
      expect({ line: error.line, column: error.column }).toEqual({ line: 3, column: 3 });
    });

    it("reports a trailing comma at the closing brace that follows it", async () => {
      const error = await syntaxError('{\n  "format": "docketline/v1",\n  "courts": [],\n}\n');
      expect(error.message).toBe("Malformed JSON at line 4, column 1: property name expected");
      expect({ line: error.line, column: error.column }).toEqual({ line: 4, column: 1 });
    });

    it("reports a trailing comma in a list at the closing bracket", async () => {
      const error = await syntaxError('{\n  "format": "docketline/v1",\n  "courts": [\n    {"id": "wawd"},\n  ]\n}\n');
      expect(error.message).toBe("Malformed JSON at line 5, column 3: a value was expected here");
    });

    it("reports empty text at line 1, column 1", async () => {
      const error = await syntaxError("");
      expect(error.message).toBe("Malformed JSON at line 1, column 1: a value was expected here");
    });

    it("reports a file cut off inside a list at its end", async () => {
      const error = await syntaxError('{\n  "format": "docketline/v1",\n  "courts": [\n    {"id": "wawd"}');
      expect(error.message).toBe("Malformed JSON at line 4, column 19: close bracket expected");
    });

    it("reports an unterminated string where the string starts", async () => {
      const error = await syntaxError('{\n  "format": "docketline/v1",\n  "title": "Family separation\n}');
      expect(error.message).toBe("Malformed JSON at line 3, column 12: unexpected end of string");
    });
  });
});

describe("A dataset that only references records already in the database", () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
    await importDatasetText(database.sql, foundingText);
  });
  afterAll(async () => database.drop());

  it("imports one new filing whose lawsuit, official, respondsTo and decidedBy are in the database", async () => {
    const dataset = {
      format: "docketline/v1",
      filings: [
        {
          id: "wa-v-us-2018-dkt-99",
          lawsuit: "washington-v-united-states-2018",
          kind: "notice",
          title: "Notice of supplemental authority",
          dateFiled: "2018-07",
          respondsTo: "wa-v-us-2018-dkt-1",
          summary: "A notice filed by New Mexico.",
          states: [{ jurisdiction: "NM", role: "lead", official: "hector-balderas" }],
          demands: [{ text: "Reunite families.", category: "reunification", outcome: "granted", decidedBy: "wa-v-us-2018-order-2018-07-19" }],
          sources: [{ url: "https://example.com/notice", title: "Notice", publisher: "Example" }],
        },
      ],
    };
    const before = await snapshotTables(database.sql);
    const summary = await importDatasetText(database.sql, JSON.stringify(dataset));
    expect(summary).toEqual({
      courts: { created: 0, updated: 0, unchanged: 0 },
      officials: { created: 0, updated: 0, unchanged: 0 },
      issueAreas: { created: 0, updated: 0, unchanged: 0 },
      policies: { created: 0, updated: 0, unchanged: 0 },
      lawsuits: { created: 0, updated: 0, unchanged: 0 },
      filings: { created: 1, updated: 0, unchanged: 0 },
      coding: { created: 0, updated: 0, unchanged: 0 },
    });
    const exported = await exportDataset(database.sql);
    expect(exported.filings).toHaveLength(23);
    expect(exported.filings.find((f) => f.id === "wa-v-us-2018-dkt-99")).toEqual(dataset.filings[0]);
    // The records already there are untouched.
    const after = await snapshotTables(database.sql);
    expect(after.lawsuit).toEqual(before.lawsuit);
    expect(after.official).toEqual(before.official);
    expect(after.filing.filter((f: Json) => f.id !== "wa-v-us-2018-dkt-99")).toEqual(before.filing);
  });
});

describe("A dataset that changes one filing's title", () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
    await importDatasetText(database.sql, foundingText);
  });
  afterAll(async () => database.drop());

  it("updates that filing only, and keeps its states, demands and sources", async () => {
    const original = founding();
    const changed = founding();
    changed.filings[LETTER].title = "Letter from 21 attorneys general to end family separation";
    const before = await snapshotTables(database.sql);

    const summary = await importDatasetText(database.sql, JSON.stringify(changed));
    expect(summary).toEqual({
      courts: { created: 0, updated: 0, unchanged: 4 },
      officials: { created: 0, updated: 0, unchanged: 5 },
      issueAreas: { created: 0, updated: 0, unchanged: 0 },
      policies: { created: 0, updated: 0, unchanged: 0 },
      lawsuits: { created: 0, updated: 0, unchanged: 5 },
      filings: { created: 0, updated: 1, unchanged: 21 },
      coding: { created: 0, updated: 0, unchanged: 0 },
    });

    const exported = await exportDataset(database.sql);
    const letter = exported.filings.find((f) => f.id === "ag-letter-2018-06-19-family-separation");
    expect(letter).toEqual(changed.filings[LETTER]);
    expect(letter).toMatchObject({
      title: "Letter from 21 attorneys general to end family separation",
      states: original.filings[LETTER].states,
      demands: original.filings[LETTER].demands,
      sources: original.filings[LETTER].sources,
    });
    expect((letter as Json).states).toHaveLength(21);

    // The other filings' rows are as they were, updated_at included.
    const after = await snapshotTables(database.sql);
    const others = (rows: unknown[]) => (rows as Json[]).filter((r) => r.id !== original.filings[LETTER].id);
    expect(others(after.filing)).toEqual(others(before.filing));
    expect(after.lawsuit).toEqual(before.lawsuit);
    const [row] = (after.filing as Json[]).filter((r) => r.id === original.filings[LETTER].id);
    const [old] = (before.filing as Json[]).filter((r) => r.id === original.filings[LETTER].id);
    expect(row.updated_at.getTime()).toBeGreaterThan(old.updated_at.getTime());
  });
});
