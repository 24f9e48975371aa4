// `npm run backup` and `npm run restore`, run as a user runs them: a database with
// published records, drafts, a deleted filing, history, an upload-free import and a
// staff account is backed up, restored into an empty database, and the two compared by
// their content fingerprint (lib/db/content-hash.ts), table by table.
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { createStaffAccount } from "@/lib/auth/users";
import { importDatasetText } from "@/lib/dataset/import";
import { contentFingerprint } from "@/lib/db/content-hash";
import { deleteRecord, loadRecord } from "@/lib/editing/records";

import { runScript } from "./support/cli";
import { createTestDatabase, readFoundingDataset, type TestDatabase } from "./support/database";
import { createTestAuth, PASSWORD, uniqueEmail, type TestAuth } from "./support/staff-auth";

const DRAFT = {
  format: "docketline/v1",
  filings: [
    {
      id: "backup-draft-letter",
      lawsuit: null,
      kind: "letter",
      title: "A draft letter on 'quotes', tabs\tand\nnew lines \\ backslashes",
      dateFiled: "2031-05",
      summary: "Kept as a draft.\n\nSecond paragraph, with ünïcödé.",
      states: [{ jurisdiction: "NM", role: "lead" }],
      demands: [{ text: "Answer.", category: "detention-conditions", outcome: "pending" }],
      sources: [{ url: "https://example.org/draft.pdf", title: "Draft", publisher: "Office of the Attorney General" }],
    },
  ],
};

// Each test runs the CLI (tsx, a new process) two or three times.
describe("npm run backup and npm run restore", { timeout: 180_000 }, () => {
  let source: TestAuth;
  let target: TestDatabase;
  let dir: string;
  let file: string;

  beforeAll(async () => {
    source = await createTestAuth();
    target = await createTestDatabase();
    dir = await mkdtemp(path.join(tmpdir(), "docketline-backup-"));
    const { sql } = source.database;
    await importDatasetText(sql, await readFoundingDataset());
    await importDatasetText(sql, JSON.stringify(DRAFT), { publication: "draft" });
    const account = await createStaffAccount(source.auth, { name: "Backup Editor", email: uniqueEmail("backup"), role: "editor", password: PASSWORD });
    expect(account.ok).toBe(true);
    const [user] = await sql<{ id: string; name: string }[]>`SELECT id, name FROM "user"`;
    const filing = await loadRecord("filing", "wa-v-us-2018-dkt-15", sql);
    expect(filing).not.toBeNull();
    const deleted = await deleteRecord("filing", "wa-v-us-2018-dkt-15", { baseVersion: filing!.version, actor: { userId: user.id, name: user.name } }, sql);
    expect(deleted.ok).toBe(true);
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
    await source.close();
    await target.drop();
  });

  it("restores into an empty database exactly what was backed up, drafts, deleted records, history and accounts included", async () => {
    file = path.join(dir, "docketline.backup.sql");
    const backup = await runScript("backup.mts", [file], { DATABASE_URL: source.database.url });
    expect(backup.stderr).toBe("");
    expect(backup.code).toBe(0);
    expect(backup.stdout).toMatch(new RegExp(`^Backed up [\\d,]+ rows of \\d+ tables to ${file}\\n$`));
    expect(await readFile(file, "utf8")).toMatch(/^COPY public\."filing" \(/m);

    // A database migrated at another moment: the jurisdictions a migration wrote carry its own timestamps.
    await target.sql`UPDATE jurisdiction SET updated_at = now() + interval '1 day'`;
    const restore = await runScript("restore.mts", [file], { DATABASE_URL: target.url });
    expect(restore.stderr).toBe("");
    expect(restore.code).toBe(0);

    const [before, after] = await Promise.all([contentFingerprint(source.database.sql), contentFingerprint(target.sql)]);
    expect(after.tables).toEqual(before.tables);
    expect(after.hash).toBe(before.hash);
    // What that equality covers: the states that an export would lose, each present.
    for (const table of ["filing", "revision", "user", "account", "filing_search", "filing_count"]) expect(before.tables[table].rows, table).toBeGreaterThan(0);
    const [states] = await target.sql<{ drafts: number; deleted: number }[]>`
      SELECT count(*) FILTER (WHERE publication = 'draft')::int AS drafts, count(*) FILTER (WHERE deleted_at IS NOT NULL)::int AS deleted FROM filing`;
    expect(states).toEqual({ drafts: 1, deleted: 1 });
    // The sequences go on from where they were: a new row does not collide.
    await importDatasetText(target.sql, JSON.stringify({ ...DRAFT, filings: [{ ...DRAFT.filings[0], id: "backup-after-restore" }] }));
  });

  it("refuses a database that holds content, and changes nothing", async () => {
    const before = (await contentFingerprint(target.sql)).hash;
    const run = await runScript("restore.mts", [file], { DATABASE_URL: target.url });
    expect(run.code).not.toBe(0);
    expect(run.stderr).toContain("Nothing was restored: the database already holds content");
    expect((await contentFingerprint(target.sql)).hash).toBe(before);
  });

  it("refuses a file that is not a backup, or one that runs other statements", async () => {
    const empty = await createTestDatabase();
    try {
      const notBackup = path.join(dir, "not-a-backup.sql");
      await writeFile(notBackup, "DROP TABLE filing;\n");
      const run = await runScript("restore.mts", [notBackup], { DATABASE_URL: empty.url });
      expect(run.code).not.toBe(0);
      expect(run.stderr).toContain("This file is not a Docketline backup");

      const good = await readFile(file, "utf8");
      const tampered = path.join(dir, "tampered.sql");
      await writeFile(tampered, good.replace("SET CONSTRAINTS ALL DEFERRED;", "SET CONSTRAINTS ALL DEFERRED;\nDROP TABLE court CASCADE;"));
      const before = (await contentFingerprint(empty.sql)).hash;
      const refused = await runScript("restore.mts", [tampered], { DATABASE_URL: empty.url });
      expect(refused.code).not.toBe(0);
      expect(refused.stderr).toContain("The backup holds a statement a backup does not write: DROP TABLE court CASCADE;");
      expect((await contentFingerprint(empty.sql)).hash).toBe(before);
    } finally {
      await empty.drop();
    }
  });
});
