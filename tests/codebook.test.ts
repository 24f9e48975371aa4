// The codebook is generated from the vocabulary and the format: every code of every list
// and every issue area of the table, every field of the zod schemas explained, and
// examples taken from the public data.
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { getCodebook, type Codebook } from "@/lib/coding/codebook";
import { importFoundingDataset } from "@/lib/dataset/founding";
import { LawsuitCodingSchema, PolicySchema } from "@/lib/dataset/schema";
import { OUTCOME_CLASSES, RELIEF_KINDS, RELIEF_SCOPES, RELIEF_STATUSES, STATE_SIDES } from "@/lib/dataset/vocabulary";

import { createTestDatabase, type TestDatabase } from "./support/database";

let database: TestDatabase;
let codebook: Codebook;

beforeAll(async () => {
  database = await createTestDatabase();
  await importFoundingDataset(database.sql);
  // A draft lawsuit's coding must not show as an example.
  await database.sql`UPDATE lawsuit SET publication = 'draft' WHERE id = 'flores-v-barr-2019'`;
  codebook = await getCodebook(database.sql);
});
afterAll(async () => database.drop());

describe("The codebook", () => {
  it("explains every field of a policy and of a lawsuit's coding, as the zod schemas have them", () => {
    expect(Object.keys(codebook.fields.policy).sort()).toEqual(Object.keys(PolicySchema.shape).sort());
    expect(Object.keys(codebook.fields.coding).sort()).toEqual(Object.keys(LawsuitCodingSchema.shape).sort());
  });

  it("lists every code of every closed list, each with a label, a definition and how to decide it", () => {
    expect(Object.fromEntries(codebook.lists.map((l) => [l.key, l.codes.map((c) => c.code)]))).toEqual({
      stateSides: [...STATE_SIDES],
      outcomes: [...OUTCOME_CLASSES],
      reliefKinds: [...RELIEF_KINDS],
      reliefStatuses: [...RELIEF_STATUSES],
      reliefScopes: [...RELIEF_SCOPES],
    });
    for (const code of codebook.lists.flatMap((l) => l.codes)) {
      expect(code.label.length * code.definition.length * code.decide.length, code.code).toBeGreaterThan(0);
    }
  });

  it("lists every issue area of the vocabulary table, a new one too", async () => {
    await database.sql`INSERT INTO issue_area (slug, label, definition, updated_at) VALUES ('tribal-affairs', 'Tribal affairs', 'Federal relations with tribal nations.', now())`;
    const again = await getCodebook(database.sql);
    const slugs = (await database.sql<{ slug: string }[]>`SELECT slug FROM issue_area`).map((r) => r.slug);
    expect(again.issueAreas.codes.map((c) => c.code).sort()).toEqual(slugs.sort());
    expect(again.issueAreas.codes.find((c) => c.code === "tribal-affairs")).toMatchObject({ label: "Tribal affairs", examples: [] });
  });

  it("gives examples from the public data, the earliest filed first, and none from a draft", () => {
    const examples = (list: string, code: string) => codebook.lists.find((l) => l.key === list)!.codes.find((c) => c.code === code)!.examples.map((e) => e.lawsuit);
    expect(codebook.issueAreas.codes.find((c) => c.code === "immigration")!.examples.map((e) => e.lawsuit)).toEqual([
      "flores-v-sessions",
      "ms-l-v-ice-2018",
      "washington-v-united-states-2018",
    ]);
    expect(examples("stateSides", "amicus-plaintiff-side")).toEqual(["flores-v-sessions"]);
    expect(examples("reliefKinds", "preliminary-injunction")).toEqual(["ms-l-v-ice-2018"]);
    expect(examples("outcomes", "settled")).toEqual(["ms-l-v-ice-2018"]);
    expect(examples("outcomes", "success-merits")).toEqual([]);
    const trump = codebook.administrations.terms.find((t) => t.id === "trump-1")!;
    expect(trump.examples.map((e) => e.lawsuit)).toEqual(["ms-l-v-ice-2018", "washington-v-united-states-2018", "california-v-mcaleenan-2019"]);
  });
});
