// Proves that the database the SQL migrations build is the database prisma/schema.prisma
// describes (docs/decisions/002): every model round-trips through the generated client,
// the catalog matches what Prisma's schema engine would create column by column, and
// the reference jurisdictions are the ones the code knows.
import { readFileSync } from "node:fs";
import path from "node:path";

import { PrismaPg } from "@prisma/adapter-pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { PrismaClient, Prisma as PrismaNamespace, type Prisma } from "@/lib/generated/prisma/client";
import { JURISDICTIONS } from "@/lib/jurisdictions/reference";

import { actualCatalog, columnName, expectedCatalog, tableName, type CatalogShape } from "./support/catalog";
import { createTestDatabase, type TestDatabase } from "./support/database";
import { getDatamodel, type Datamodel } from "./support/dmmf";

const SCHEMA_PATH = path.join(process.cwd(), "prisma", "schema.prisma");
const schemaText = readFileSync(SCHEMA_PATH, "utf8");
const datamodel: Datamodel = getDatamodel(schemaText);

const modelNamed = (name: string) => {
  const model = datamodel.models.find((m) => m.name === name);
  if (!model) throw new Error(`schema.prisma has no model ${name}`);
  return model;
};
const scalarFieldsOf = (name: string) => modelNamed(name).fields.filter((f) => f.kind !== "object").map((f) => f.name).sort();
const relationFieldsOf = (name: string) => modelNamed(name).fields.filter((f) => f.kind === "object").map((f) => f.name).sort();
const delegateName = (model: string) => model[0].toLowerCase() + model.slice(1);

type Delegate = {
  findUniqueOrThrow(args: { where: unknown; include?: unknown }): Promise<Record<string, unknown>>;
  update(args: { where: unknown; data: Record<string, unknown> }): Promise<Record<string, unknown>>;
};

class Rollback extends Error {}

let database: TestDatabase;
let prisma: PrismaClient;

beforeAll(async () => {
  database = await createTestDatabase();
  prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: database.url }) });
});

afterAll(async () => {
  await prisma?.$disconnect();
  await database?.drop();
});

const delegate = (model: string) => (prisma as unknown as Record<string, Delegate>)[delegateName(model)];

describe("The migrated database, compared with prisma/schema.prisma through Prisma's DMMF", () => {
  it("reads prisma/schema.prisma with Prisma's own schema parser, and the generated client has the same models", () => {
    expect(datamodel.models.length).toBeGreaterThanOrEqual(11);
    expect(datamodel.models.map((m) => m.name).sort()).toEqual(Object.values(PrismaNamespace.ModelName).sort());
    expect(() => getDatamodel("model Broken { id Int @id nonsense }")).toThrow(/P1012/);
  });

  it("has exactly the tables, columns, types, nullability, defaults, keys, indexes, foreign keys and enums Prisma would create", async () => {
    const actual = await actualCatalog(database.sql);
    const expected = expectedCatalog(datamodel);
    // Table by table first, for a readable diff; then the whole, which also catches extra tables and enums.
    for (const table of Object.keys(expected.tables)) expect({ [table]: actual.tables[table] }).toEqual({ [table]: expected.tables[table] });
    expect(actual.enums).toEqual(expected.enums);
    expect(actual).toEqual(expected);
  });

  it("was generated into lib/generated/prisma from the current schema.prisma", () => {
    // The generated client carries the schema it was generated from; a stale client means `npm install` (prisma generate) was not re-run.
    const classFile = readFileSync(path.join(process.cwd(), "lib", "generated", "prisma", "internal", "class.ts"), "utf8");
    const match = /"inlineSchema":\s*("(?:[^"\\]|\\.)*")/.exec(classFile);
    expect(match, "inlineSchema not found in the generated client").not.toBeNull();
    expect(getDatamodel(JSON.parse(match![1]) as string)).toEqual(datamodel);
  });

  const schemaChanges: [string, RegExp, string][] = [
    ["an optional column made required", /^(\s+judge\s+)String\?/m, "$1String"],
    ["a new column", /^(\s+summary\s+String\n)(?=\s+publication\s)/m, "$1  website String?\n"],
    ["an enum value added", /^(\s+withdrawn\n)/m, "$1  appealed\n"],
    ["enum values reordered", /^(\s+)day\n(\s+)month\n/m, "$1month\n$2day\n"],
    ["an enum value mapped differently", /amicus_brief @map\("amicus-brief"\)/, 'amicus_brief @map("amicus_brief")'],
    ["an index added", /(@@index\(\[category\]\))/, "$1\n  @@index([text])"],
    ["an index removed", /\n\s+@@index\(\[kind\]\)/, ""],
    ["a native type dropped", /(code\s+String\s+@id) @db\.Char\(2\)/, "$1"],
    ["a referential action changed", /(respondsTo\s+Filing\?\s+@relation\("thread", fields: \[respondsToId\], references: \[id\]), onDelete: SetNull\)/, "$1, onDelete: Cascade)"],
    ["a column renamed", /@map\("docket_number"\)/, '@map("docket_no")'],
  ];

  it.each(schemaChanges)("would fail if schema.prisma had %s that no migration made", async (_what, pattern, replacement) => {
    const changed = schemaText.replace(pattern, replacement);
    expect(changed, "the pattern no longer matches schema.prisma: update this test").not.toBe(schemaText);
    const actual = await actualCatalog(database.sql);
    expect(expectedCatalog(getDatamodel(changed))).not.toEqual(actual);
  });

  const databaseChanges: [string, string][] = [
    ["a nullable column made NOT NULL", `ALTER TABLE official ALTER COLUMN term_start SET NOT NULL`],
    ["an extra column", `ALTER TABLE court ADD COLUMN website TEXT`],
    ["a column of another type", `ALTER TABLE filing ALTER COLUMN entry_number TYPE BIGINT`],
    ["an index dropped", `DROP INDEX filing_kind_idx`],
    ["an index of another access method", `DROP INDEX filing_kind_idx; CREATE INDEX filing_kind_idx ON filing USING hash (kind)`],
    ["an extra enum value", `ALTER TYPE demand_outcome ADD VALUE 'appealed'`],
    ["an extra table", `CREATE TABLE note (id SERIAL PRIMARY KEY)`],
    [
      "a foreign key with another ON DELETE",
      `ALTER TABLE demand DROP CONSTRAINT demand_decided_by_id_fkey,
         ADD CONSTRAINT demand_decided_by_id_fkey FOREIGN KEY (decided_by_id) REFERENCES filing(id) ON DELETE CASCADE ON UPDATE CASCADE`,
    ],
    ["a default removed", `ALTER TABLE court ALTER COLUMN created_at DROP DEFAULT`],
  ];

  it.each(databaseChanges)("would fail if the migrations made %s that schema.prisma does not have", async (_what, statement) => {
    const expected = expectedCatalog(datamodel);
    let changed: CatalogShape | undefined;
    await database.sql
      .begin(async (tx) => {
        await tx.unsafe(statement);
        changed = await actualCatalog(tx as unknown as typeof database.sql);
        throw new Rollback();
      })
      .catch((error: unknown) => {
        if (!(error instanceof Rollback)) throw error;
      });
    expect(changed).toBeDefined();
    expect(changed).not.toEqual(expected);
    // The rollback left the real catalog as it was.
    expect(await actualCatalog(database.sql)).toEqual(expected);
  });

  it("has an index leading with the columns of every foreign key", async () => {
    const catalog = await actualCatalog(database.sql);
    const foreignKeys = Object.entries(catalog.tables).flatMap(([table, shape]) => shape.foreignKeys.map((fk) => ({ table, fk, shape })));
    const relationsWithColumns = datamodel.models.flatMap((m) => m.fields.filter((f) => f.kind === "object" && (f.relationFromFields?.length ?? 0) > 0));
    expect(foreignKeys).toHaveLength(relationsWithColumns.length);
    expect(foreignKeys.length).toBeGreaterThan(0);
    const unindexed = foreignKeys
      .filter(({ fk, shape }) => {
        const all = [shape.primaryKey, ...shape.uniqueIndexes, ...shape.indexes].filter((i) => i !== null);
        return !all.some((index) => fk.columns.every((column, i) => index.columns[i] === column));
      })
      .map(({ table, fk }) => `${table}(${fk.columns.join(", ")})`);
    expect(unindexed).toEqual([]);
  });

  it("has every foreign key deferrable, so that the importer can insert records in any order", async () => {
    const rows = await database.sql<{ name: string; deferrable: boolean; deferred: boolean }[]>`
      SELECT conname::text AS name, condeferrable AS deferrable, condeferred AS deferred
      FROM pg_constraint WHERE contype = 'f' AND connamespace = current_schema()::regnamespace ORDER BY 1`;
    expect(rows.length).toBeGreaterThan(0);
    // Deferrable, but checked per statement unless a transaction asks otherwise.
    expect(rows.filter((r) => !r.deferrable || r.deferred).map((r) => r.name)).toEqual([]);
  });
});

// Fixed timestamps with milliseconds, to prove TIMESTAMPTZ(3) keeps them.
const CREATED = new Date("2026-01-02T03:04:05.678Z");
const UPDATED = new Date("2026-02-03T04:05:06.789Z");
const stamps = { createdAt: CREATED, updatedAt: UPDATED };
const day = (iso: string) => new Date(`${iso}T00:00:00.000Z`);

const court = {
  id: "wawd",
  shortName: "W.D. Wash.",
  fullName: "U.S. District Court for the Western District of Washington",
  version: 2,
  ...stamps,
} satisfies Prisma.CourtUncheckedCreateInput;

const official = {
  id: "bob-ferguson",
  name: "Bob Ferguson",
  office: "Attorney General",
  jurisdictionCode: "WA",
  termStart: day("2013-01-01"),
  termStartPrecision: "year",
  termEnd: day("2025-01-15"),
  termEndPrecision: "day",
  version: 1,
  ...stamps,
} satisfies Prisma.OfficialUncheckedCreateInput;

const lawsuitA = {
  id: "washington-v-united-states-2018",
  caseName: "State of Washington et al. v. United States of America et al.",
  caseNameShort: "Washington v. United States",
  courtId: court.id,
  docketNumber: "2:18-cv-00939-MJP",
  judge: "Marsha J. Pechman",
  dateFiled: day("2018-06-26"),
  dateFiledPrecision: "day",
  dateTerminated: day("2018-08-01"),
  dateTerminatedPrecision: "month",
  status: "transferred",
  summary: "Seventeen states and the District of Columbia sued over family separation.",
  publication: "published",
  deletedAt: null,
  version: 4,
  // Kept by the database (migration 20261127040000_editing): published and not deleted.
  isPublic: true,
  ...stamps,
} satisfies Prisma.LawsuitUncheckedCreateInput;

const lawsuitB = {
  id: "ms-l-v-ice",
  caseName: "Ms. L. et al. v. U.S. Immigration and Customs Enforcement et al.",
  caseNameShort: "Ms. L. v. ICE",
  courtId: court.id,
  docketNumber: "3:18-cv-00428",
  judge: null,
  dateFiled: day("2018-01-01"),
  dateFiledPrecision: "year",
  dateTerminated: null,
  dateTerminatedPrecision: null,
  status: "open",
  summary: "A class action over family separation.",
  publication: "draft",
  deletedAt: new Date("2026-03-04T05:06:07.891Z"),
  version: 1,
  isPublic: false,
  ...stamps,
} satisfies Prisma.LawsuitUncheckedCreateInput;

const plaintiff = { lawsuitId: lawsuitA.id, jurisdictionCode: "WA", role: "co_lead", position: 0, ...stamps } satisfies Prisma.LawsuitPlaintiffUncheckedCreateInput;
const otherPartyInput = { lawsuitId: lawsuitA.id, name: "United States of America", side: "defendant", position: 0, ...stamps } satisfies Prisma.OtherPartyUncheckedCreateInput;
const relationAB = { lawsuitId: lawsuitA.id, relatedLawsuitId: lawsuitB.id, relation: "transferred_to_join", position: 0, ...stamps } satisfies Prisma.LawsuitRelationUncheckedCreateInput;
const relationBA = { lawsuitId: lawsuitB.id, relatedLawsuitId: lawsuitA.id, relation: "appeal_of", position: 1, ...stamps } satisfies Prisma.LawsuitRelationUncheckedCreateInput;

const motion = {
  id: "motion-for-preliminary-injunction",
  lawsuitId: lawsuitA.id,
  kind: "motion",
  title: "Motion for preliminary injunction",
  dateFiled: day("2018-07-02"),
  dateFiledPrecision: "day",
  entryNumber: 0,
  filedBy: "plaintiffs",
  respondsToId: null,
  summary: "The states ask the court to order reunification.",
  // Written by the database from the filing's states (migration 20261127020000_filing_coalition).
  coalition: [],
  // Written by the database from the filing's demands (migration 20261202110000_facet_counts).
  demandTokens: ["category:reunification", "outcome:granted-in-part", "reunification|granted-in-part"],
  publication: "published",
  deletedAt: null,
  version: 1,
  // Kept by the database: published, not deleted, and outside any lawsuit or in a public one.
  isPublic: true,
  ...stamps,
} satisfies Prisma.FilingUncheckedCreateInput;

const brief = {
  id: "amicus-brief-of-states",
  lawsuitId: lawsuitA.id,
  kind: "amicus_brief",
  title: "Brief of amici curiae States",
  dateFiled: day("2018-07-01"),
  dateFiledPrecision: "month",
  entryNumber: 2_147_483_647,
  filedBy: "State of Washington",
  respondsToId: motion.id,
  summary: "Eighteen states support the motion.",
  // Written by the database from the filing's states (migration 20261127020000_filing_coalition).
  coalition: ["DC", "DC:co-lead", "WA", "WA:lead", "role:co-lead", "role:lead"],
  demandTokens: [],
  publication: "draft",
  deletedAt: null,
  version: 2,
  // Kept by the database: published, not deleted, and outside any lawsuit or in a public one.
  isPublic: false,
  ...stamps,
} satisfies Prisma.FilingUncheckedCreateInput;

const order = {
  id: "order-transferring-case",
  lawsuitId: lawsuitA.id,
  kind: "order",
  title: "Order transferring the case",
  dateFiled: day("2018-08-08"),
  dateFiledPrecision: "day",
  entryNumber: 12,
  filedBy: "court",
  respondsToId: motion.id,
  summary: "Transferred to the Southern District of California.",
  // Written by the database from the filing's states (migration 20261127020000_filing_coalition).
  coalition: [],
  demandTokens: [],
  publication: "published",
  deletedAt: new Date("2026-03-04T05:06:07.891Z"),
  version: 3,
  // Kept by the database: published, not deleted, and outside any lawsuit or in a public one.
  isPublic: false,
  ...stamps,
} satisfies Prisma.FilingUncheckedCreateInput;

const letter = {
  id: "letter-to-dhs",
  lawsuitId: null,
  kind: "letter",
  title: "Letter to the Secretary of Homeland Security",
  dateFiled: day("2018-01-01"),
  dateFiledPrecision: "year",
  entryNumber: null,
  filedBy: null,
  respondsToId: null,
  summary: "Attorneys general object to the policy.",
  // Written by the database from the filing's states (migration 20261127020000_filing_coalition).
  coalition: [],
  demandTokens: [],
  publication: "published",
  deletedAt: null,
  version: 1,
  // Kept by the database: published, not deleted, and outside any lawsuit or in a public one.
  isPublic: true,
  ...stamps,
} satisfies Prisma.FilingUncheckedCreateInput;

const stateWA = {
  filingId: brief.id,
  jurisdictionCode: "WA",
  role: "lead",
  officialId: official.id,
  dateJoined: day("2018-07-01"),
  dateJoinedPrecision: "month",
  position: 0,
  ...stamps,
} satisfies Prisma.FilingStateUncheckedCreateInput;

const stateDC = {
  filingId: brief.id,
  jurisdictionCode: "DC",
  role: "co_lead",
  officialId: null,
  dateJoined: null,
  dateJoinedPrecision: null,
  position: 1,
  ...stamps,
} satisfies Prisma.FilingStateUncheckedCreateInput;

const demandInput = {
  filingId: motion.id,
  position: 0,
  text: "Reunify separated children with their parents.",
  category: "reunification",
  outcome: "granted_in_part",
  decidedById: order.id,
  ...stamps,
} satisfies Prisma.DemandUncheckedCreateInput;

const lawsuitSourceInput = {
  lawsuitId: lawsuitA.id,
  filingId: null,
  policyId: null,
  codingLawsuitId: null,
  outcomeLawsuitId: null,
  stateSideId: null,
  reliefMilestoneId: null,
  position: 0,
  url: "https://www.atg.wa.gov/news/news-releases/example",
  title: "AG Ferguson files lawsuit",
  publisher: "Washington State Office of the Attorney General",
  published: day("2018-06-26"),
  publishedPrecision: "day",
  ...stamps,
} satisfies Prisma.SourceUncheckedCreateInput;

const filingSourceInput = {
  lawsuitId: null,
  filingId: brief.id,
  policyId: null,
  codingLawsuitId: null,
  outcomeLawsuitId: null,
  stateSideId: null,
  reliefMilestoneId: null,
  position: 0,
  url: "https://example.org/brief.pdf",
  title: "Brief of amici curiae",
  publisher: "Court records",
  published: null,
  publishedPrecision: null,
  ...stamps,
} satisfies Prisma.SourceUncheckedCreateInput;

// Research coding (migration 20261212093000_research_coding).
const administration = {
  id: "trump-1",
  name: "First Trump administration",
  president: "Donald J. Trump",
  termStart: day("2017-01-20"),
  termEnd: day("2021-01-20"),
  createdAt: expect.any(Date),
  updatedAt: expect.any(Date),
};

const issueArea = { slug: "test-area", label: "Test area", definition: "Only for this test.", version: 2, ...stamps } satisfies Prisma.IssueAreaUncheckedCreateInput;

const policy = {
  id: "zero-tolerance",
  name: "Zero-tolerance prosecution of illegal entry",
  agencies: ["U.S. Department of Justice", "U.S. Department of Homeland Security"],
  dateAnnounced: day("2018-04-01"),
  dateAnnouncedPrecision: "month",
  citation: "Memorandum for Federal Prosecutors along the Southwest Border (April 6, 2018)",
  version: 2,
  ...stamps,
} satisfies Prisma.PolicyUncheckedCreateInput;

const policyIssueArea = { policyId: policy.id, issueAreaSlug: issueArea.slug, position: 0, ...stamps } satisfies Prisma.PolicyIssueAreaUncheckedCreateInput;

const coding = {
  lawsuitId: lawsuitA.id,
  outcome: "success_injunction_only",
  outcomeDate: day("2018-08-08"),
  outcomeDatePrecision: "day",
  outcomeDecidedById: order.id,
  version: 3,
  ...stamps,
} satisfies Prisma.LawsuitCodingUncheckedCreateInput;

const lawsuitPolicy = { lawsuitId: lawsuitA.id, policyId: policy.id, position: 0, ...stamps } satisfies Prisma.LawsuitPolicyUncheckedCreateInput;
const lawsuitIssueArea = { lawsuitId: lawsuitA.id, issueAreaSlug: issueArea.slug, position: 0, ...stamps } satisfies Prisma.LawsuitIssueAreaUncheckedCreateInput;

const stateSideInput = {
  lawsuitId: lawsuitA.id,
  jurisdictionCode: "WA",
  side: "intervenor_defendant",
  filingId: motion.id,
  position: 0,
  ...stamps,
} satisfies Prisma.LawsuitStateSideUncheckedCreateInput;

const milestoneInput = {
  lawsuitId: lawsuitA.id,
  relief: "preliminary_injunction",
  status: "stayed_on_appeal",
  date: day("2018-07-01"),
  datePrecision: "month",
  scope: "plaintiff_states",
  filingId: order.id,
  position: 0,
  ...stamps,
} satisfies Prisma.ReliefMilestoneUncheckedCreateInput;

/** A source of one coded value: every parent column null but the one given. */
const codedSource = (parent: Partial<Prisma.SourceUncheckedCreateInput>, position: number) => ({
  lawsuitId: null,
  filingId: null,
  policyId: null,
  codingLawsuitId: null,
  outcomeLawsuitId: null,
  stateSideId: null,
  reliefMilestoneId: null,
  ...parent,
  position,
  url: `https://example.org/coding-${position}`,
  title: "A source of the coding",
  publisher: "Example",
  published: null,
  publishedPrecision: null,
  ...stamps,
});

const upload = {
  id: "0b7c1d2e-3f40-4a5b-8c6d-7e8f9a0b1c2d",
  fileName: "family-separation-2018.json",
  content: '{"format":"docketline/v1"}',
  publication: "draft",
  summary: { filings: { created: 1, updated: 0, unchanged: 0 } },
  actorId: "user-1",
  actorName: "Ada Editor",
  createdAt: CREATED,
  appliedAt: UPDATED,
  previewStatus: "ready",
  preview: { filings: { counts: { created: 1, updated: 0, unchanged: 0 }, created: [], updated: [] } },
  previewProblems: ["filings[0] \"x\": lawsuit \"y\" is not a lawsuit in this dataset or the database"],
  previewDone: 1,
  previewTotal: 1,
  previewRuns: 1,
  previewStartedAt: CREATED,
  previewFinishedAt: CREATED,
} satisfies Prisma.DatasetUploadUncheckedCreateInput;

const uploadRecord = {
  uploadId: upload.id,
  recordKind: "filing",
  recordId: "amicus-brief-of-states",
  version: null,
  createdAt: CREATED,
} satisfies Prisma.DatasetUploadRecordUncheckedCreateInput;

const revisionCreatedInput = {
  id: BigInt(1),
  recordKind: "filing",
  recordId: "amicus-brief-of-states",
  version: 1,
  action: "create",
  publication: "draft",
  actorId: "user-1",
  actorName: "Ada Editor",
  revertedFromId: null,
  uploadId: upload.id,
  // Prisma writes a Json field's null as JSON null unless told DbNull; a create has no "before" at all.
  before: PrismaNamespace.DbNull,
  after: { id: "amicus-brief-of-states", title: "Brief" },
  createdAt: CREATED,
} satisfies Prisma.RevisionUncheckedCreateInput;
const revisionCreated = { ...revisionCreatedInput, before: null };

const revisionReverted = {
  id: BigInt(2),
  recordKind: "court",
  recordId: "wawd",
  version: 2,
  action: "revert",
  publication: null,
  actorId: null,
  actorName: "Command-line import",
  revertedFromId: revisionCreated.id,
  uploadId: null,
  before: { id: "wawd", shortName: "W.D. Wa." },
  after: { id: "wawd", shortName: "W.D. Wash." },
  createdAt: UPDATED,
} satisfies Prisma.RevisionUncheckedCreateInput;

const staffUser = {
  id: "user-1",
  name: "Ada Editor",
  email: "ada@example.org",
  emailVerified: false,
  image: null,
  role: "admin",
  banned: true,
  banReason: "Left the team",
  banExpires: new Date("2026-04-05T06:07:08.912Z"),
  ...stamps,
} satisfies Prisma.UserUncheckedCreateInput;

const staffSession = {
  id: "session-1",
  token: "a-session-token",
  userId: staffUser.id,
  expiresAt: new Date("2026-01-09T03:04:05.678Z"),
  ipAddress: "203.0.113.7",
  userAgent: "Mozilla/5.0",
  impersonatedBy: null,
  ...stamps,
} satisfies Prisma.SessionUncheckedCreateInput;

const staffAccount = {
  id: "account-1",
  accountId: staffUser.id,
  providerId: "credential",
  userId: staffUser.id,
  accessToken: null,
  refreshToken: null,
  idToken: null,
  accessTokenExpiresAt: new Date("2026-01-03T00:00:00.001Z"),
  refreshTokenExpiresAt: null,
  scope: null,
  password: "salt:hash",
  ...stamps,
} satisfies Prisma.AccountUncheckedCreateInput;

const verification = {
  id: "verification-1",
  identifier: "reset-password:abc",
  value: "user-1",
  expiresAt: new Date("2026-01-02T04:04:05.678Z"),
  ...stamps,
} satisfies Prisma.VerificationUncheckedCreateInput;

const loginAttempt = {
  id: BigInt(1),
  email: "ada@example.org",
  ip: "203.0.113.7",
  network: "203.0.113.7",
  outcome: "refused",
  createdAt: CREATED,
} satisfies Prisma.LoginAttemptUncheckedCreateInput;

const release = {
  number: 1,
  contentHash: "a".repeat(64),
  counts: { filings: 1 },
  changes: { added: { filings: 1 }, changed: {}, removed: {} },
  unchanged: true,
  releasedAt: CREATED,
} satisfies Prisma.ReleaseUncheckedCreateInput;

const releaseFile = {
  releaseNumber: release.number,
  name: "filings.csv",
  position: 1,
  contentType: "text/csv; charset=utf-8; header=present",
  byteSize: BigInt(3),
  sha256: "b".repeat(64),
  content: new Uint8Array([105, 100, 10]),
} satisfies Prisma.ReleaseFileUncheckedCreateInput;

const releaseRecord = {
  releaseNumber: release.number,
  kind: "filings",
  recordId: "amicus-brief-of-states",
  sha256: "c".repeat(64),
} satisfies Prisma.ReleaseRecordUncheckedCreateInput;

// Written by the importer only, after the filing's rows (migration 20261215090000_filing_record_text).
const filingRecord = { filingId: "amicus-brief-of-states", text: '{\n      "id": "amicus-brief-of-states"\n    }', format: "0123456789abcdef" } satisfies Prisma.FilingRecordUncheckedCreateInput;

describe("Every model, written and read back through the generated Prisma client", () => {
  // Rows whose ids the database assigns.
  let otherParty: typeof otherPartyInput & { id: number };
  let demand: typeof demandInput & { id: number };
  let lawsuitSource: typeof lawsuitSourceInput & { id: number };
  let filingSource: typeof filingSourceInput & { id: number };
  let stateSide: typeof stateSideInput & { id: number };
  let milestone: typeof milestoneInput & { id: number };
  type CodedSource = ReturnType<typeof codedSource> & { id: number };
  let policySource: CodedSource, codingSource: CodedSource, outcomeSource: CodedSource, sideSource: CodedSource, milestoneSource: CodedSource;
  const jurisdiction = (code: string) => ({ ...JURISDICTIONS.find((j) => j.code === code)!, createdAt: expect.any(Date), updatedAt: expect.any(Date) });
  const searchRow = (filingId: string) => ({ filingId, createdAt: expect.any(Date), updatedAt: expect.any(Date) });

  beforeAll(async () => {
    await prisma.court.create({ data: court });
    await prisma.official.create({ data: official });
    await prisma.lawsuit.create({ data: lawsuitA });
    await prisma.lawsuit.create({ data: lawsuitB });
    await prisma.lawsuitPlaintiff.create({ data: plaintiff });
    otherParty = { ...otherPartyInput, id: (await prisma.otherParty.create({ data: otherPartyInput })).id };
    await prisma.lawsuitRelation.create({ data: relationAB });
    await prisma.lawsuitRelation.create({ data: relationBA });
    for (const filing of [motion, brief, order, letter]) await prisma.filing.create({ data: filing });
    await prisma.filingState.create({ data: stateWA });
    await prisma.filingState.create({ data: stateDC });
    demand = { ...demandInput, id: (await prisma.demand.create({ data: demandInput })).id };
    lawsuitSource = { ...lawsuitSourceInput, id: (await prisma.source.create({ data: lawsuitSourceInput })).id };
    filingSource = { ...filingSourceInput, id: (await prisma.source.create({ data: filingSourceInput })).id };
    await prisma.issueArea.create({ data: issueArea });
    await prisma.policy.create({ data: policy });
    await prisma.policyIssueArea.create({ data: policyIssueArea });
    await prisma.lawsuitCoding.create({ data: coding });
    await prisma.lawsuitPolicy.create({ data: lawsuitPolicy });
    await prisma.lawsuitIssueArea.create({ data: lawsuitIssueArea });
    stateSide = { ...stateSideInput, id: (await prisma.lawsuitStateSide.create({ data: stateSideInput })).id };
    milestone = { ...milestoneInput, id: (await prisma.reliefMilestone.create({ data: milestoneInput })).id };
    const createSource = async (data: ReturnType<typeof codedSource>) => ({ ...data, id: (await prisma.source.create({ data })).id });
    policySource = await createSource(codedSource({ policyId: policy.id }, 0));
    codingSource = await createSource(codedSource({ codingLawsuitId: lawsuitA.id }, 1));
    outcomeSource = await createSource(codedSource({ outcomeLawsuitId: lawsuitA.id }, 2));
    sideSource = await createSource(codedSource({ stateSideId: stateSide.id }, 3));
    milestoneSource = await createSource(codedSource({ reliefMilestoneId: milestone.id }, 4));
    await prisma.datasetUpload.create({ data: upload });
    await prisma.datasetUploadRecord.create({ data: uploadRecord });
    await prisma.revision.create({ data: revisionCreatedInput });
    await prisma.revision.create({ data: revisionReverted });
    await prisma.user.create({ data: staffUser });
    await prisma.session.create({ data: staffSession });
    await prisma.account.create({ data: staffAccount });
    await prisma.verification.create({ data: verification });
    await prisma.loginAttempt.create({ data: loginAttempt });
    await prisma.release.create({ data: release });
    await prisma.releaseFile.create({ data: releaseFile });
    await prisma.releaseRecord.create({ data: releaseRecord });
    await prisma.filingRecord.create({ data: filingRecord });
  });

  it("reads back every scalar and enum field of every model exactly as written", async () => {
    const cases: [model: string, where: unknown, expected: Record<string, unknown>][] = [
      ["Jurisdiction", { code: "WA" }, jurisdiction("WA")],
      ["Court", { id: court.id }, court],
      ["Official", { id: official.id }, official],
      ["Lawsuit", { id: lawsuitA.id }, lawsuitA],
      ["Lawsuit", { id: lawsuitB.id }, lawsuitB],
      ["LawsuitPlaintiff", { lawsuitId_jurisdictionCode: { lawsuitId: plaintiff.lawsuitId, jurisdictionCode: "WA" } }, plaintiff],
      ["OtherParty", { id: otherParty.id }, otherParty],
      ["LawsuitRelation", { lawsuitId_relatedLawsuitId: { lawsuitId: lawsuitA.id, relatedLawsuitId: lawsuitB.id } }, relationAB],
      ["LawsuitRelation", { lawsuitId_relatedLawsuitId: { lawsuitId: lawsuitB.id, relatedLawsuitId: lawsuitA.id } }, relationBA],
      ["Filing", { id: motion.id }, motion],
      ["Filing", { id: brief.id }, brief],
      ["Filing", { id: order.id }, order],
      ["Filing", { id: letter.id }, letter],
      ["FilingState", { filingId_jurisdictionCode: { filingId: brief.id, jurisdictionCode: "WA" } }, stateWA],
      ["FilingState", { filingId_jurisdictionCode: { filingId: brief.id, jurisdictionCode: "DC" } }, stateDC],
      ["Demand", { id: demand.id }, demand],
      ["Source", { id: lawsuitSource.id }, lawsuitSource],
      ["Source", { id: filingSource.id }, filingSource],
      // Written by the database's triggers only (migration 20261127010000_filing_search).
      ["FilingSearch", { filingId: brief.id }, searchRow(brief.id)],
      ["FilingRecord", { filingId: brief.id }, filingRecord],
      // Written by the database's triggers only (migration 20261202110000_facet_counts): the two public filings.
      ["FilingCount", { facet_value: { facet: "total", value: "" } }, { facet: "total", value: "", count: 2 }],
      ["DatasetUpload", { id: upload.id }, upload],
      ["DatasetUploadRecord", { uploadId_recordKind_recordId: { uploadId: upload.id, recordKind: "filing", recordId: uploadRecord.recordId } }, uploadRecord],
      ["Revision", { id: revisionCreated.id }, revisionCreated],
      ["Revision", { id: revisionReverted.id }, revisionReverted],
      ["User", { id: staffUser.id }, staffUser],
      ["Session", { id: staffSession.id }, staffSession],
      ["Account", { id: staffAccount.id }, staffAccount],
      ["Verification", { id: verification.id }, verification],
      ["LoginAttempt", { id: loginAttempt.id }, loginAttempt],
      ["Release", { number: release.number }, release],
      ["ReleaseFile", { releaseNumber_name: { releaseNumber: release.number, name: releaseFile.name } }, releaseFile],
      ["ReleaseRecord", { releaseNumber_kind_recordId: { releaseNumber: release.number, kind: releaseRecord.kind, recordId: releaseRecord.recordId } }, releaseRecord],
      // Reference data from the migration.
      ["Administration", { id: administration.id }, administration],
      ["IssueArea", { slug: issueArea.slug }, issueArea],
      ["Policy", { id: policy.id }, policy],
      ["PolicyIssueArea", { policyId_issueAreaSlug: { policyId: policy.id, issueAreaSlug: issueArea.slug } }, policyIssueArea],
      ["LawsuitCoding", { lawsuitId: lawsuitA.id }, coding],
      ["LawsuitPolicy", { lawsuitId_policyId: { lawsuitId: lawsuitA.id, policyId: policy.id } }, lawsuitPolicy],
      ["LawsuitIssueArea", { lawsuitId_issueAreaSlug: { lawsuitId: lawsuitA.id, issueAreaSlug: issueArea.slug } }, lawsuitIssueArea],
      ["LawsuitStateSide", { id: stateSide.id }, stateSide],
      ["ReliefMilestone", { id: milestone.id }, milestone],
      ["Source", { id: milestoneSource.id }, milestoneSource],
    ];
    // Every model of the schema is covered, each with every one of its scalar fields set.
    expect([...new Set(cases.map(([model]) => model))].sort()).toEqual(datamodel.models.map((m) => m.name).sort());
    for (const [model, where, expected] of cases) {
      expect({ model, fields: Object.keys(expected).sort() }).toEqual({ model, fields: scalarFieldsOf(model) });
      const row = await delegate(model).findUniqueOrThrow({ where });
      expect({ model, row }).toEqual({ model, row: expected });
    }
  });

  it("stores enum values under their mapped names and dates as the days written", async () => {
    const [filing] = await database.sql`
      SELECT kind::text AS kind, date_filed, date_filed_precision::text AS precision FROM filing WHERE id = ${brief.id}`;
    expect(filing).toEqual({ kind: "amicus-brief", date_filed: "2018-07-01", precision: "month" });
    const [relation] = await database.sql`
      SELECT relation::text AS relation FROM lawsuit_relation WHERE lawsuit_id = ${lawsuitA.id} AND related_lawsuit_id = ${lawsuitB.id}`;
    expect(relation).toEqual({ relation: "transferred-to-join" });
    const [row] = await database.sql`SELECT outcome::text AS outcome FROM demand WHERE id = ${demand.id}`;
    expect(row).toEqual({ outcome: "granted-in-part" });
    const [lawsuit] = await database.sql`SELECT date_filed, date_terminated FROM lawsuit WHERE id = ${lawsuitA.id}`;
    expect(lawsuit).toEqual({ date_filed: "2018-06-26", date_terminated: "2018-08-01" });
    const [created] = await database.sql`SELECT to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS') AS at FROM court WHERE id = ${court.id}`;
    expect(created).toEqual({ at: "2026-01-02T03:04:05.678" });
  });

  it("writes and reads every value of every enum, stored under its @map name", async () => {
    // One column of each enum, on a row created above.
    const targets: Record<string, { model: string; where: Record<string, unknown>; key: Record<string, unknown> }> = {
      DatePrecision: { model: "Filing", where: { id: letter.id }, key: { id: letter.id } }, // 1 January: valid at every precision
      JurisdictionKind: { model: "Jurisdiction", where: { code: "PR" }, key: { code: "PR" } },
      LawsuitStatus: { model: "Lawsuit", where: { id: lawsuitB.id }, key: { id: lawsuitB.id } },
      FilingKind: { model: "Filing", where: { id: letter.id }, key: { id: letter.id } },
      CoalitionRole: {
        model: "FilingState",
        where: { filingId_jurisdictionCode: { filingId: brief.id, jurisdictionCode: "DC" } },
        key: { filing_id: brief.id, jurisdiction_code: "DC" },
      },
      PartySide: { model: "OtherParty", where: { id: otherParty.id }, key: { id: otherParty.id } },
      LawsuitRelationKind: {
        model: "LawsuitRelation",
        where: { lawsuitId_relatedLawsuitId: { lawsuitId: lawsuitB.id, relatedLawsuitId: lawsuitA.id } },
        key: { lawsuit_id: lawsuitB.id, related_lawsuit_id: lawsuitA.id },
      },
      DemandOutcome: { model: "Demand", where: { id: demand.id }, key: { id: demand.id } },
      Publication: { model: "DatasetUpload", where: { id: upload.id }, key: { id: upload.id } },
      UploadPreviewStatus: { model: "DatasetUpload", where: { id: upload.id }, key: { id: upload.id } },
      RecordKind: { model: "Revision", where: { id: revisionCreated.id }, key: { id: revisionCreated.id } },
      RevisionAction: { model: "Revision", where: { id: revisionReverted.id }, key: { id: revisionReverted.id } },
      StaffRole: { model: "User", where: { id: staffUser.id }, key: { id: staffUser.id } },
      LoginOutcome: { model: "LoginAttempt", where: { id: loginAttempt.id }, key: { id: loginAttempt.id } },
      StateSide: { model: "LawsuitStateSide", where: { id: stateSide.id }, key: { id: stateSide.id } },
      OutcomeClass: { model: "LawsuitCoding", where: { lawsuitId: lawsuitA.id }, key: { lawsuit_id: lawsuitA.id } },
      ReliefKind: { model: "ReliefMilestone", where: { id: milestone.id }, key: { id: milestone.id } },
      ReliefStatus: { model: "ReliefMilestone", where: { id: milestone.id }, key: { id: milestone.id } },
      ReliefScope: { model: "ReliefMilestone", where: { id: milestone.id }, key: { id: milestone.id } },
    };
    expect(Object.keys(targets).sort()).toEqual(datamodel.enums.map((e) => e.name).sort());

    for (const enumeration of datamodel.enums) {
      const target = targets[enumeration.name];
      const model = modelNamed(target.model);
      const field = model.fields.find((f) => f.kind === "enum" && f.type === enumeration.name)!;
      const before = await delegate(target.model).findUniqueOrThrow({ where: target.where });
      try {
        for (const value of enumeration.values) {
          await delegate(target.model).update({ where: target.where, data: { [field.name]: value.name } });
          const row = await delegate(target.model).findUniqueOrThrow({ where: target.where });
          const keys = Object.keys(target.key);
          const [raw] = await database.sql.unsafe<{ value: string }[]>(
            `SELECT "${columnName(field)}"::text AS value FROM "${tableName(model)}" WHERE ${keys.map((k, i) => `"${k}" = $${i + 1}`).join(" AND ")}`,
            Object.values(target.key) as string[],
          );
          expect({ enum: enumeration.name, client: row[field.name], stored: raw.value }).toEqual({
            enum: enumeration.name,
            client: value.name,
            stored: value.dbName ?? value.name,
          });
        }
      } finally {
        // Put the row back as it was, timestamps included, for the other tests.
        await delegate(target.model).update({ where: target.where, data: { [field.name]: before[field.name], updatedAt: before.updatedAt } });
      }
    }
  });

  it("follows every relation of every model, in both directions", async () => {
    // The enum test rewrote the brief's jurisdictions, which forgets its record text
    // (the triggers of migration 20261215090000): written again, as the importer would.
    await prisma.filingRecord.upsert({ where: { filingId: brief.id }, create: filingRecord, update: filingRecord });
    const cases: [model: string, where: unknown, include: Record<string, unknown>, expected: Record<string, unknown>][] = [
      [
        "Jurisdiction",
        { code: "WA" },
        { officials: true, filingStates: true, lawsuitPlaintiffs: true, stateSides: true },
        { ...jurisdiction("WA"), officials: [official], filingStates: [stateWA], lawsuitPlaintiffs: [plaintiff], stateSides: [stateSide] },
      ],
      ["Court", { id: court.id }, { lawsuits: { orderBy: { id: "asc" } } }, { ...court, lawsuits: [lawsuitB, lawsuitA] }],
      ["Official", { id: official.id }, { jurisdiction: true, filingStates: true }, { ...official, jurisdiction: jurisdiction("WA"), filingStates: [stateWA] }],
      [
        "Lawsuit",
        { id: lawsuitA.id },
        {
          court: true,
          plaintiffs: { include: { jurisdiction: true } },
          otherParties: true,
          relations: { include: { relatedLawsuit: true } },
          relatedFrom: { include: { lawsuit: true } },
          filings: { orderBy: { id: "asc" } },
          sources: true,
          coding: true,
        },
        {
          ...lawsuitA,
          coding,
          court,
          plaintiffs: [{ ...plaintiff, jurisdiction: jurisdiction("WA") }],
          otherParties: [otherParty],
          relations: [{ ...relationAB, relatedLawsuit: lawsuitB }],
          relatedFrom: [{ ...relationBA, lawsuit: lawsuitB }],
          filings: [brief, motion, order],
          sources: [lawsuitSource],
        },
      ],
      ["Lawsuit", { id: lawsuitB.id }, { relations: true, relatedFrom: true, filings: true }, { ...lawsuitB, relations: [relationBA], relatedFrom: [relationAB], filings: [] }],
      [
        "LawsuitPlaintiff",
        { lawsuitId_jurisdictionCode: { lawsuitId: lawsuitA.id, jurisdictionCode: "WA" } },
        { lawsuit: true, jurisdiction: true },
        { ...plaintiff, lawsuit: lawsuitA, jurisdiction: jurisdiction("WA") },
      ],
      ["OtherParty", { id: otherParty.id }, { lawsuit: true }, { ...otherParty, lawsuit: lawsuitA }],
      [
        "LawsuitRelation",
        { lawsuitId_relatedLawsuitId: { lawsuitId: lawsuitA.id, relatedLawsuitId: lawsuitB.id } },
        { lawsuit: true, relatedLawsuit: true },
        { ...relationAB, lawsuit: lawsuitA, relatedLawsuit: lawsuitB },
      ],
      [
        "Filing",
        { id: motion.id },
        {
          lawsuit: true,
          respondsTo: true,
          responses: { orderBy: { id: "asc" } },
          demands: { include: { decidedBy: true } },
          decidedDemands: true,
          states: true,
          sources: true,
          recordedSides: true,
        },
        {
          ...motion,
          lawsuit: lawsuitA,
          respondsTo: null,
          responses: [brief, order],
          demands: [{ ...demand, decidedBy: order }],
          decidedDemands: [],
          states: [],
          sources: [],
          recordedSides: [stateSide],
        },
      ],
      [
        "Filing",
        { id: brief.id },
        {
          lawsuit: true,
          respondsTo: true,
          responses: true,
          states: { include: { official: true, jurisdiction: true }, orderBy: { position: "asc" } },
          demands: true,
          sources: true,
          search: true,
          record: true,
        },
        {
          ...brief,
          search: searchRow(brief.id),
          record: filingRecord,
          lawsuit: lawsuitA,
          respondsTo: motion,
          responses: [],
          states: [
            { ...stateWA, official, jurisdiction: jurisdiction("WA") },
            { ...stateDC, official: null, jurisdiction: jurisdiction("DC") },
          ],
          demands: [],
          sources: [filingSource],
        },
      ],
      [
        "Filing",
        { id: order.id },
        { respondsTo: true, decidedDemands: true, decidedOutcomes: true, recordedMilestones: true },
        { ...order, respondsTo: motion, decidedDemands: [demand], decidedOutcomes: [coding], recordedMilestones: [milestone] },
      ],
      ["Filing", { id: letter.id }, { lawsuit: true, states: true, sources: true }, { ...letter, lawsuit: null, states: [], sources: [] }],
      [
        "FilingState",
        { filingId_jurisdictionCode: { filingId: brief.id, jurisdictionCode: "WA" } },
        { filing: true, jurisdiction: true, official: true },
        { ...stateWA, filing: brief, jurisdiction: jurisdiction("WA"), official },
      ],
      ["FilingSearch", { filingId: brief.id }, { filing: true }, { ...searchRow(brief.id), filing: brief }],
      ["FilingRecord", { filingId: brief.id }, { filing: true }, { ...filingRecord, filing: brief }],
      ["Demand", { id: demand.id }, { filing: true, decidedBy: true }, { ...demand, filing: motion, decidedBy: order }],
      ["Source", { id: lawsuitSource.id }, { lawsuit: true, filing: true }, { ...lawsuitSource, lawsuit: lawsuitA, filing: null }],
      ["Source", { id: filingSource.id }, { lawsuit: true, filing: true }, { ...filingSource, lawsuit: null, filing: brief }],
      ["DatasetUpload", { id: upload.id }, { revisions: true, records: true }, { ...upload, revisions: [revisionCreated], records: [uploadRecord] }],
      [
        "DatasetUploadRecord",
        { uploadId_recordKind_recordId: { uploadId: upload.id, recordKind: "filing", recordId: uploadRecord.recordId } },
        { upload: true },
        { ...uploadRecord, upload },
      ],
      ["Source", { id: policySource.id }, { policy: true }, { ...policySource, policy }],
      ["Source", { id: codingSource.id }, { coding: true, outcomeOf: true }, { ...codingSource, coding, outcomeOf: null }],
      ["Source", { id: outcomeSource.id }, { coding: true, outcomeOf: true }, { ...outcomeSource, coding: null, outcomeOf: coding }],
      ["Source", { id: sideSource.id }, { stateSide: true, reliefMilestone: true }, { ...sideSource, stateSide, reliefMilestone: null }],
      ["Source", { id: milestoneSource.id }, { stateSide: true, reliefMilestone: true }, { ...milestoneSource, stateSide: null, reliefMilestone: milestone }],
      ["IssueArea", { slug: issueArea.slug }, { policies: true, lawsuits: true }, { ...issueArea, policies: [policyIssueArea], lawsuits: [lawsuitIssueArea] }],
      ["Policy", { id: policy.id }, { issueAreas: true, lawsuits: true, sources: true }, { ...policy, issueAreas: [policyIssueArea], lawsuits: [lawsuitPolicy], sources: [policySource] }],
      [
        "PolicyIssueArea",
        { policyId_issueAreaSlug: { policyId: policy.id, issueAreaSlug: issueArea.slug } },
        { policy: true, issueArea: true },
        { ...policyIssueArea, policy, issueArea },
      ],
      [
        "LawsuitCoding",
        { lawsuitId: lawsuitA.id },
        { lawsuit: true, outcomeDecidedBy: true, policies: true, issueAreas: true, stateSides: true, reliefMilestones: true, sources: true, outcomeSources: true },
        {
          ...coding,
          lawsuit: lawsuitA,
          outcomeDecidedBy: order,
          policies: [lawsuitPolicy],
          issueAreas: [lawsuitIssueArea],
          stateSides: [stateSide],
          reliefMilestones: [milestone],
          sources: [codingSource],
          outcomeSources: [outcomeSource],
        },
      ],
      ["LawsuitPolicy", { lawsuitId_policyId: { lawsuitId: lawsuitA.id, policyId: policy.id } }, { coding: true, policy: true }, { ...lawsuitPolicy, coding, policy }],
      [
        "LawsuitIssueArea",
        { lawsuitId_issueAreaSlug: { lawsuitId: lawsuitA.id, issueAreaSlug: issueArea.slug } },
        { coding: true, issueArea: true },
        { ...lawsuitIssueArea, coding, issueArea },
      ],
      [
        "LawsuitStateSide",
        { id: stateSide.id },
        { coding: true, jurisdiction: true, filing: true, sources: true },
        { ...stateSide, coding, jurisdiction: jurisdiction("WA"), filing: motion, sources: [sideSource] },
      ],
      ["ReliefMilestone", { id: milestone.id }, { coding: true, filing: true, sources: true }, { ...milestone, coding, filing: order, sources: [milestoneSource] }],
      ["Revision", { id: revisionCreated.id }, { upload: true, reverts: true, revertedFrom: true }, { ...revisionCreated, upload, reverts: [revisionReverted], revertedFrom: null }],
      ["User", { id: staffUser.id }, { sessions: true, accounts: true }, { ...staffUser, sessions: [staffSession], accounts: [staffAccount] }],
      ["Session", { id: staffSession.id }, { user: true }, { ...staffSession, user: staffUser }],
      ["Account", { id: staffAccount.id }, { user: true }, { ...staffAccount, user: staffUser }],
      ["Release", { number: release.number }, { files: true, records: true }, { ...release, files: [releaseFile], records: [releaseRecord] }],
      ["ReleaseFile", { releaseNumber_name: { releaseNumber: release.number, name: releaseFile.name } }, { release: true }, { ...releaseFile, release }],
      ["ReleaseRecord", { releaseNumber_kind_recordId: { releaseNumber: release.number, kind: releaseRecord.kind, recordId: releaseRecord.recordId } }, { release: true }, { ...releaseRecord, release }],
    ];

    // Every relation field of every model is followed at least once.
    const followed = new Set(cases.flatMap(([model, , include]) => Object.keys(include).map((field) => `${model}.${field}`)));
    const nested: [string, string][] = [
      ["LawsuitPlaintiff", "jurisdiction"],
      ["LawsuitRelation", "relatedLawsuit"],
      ["LawsuitRelation", "lawsuit"],
      ["Demand", "decidedBy"],
      ["FilingState", "official"],
    ];
    for (const [model, field] of nested) followed.add(`${model}.${field}`);
    const relations = datamodel.models.flatMap((m) => relationFieldsOf(m.name).map((field) => `${m.name}.${field}`));
    expect(relations.filter((r) => !followed.has(r))).toEqual([]);

    for (const [model, where, include, expected] of cases) {
      const row = await delegate(model).findUniqueOrThrow({ where, include });
      expect({ model, row }).toEqual({ model, row: expected });
    }
  });

  it("fills createdAt from the database default and updatedAt on every write", async () => {
    const before = Date.now();
    const created = await prisma.court.create({ data: { id: "ca9", shortName: "9th Cir.", fullName: "U.S. Court of Appeals for the Ninth Circuit" } });
    const after = Date.now();
    expect(created.createdAt.getTime()).toBeGreaterThanOrEqual(before - 5_000);
    expect(created.createdAt.getTime()).toBeLessThanOrEqual(after + 5_000);
    expect(created.updatedAt.getTime()).toBeGreaterThanOrEqual(before - 5_000);
    await new Promise((resolve) => setTimeout(resolve, 20));
    const updated = await prisma.court.update({ where: { id: "ca9" }, data: { shortName: "9th Cir" } });
    expect(updated.createdAt).toEqual(created.createdAt);
    expect(updated.updatedAt.getTime()).toBeGreaterThan(created.updatedAt.getTime());
  });
});

describe("The jurisdiction reference table", () => {
  it("holds exactly the 56 jurisdictions of lib/jurisdictions/reference.ts, with the same names and kinds", async () => {
    const rows = await database.sql<{ code: string; name: string; kind: string }[]>`
      SELECT code, name, kind::text AS kind FROM jurisdiction ORDER BY code`;
    const reference = [...JURISDICTIONS].sort((a, b) => (a.code < b.code ? -1 : 1)).map(({ code, name, kind }) => ({ code, name, kind }));
    expect(JURISDICTIONS).toHaveLength(56);
    expect(rows).toHaveLength(56);
    expect([...rows]).toEqual(reference);
  });

  it("has the 50 states, the District of Columbia and the 5 inhabited territories", async () => {
    const rows = await database.sql<{ kind: string; count: number }[]>`
      SELECT kind::text AS kind, count(*)::int AS count FROM jurisdiction GROUP BY kind ORDER BY kind`;
    expect([...rows]).toEqual([
      { kind: "district", count: 1 },
      { kind: "state", count: 50 },
      { kind: "territory", count: 5 },
    ]);
  });
});
