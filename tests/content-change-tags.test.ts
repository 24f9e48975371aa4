// What the front server hears when content changes (migration 20261212090000, decision
// 025): a staff save names the filing, its lawsuit, the filings around it and its
// states, and not unrelated filings; a record that becomes public or stops being public,
// and reference data, are a change of everything. Heard as the front server hears them,
// through listenForContentChanges, after real writes by the staff editing functions.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";

import { importDatasetText } from "@/lib/dataset/import";
import { loadRecord, saveRecord, setPublication } from "@/lib/editing/records";
import type { Actor } from "@/lib/editing/types";
import { listenForContentChanges } from "@/lib/http-cache/invalidation";
import type { ContentChange } from "@/lib/http-cache/tags";

import { createTestDatabase, readFoundingDataset, type TestDatabase } from "./support/database";

const editor: Actor = { userId: "user-tags", name: "Tag Editor" };
let database: TestDatabase;
let stopListening: () => Promise<void>;
const heard: ContentChange[] = [];

beforeAll(async () => {
  database = await createTestDatabase();
  await importDatasetText(database.sql, await readFoundingDataset());
  stopListening = await listenForContentChanges(database.url, (change) => heard.push(change));
});

afterAll(async () => {
  await stopListening?.();
  await database?.drop();
});

beforeEach(() => {
  heard.length = 0;
});

/** Every change heard for the writes of `write`: the connection delivers them in commit order, before a later query's answer. */
async function changesOf(write: () => Promise<unknown>): Promise<ContentChange[]> {
  await write();
  // A notification of our own channel, sent after the write: once it is heard, so is everything before it.
  await database.sql`SELECT pg_notify('docketline_content', '["marker:end"]')`;
  await expect.poll(() => heard.some((c) => !c.everything && c.tags.includes("marker:end"))).toBe(true);
  return heard.filter((c) => c.everything || !c.tags.includes("marker:end"));
}

const tagsOf = (changes: ContentChange[]) => new Set(changes.flatMap((c) => (c.everything ? ["*"] : c.tags)));

async function editSummary(id: string, summary: string) {
  const current = (await loadRecord("filing", id, database.sql))!;
  const result = await saveRecord("filing", { ...current.record, summary }, { baseVersion: current.version, actor: editor }, database.sql);
  expect(result.ok).toBe(true);
}

describe("A staff save of a filing", () => {
  it("names the filing, its lawsuit and the states of its coalition, and no unrelated filing", async () => {
    const [filing] = await database.sql<{ id: string; lawsuit_id: string; responds_to_id: string | null; states: string[] }[]>`
      SELECT f.id, f.lawsuit_id, f.responds_to_id, array_agg(fs.jurisdiction_code::text ORDER BY fs.jurisdiction_code) AS states
      FROM filing f JOIN filing_state fs ON fs.filing_id = f.id
      WHERE f.is_public AND f.lawsuit_id IS NOT NULL GROUP BY f.id ORDER BY count(*) DESC, f.id LIMIT 1`;
    const [unrelated] = await database.sql<{ id: string }[]>`
      SELECT id FROM filing WHERE is_public AND lawsuit_id IS DISTINCT FROM ${filing.lawsuit_id} AND id <> ${filing.id}
        AND id IS DISTINCT FROM ${filing.responds_to_id} AND responds_to_id IS DISTINCT FROM ${filing.id} LIMIT 1`;

    const changes = await changesOf(() => editSummary(filing.id, "Edited to see what the cache hears."));
    expect(changes.some((c) => c.everything)).toBe(false);
    const tags = tagsOf(changes);
    expect([...tags]).toEqual(expect.arrayContaining([`filing:${filing.id}`, `lawsuit:${filing.lawsuit_id}`, ...filing.states.map((code) => `state:${code}`)]));
    if (filing.responds_to_id) expect(tags).toContain(`filing:${filing.responds_to_id}`);
    expect(tags).not.toContain(`filing:${unrelated.id}`);
  });

  it("that moves it into another thread names the filing it now responds to", async () => {
    const [filing, parent] = await database.sql<{ id: string }[]>`SELECT id FROM filing WHERE is_public AND responds_to_id IS NULL ORDER BY id LIMIT 2`;
    const current = (await loadRecord("filing", filing.id, database.sql))!;
    const changes = await changesOf(() => saveRecord("filing", { ...current.record, respondsTo: parent.id }, { baseVersion: current.version, actor: editor }, database.sql));
    expect(tagsOf(changes)).toContain(`filing:${parent.id}`);
  });

  it("that unpublishes it is a change of everything: it leaves pages that do not link it", async () => {
    const [filing] = await database.sql<{ id: string }[]>`SELECT id FROM filing WHERE is_public ORDER BY id DESC LIMIT 1`;
    const current = (await loadRecord("filing", filing.id, database.sql))!;
    const changes = await changesOf(() => setPublication("filing", filing.id, "draft", { baseVersion: current.version, actor: editor }, database.sql));
    expect(changes.some((c) => c.everything)).toBe(true);
  });
});

describe("A staff save of a lawsuit", () => {
  it("names the lawsuit and each of its filings, whose citations show it without a link", async () => {
    const filings = await database.sql<{ id: string; lawsuit_id: string }[]>`
      SELECT id, lawsuit_id FROM filing WHERE lawsuit_id = (SELECT lawsuit_id FROM filing WHERE is_public AND lawsuit_id IS NOT NULL ORDER BY id LIMIT 1)`;
    const lawsuit = (await loadRecord("lawsuit", filings[0].lawsuit_id, database.sql))!;
    const changes = await changesOf(() =>
      saveRecord("lawsuit", { ...lawsuit.record, summary: "Edited to see what the cache hears." }, { baseVersion: lawsuit.version, actor: editor }, database.sql),
    );
    expect(changes.some((c) => c.everything)).toBe(false);
    expect([...tagsOf(changes)]).toEqual(expect.arrayContaining([`lawsuit:${filings[0].lawsuit_id}`, ...filings.map((f) => `filing:${f.id}`)]));
  });
});

describe("Other writes", () => {
  it("an edit of reference data, and a rolled-back write, are heard as everything and as nothing", async () => {
    expect((await changesOf(() => database.sql`UPDATE jurisdiction SET name = name WHERE code = 'NM'`)).some((c) => c.everything)).toBe(true);
    heard.length = 0;
    const rolledBack = await changesOf(() =>
      database.sql.begin(async (tx) => {
        await tx`UPDATE filing SET title = title || '!' WHERE id = (SELECT id FROM filing ORDER BY id LIMIT 1)`;
        await tx`SELECT 1/0`;
      }).catch(() => null),
    );
    expect(rolledBack).toEqual([]);
  });
});
