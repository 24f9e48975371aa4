// Failed sign-ins lock the account and the client address (lib/auth/lockout.ts), tried
// through better-auth's sign-in endpoint exactly as the sign-in form calls it, against
// a real database. Older attempts are written with SQL, backdated, to move through time.
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { findLock, LOCKOUT_MINUTES, LOCKOUT_THRESHOLD, LOCKOUT_WINDOW_MINUTES } from "@/lib/auth/lockout";

import { createAccount, createTestAuth, PASSWORD, signIn, uniqueEmail, type TestAuth } from "./support/staff-auth";

let t: TestAuth;

beforeAll(async () => {
  t = await createTestAuth();
});
afterAll(async () => {
  await t?.close();
});

let addressSerial = 0;
/** A client address no other test uses, so that only the account's own count matters. */
const freshAddress = () => `203.0.113.${++addressSerial}`;

async function failTimes(email: string, times: number, ip: () => string) {
  for (let i = 0; i < times; i++) {
    const outcome = await signIn(t.auth, email, "not the right password", ip());
    expect(outcome).toMatchObject({ ok: false, code: "INVALID_EMAIL_OR_PASSWORD" });
  }
}

/** Failures recorded `minutesAgo`, as if they had been tried then. */
async function backdatedFailures(email: string, minutesAgo: number[], ip: string | null = null) {
  for (const minutes of minutesAgo) {
    await t.database.sql`
      INSERT INTO login_attempt (email, ip, succeeded, created_at)
      VALUES (${email}, ${ip}, false, now() - make_interval(secs => ${minutes * 60}))`;
  }
}

describe("Locking out repeated failed sign-ins", () => {
  it("locks an account after ten failures, and the lock refuses even the right password", async () => {
    const email = uniqueEmail("locked");
    await createAccount(t.auth, { email });
    await failTimes(email, LOCKOUT_THRESHOLD - 1, freshAddress);
    // Nine failures: the right password still works, and a success is recorded, not counted.
    expect(await signIn(t.auth, email, PASSWORD, freshAddress())).toMatchObject({ ok: true });

    await failTimes(email, LOCKOUT_THRESHOLD, freshAddress);
    const locked = await signIn(t.auth, email, PASSWORD, freshAddress());
    expect(locked).toMatchObject({ ok: false, status: 429, code: "SIGN_IN_LOCKED" });
    expect(locked.ok || locked.message).toBe(`Too many failed sign-ins for this account. For your security, sign-in is paused: try again in ${LOCKOUT_MINUTES} minutes.`);

    const rows = await t.database.sql<{ succeeded: boolean; n: number }[]>`
      SELECT succeeded, count(*)::int AS n FROM login_attempt WHERE email = ${email} GROUP BY succeeded ORDER BY succeeded`;
    // Refused tries are not recorded, so the lock cannot be stretched by trying on.
    expect(rows).toEqual([
      { succeeded: false, n: 2 * LOCKOUT_THRESHOLD - 1 },
      { succeeded: true, n: 1 },
    ]);
  });

  it("counts an account's failures only since its last successful sign-in", async () => {
    const email = uniqueEmail("resets");
    await createAccount(t.auth, { email });
    await failTimes(email, LOCKOUT_THRESHOLD - 1, freshAddress);
    expect(await signIn(t.auth, email, PASSWORD, freshAddress())).toMatchObject({ ok: true });
    await failTimes(email, LOCKOUT_THRESHOLD - 1, freshAddress);
    // Eighteen failures in a quarter of an hour, but never ten since the last success.
    expect(await signIn(t.auth, email, PASSWORD, freshAddress())).toMatchObject({ ok: true });
  });

  it("locks an e-mail address that has no account the same way, saying nothing about whether one exists", async () => {
    const email = uniqueEmail("nobody");
    await failTimes(email, LOCKOUT_THRESHOLD, freshAddress);
    expect(await signIn(t.auth, email, PASSWORD, freshAddress())).toMatchObject({ ok: false, code: "SIGN_IN_LOCKED" });
  });

  it("locks a client address after ten failures across any accounts, and only that address", async () => {
    const ip = "192.0.2.77";
    for (let i = 0; i < LOCKOUT_THRESHOLD; i++) {
      expect(await signIn(t.auth, uniqueEmail("sprayed"), "Summer2024!Summer", ip)).toMatchObject({ ok: false, code: "INVALID_EMAIL_OR_PASSWORD" });
    }
    const email = uniqueEmail("innocent");
    await createAccount(t.auth, { email });
    const fromLockedAddress = await signIn(t.auth, email, PASSWORD, ip);
    expect(fromLockedAddress).toMatchObject({ ok: false, status: 429, code: "SIGN_IN_LOCKED" });
    expect(fromLockedAddress.ok || fromLockedAddress.message).toMatch(/^Too many failed sign-ins from your network address\. .*try again in 15 minutes\.$/);
    // The account itself is not locked: from elsewhere, it signs in.
    expect(await signIn(t.auth, email, PASSWORD, "192.0.2.78")).toMatchObject({ ok: true });
  });

  it("does not let a success from an address wipe out that address's failures", async () => {
    const ip = "192.0.2.90";
    const email = uniqueEmail("sprayer");
    await createAccount(t.auth, { email });
    for (let i = 0; i < LOCKOUT_THRESHOLD - 1; i++) await signIn(t.auth, uniqueEmail("target"), "Winter2024!Winter", ip);
    expect(await signIn(t.auth, email, PASSWORD, ip)).toMatchObject({ ok: true });
    await signIn(t.auth, uniqueEmail("target"), "Winter2024!Winter", ip);
    expect(await signIn(t.auth, email, PASSWORD, ip)).toMatchObject({ ok: false, code: "SIGN_IN_LOCKED" });
  });

  it("ends a lock 15 minutes after the tenth failure, and says how long is left", async () => {
    const email = uniqueEmail("waiting");
    await createAccount(t.auth, { email });
    // Ten failures, the last one 11 minutes ago: four minutes of the lock are left.
    await backdatedFailures(email, [20, 19, 18, 17, 16, 15, 14, 13, 12, 11]);
    const lock = await findLock(t.prisma, { email, ip: null });
    expect(lock).toMatchObject({ scope: "account", minutesLeft: 4 });
    expect(await signIn(t.auth, email, PASSWORD, freshAddress())).toMatchObject({
      ok: false,
      message: "Too many failed sign-ins for this account. For your security, sign-in is paused: try again in 4 minutes.",
    });

    const expired = uniqueEmail("expired");
    await createAccount(t.auth, { email: expired });
    await backdatedFailures(expired, [25, 24, 23, 22, 21, 20, 19, 18, 17, 16]);
    expect(await findLock(t.prisma, { email: expired, ip: null })).toBeNull();
    expect(await signIn(t.auth, expired, PASSWORD, freshAddress())).toMatchObject({ ok: true });
  });

  it(`needs the ten failures within ${LOCKOUT_WINDOW_MINUTES} minutes`, async () => {
    const email = uniqueEmail("spread");
    await createAccount(t.auth, { email });
    // Ten failures over 18 minutes: no 15-minute window holds more than eight.
    await backdatedFailures(email, [18, 16, 14, 12, 10, 8, 6, 4, 2, 0]);
    expect(await findLock(t.prisma, { email, ip: null })).toBeNull();
    expect(await signIn(t.auth, email, PASSWORD, freshAddress())).toMatchObject({ ok: true });
  });

  it("records no attempt that was refused for another reason than a wrong password", async () => {
    const email = uniqueEmail("disabled");
    await createAccount(t.auth, { email });
    await t.prisma.user.update({ where: { email }, data: { banned: true } });
    for (let i = 0; i < LOCKOUT_THRESHOLD; i++) expect(await signIn(t.auth, email, PASSWORD, "192.0.2.200")).toMatchObject({ ok: false, code: "BANNED_USER" });
    expect(await signIn(t.auth, "not an address", PASSWORD, "192.0.2.200")).toMatchObject({ ok: false, code: "INVALID_EMAIL" });
    const [{ n }] = await t.database.sql<{ n: number }[]>`SELECT count(*)::int AS n FROM login_attempt WHERE ip = '192.0.2.200'`;
    expect(n).toBe(0);
    expect(await findLock(t.prisma, { email, ip: "192.0.2.200" })).toBeNull();
  });

  it("forgets attempts older than a day as new ones arrive", async () => {
    const email = uniqueEmail("old");
    await backdatedFailures(email, [60 * 25, 60 * 30]);
    await signIn(t.auth, email, "whatever it is", freshAddress());
    const [{ old }] = await t.database.sql<{ old: number }[]>`
      SELECT count(*)::int AS old FROM login_attempt WHERE created_at < now() - interval '1 day'`;
    expect(old).toBe(0);
  });
});
