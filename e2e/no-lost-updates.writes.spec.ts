// No lost updates (issue 10): fifty editors, each signed in with an account of their
// own, save the same filing at the same moment through the real server, each from the
// version they read, exactly as the staff form does (its server action, with the
// version the edit page showed). One save per version wins, every other one gets the
// conflict answer, the history holds every accepted change in order, and editors who
// re-read and retry after a conflict all get their change in (decision 008). The retry
// round takes twenty of them: each accepted save sends all the others round again, so
// fifty would cost ~1,300 saves where twenty cost ~200 and prove the same.
import { randomBytes } from "node:crypto";

import { expect, test } from "@playwright/test";

import { createStaffUser } from "./support/staff";
import { callServerAction, createAccountOverHttp, readEditForm, serverAction, signInOverHttp, type StaffSession } from "./support/staff-client";
import { withE2eDatabase } from "./support/write-paths";

const EDITORS = 50;
const RETRYING_EDITORS = 20;

type Filing = Record<string, unknown> & { id: string; summary: string };

type SaveAnswer =
  | { ok: true; version: number; changed: boolean; record: Filing }
  | { ok: false; reason: "conflict"; conflict: { currentVersion: number; current: Filing } }
  | { ok: false; reason: "invalid" | "not-found" | "refused" };

interface Revision {
  version: number;
  action: string;
  actor: string;
  summary: string;
}

test.describe.configure({ mode: "serial" });

let origin: string;
let editors: { name: string; session: StaffSession }[] = [];
let filingId: string;
const editPage = () => `/staff/filings/${filingId}`;

/** Runs `work` on every item, at most `limit` at a time (sign-ins hash a password each). */
async function inBatches<T, R>(items: T[], limit: number, work: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results: R[] = [];
  for (let start = 0; start < items.length; start += limit) {
    results.push(...(await Promise.all(items.slice(start, start + limit).map((item, offset) => work(item, start + offset)))));
  }
  return results;
}

async function save(session: StaffSession, record: Filing, baseVersion: number | null) {
  return callServerAction<SaveAnswer>(origin, serverAction("saveFilingAction"), [{ record, baseVersion }], { cookie: session.cookie });
}

function revisionsAfter(version: number): Promise<Revision[]> {
  return withE2eDatabase(
    (sql) => sql<Revision[]>`
      SELECT version, action, actor_name AS actor, after->>'summary' AS summary
      FROM revision WHERE record_kind = 'filing' AND record_id = ${filingId} AND version > ${version}
      ORDER BY id`,
  );
}

test.beforeAll(async ({ baseURL }) => {
  test.setTimeout(240_000);
  origin = new URL(baseURL!).origin;
  const admin = await createStaffUser({ role: "admin" });
  const adminSession = await signInOverHttp(origin, admin);
  const run = randomBytes(4).toString("hex");
  // Fifty accounts through the users page, as an admin makes them, then fifty sign-ins.
  editors = await inBatches(
    Array.from({ length: EDITORS }, (_, i) => i + 1),
    10,
    async (n) => {
      const account = { name: `Editor ${n} of run ${run}`, email: `editor-${n}-${run}@example.org`, role: "editor" as const, password: `lost updates ${run} editor ${n} passphrase` };
      await createAccountOverHttp(adminSession, account);
      return { name: account.name, session: await signInOverHttp(origin, account) };
    },
  );
  // A filing of this spec's own: a published one copied under a new id through the form.
  const listed = (await (await fetch(`${origin}/api/v1/filings?limit=1`)).json()) as { data: { id: string }[] };
  const seed = await readEditForm<Filing>(adminSession, `/staff/filings/${listed.data[0].id}`);
  filingId = `lost-updates-${run}`;
  const created = await save(adminSession, { ...seed.record, id: filingId, respondsTo: null }, null);
  expect(created.redirect, JSON.stringify(created.value ?? null)).toContain(`/staff/filings/${filingId}`);
});

test("Fifty editors save the same filing at once, each from the version they read: one save per version wins, the others get the conflict answer, and the history holds every accepted save in order", async () => {
  test.setTimeout(240_000);
  const start = await readEditForm<Filing>(editors[0].session, editPage());
  const attempts = await Promise.all(
    editors.map(async ({ name, session }, i) => {
      const read = await readEditForm<Filing>(session, editPage());
      const summary = `Round one: the change of editor ${i + 1}.`;
      const answer = await save(session, { ...read.record, summary }, read.version);
      return { name, summary, baseVersion: read.version, status: answer.status, value: answer.value };
    }),
  );

  // Every answer is a save or the conflict answer: no 500, no other refusal.
  for (const attempt of attempts) {
    expect(attempt.status, attempt.name).toBe(200);
    expect(attempt.value?.ok || (attempt.value && "reason" in attempt.value && attempt.value.reason), `${attempt.name}: ${JSON.stringify(attempt.value)}`).toEqual(attempt.value?.ok ? true : "conflict");
  }
  const winners = attempts.filter((a) => a.value?.ok).sort((a, b) => a.baseVersion - b.baseVersion);
  // Exactly one winner for each version that anyone read, and it made the next version.
  const basesRead = [...new Set(attempts.map((a) => a.baseVersion))].sort((a, b) => a - b);
  expect(winners.map((w) => w.baseVersion)).toEqual(basesRead);
  for (const winner of winners) expect(winner.value).toMatchObject({ ok: true, changed: true, version: winner.baseVersion + 1 });
  // Every loser was told of a newer version than the one it read.
  for (const loser of attempts.filter((a) => !a.value?.ok)) {
    const conflict = loser.value as Extract<SaveAnswer, { reason: "conflict" }>;
    expect(conflict.conflict.currentVersion, loser.name).toBeGreaterThan(loser.baseVersion);
  }
  expect(winners.length).toBeGreaterThanOrEqual(1);
  expect(attempts.length - winners.length, "conflicts").toBe(EDITORS - winners.length);

  // The history: one update per winner, in the order of the versions they made, by them.
  const history = await revisionsAfter(start.version);
  expect(history).toEqual(winners.map((w) => ({ version: w.baseVersion + 1, action: "update", actor: w.name, summary: w.summary })));
  // What the edit page shows now is the last accepted save.
  const final = await readEditForm<Filing>(editors[0].session, editPage());
  expect(final.version).toBe(start.version + winners.length);
  expect(final.record.summary).toBe(winners.at(-1)!.summary);
});

test("Twenty editors who take the newer version after a conflict and try again all get their change in: twenty updates in the history, none lost", async () => {
  const retrying = editors.slice(0, RETRYING_EDITORS);
  test.setTimeout(300_000);
  const start = await readEditForm<Filing>(editors[0].session, editPage());
  const marker = (i: number) => `[editor ${i + 1} was here]`;
  const tries = await Promise.all(
    retrying.map(async ({ name, session }, i) => {
      let read = await readEditForm<Filing>(session, editPage());
      for (let attempt = 1; attempt <= 500; attempt++) {
        // Each editor adds a line of their own to what they read, as a person appends a note.
        const answer = await save(session, { ...read.record, summary: `${read.record.summary}\n${marker(i)}` }, read.version);
        expect(answer.status, name).toBe(200);
        if (answer.value?.ok) return attempt;
        if (!answer.value || !("conflict" in answer.value)) throw new Error(`${name}: ${JSON.stringify(answer.value ?? null)}`);
        // The conflict answer carries the version now saved, as the form shows it
        // ("re-apply my changes"): the editor starts again from that.
        const { current, currentVersion } = answer.value.conflict;
        read = { record: current, version: currentVersion };
        // A moment's pause, longer after each refusal, as a person would take to look again.
        await new Promise((resolve) => setTimeout(resolve, Math.random() * 60 * Math.min(attempt, 10)));
      }
      throw new Error(`${name} never got a save in`);
    }),
  );
  await test.info().attach("attempts.txt", { contentType: "text/plain", body: `saves per editor until accepted: ${tries.join(", ")}` });

  const history = await revisionsAfter(start.version);
  expect(history.map((r) => r.version)).toEqual(Array.from({ length: RETRYING_EDITORS }, (_, i) => start.version + i + 1));
  // Each accepted save adds exactly its own line to the one before it: nothing was overwritten.
  let previous = start.record.summary;
  const added: string[] = [];
  for (const revision of history) {
    expect(revision.action).toBe("update");
    expect(revision.summary.startsWith(`${previous}\n`), `version ${revision.version} keeps everything before it`).toBe(true);
    added.push(revision.summary.slice(previous.length + 1));
    previous = revision.summary;
  }
  expect(added.sort()).toEqual(retrying.map((_, i) => marker(i)).sort());
  const final = await readEditForm<Filing>(editors[0].session, editPage());
  expect(final.version).toBe(start.version + RETRYING_EDITORS);
  expect(final.record.summary).toBe(previous);
});
