// The sign-in limits (lib/auth/lockout.ts, docs/decisions/010-sign-in-limits.md), tried
// through better-auth's sign-in endpoint exactly as the sign-in form calls it, with the
// client address signed as the front server signs it, against a real database. Older
// attempts are written with SQL, backdated, to move through time.
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { CLIENT_ADDRESS_HEADER, signedClientAddress } from "@/lib/auth/client-address";
import { EMAIL_MAX_LENGTH, PASSWORD_MAX_LENGTH } from "@/lib/auth/field-lengths";
import { GLOBAL_FAILURES_PER_MINUTE, LOCKOUT_MINUTES, LOCKOUT_THRESHOLD, LOCKOUT_WINDOW_MINUTES } from "@/lib/auth/lockout";

import { createAccount, createTestAuth, PASSWORD, signIn, signInWith, uniqueEmail, type TestAuth } from "./support/staff-auth";

let t: TestAuth;

beforeAll(async () => {
  t = await createTestAuth();
});
afterAll(async () => {
  await t?.close();
});

let addressSerial = 0;
/** A client address no other test uses, so that only the account's own count matters. */
const freshAddress = () => `203.0.${Math.floor(++addressSerial / 250)}.${addressSerial % 250}`;

const WRONG = "not the right password";
const ACCOUNT_LOCKED = `Too many failed sign-ins for this account. For your security, sign-in is paused: try again in ${LOCKOUT_MINUTES} minutes.`;

async function failTimes(email: string, times: number, ip: () => string | null) {
  for (let i = 0; i < times; i++) {
    expect(await signIn(t.auth, email, WRONG, ip())).toMatchObject({ ok: false, code: "INVALID_EMAIL_OR_PASSWORD" });
  }
}

/** Failures recorded `minutesAgo`, as if they had been tried then from `network`. */
async function backdatedFailures(email: string, minutesAgo: number[], network = "192.0.2.250") {
  for (const minutes of minutesAgo) {
    await t.database.sql`
      INSERT INTO login_attempt (email, ip, network, outcome, created_at)
      VALUES (${email}, ${network}, ${network}, 'failed', now() - make_interval(secs => ${minutes * 60}))`;
  }
}

async function outcomes(where: { email: string } | { ip: string }) {
  const rows = await t.database.sql<{ outcome: string; n: number }[]>`
    SELECT outcome::text, count(*)::int AS n FROM login_attempt
    WHERE ${"email" in where ? t.database.sql`email = ${where.email}` : t.database.sql`ip = ${where.ip}`}
    GROUP BY outcome ORDER BY outcome`;
  return Object.fromEntries(rows.map((row) => [row.outcome, row.n]));
}

describe("Locking out repeated failed sign-ins", () => {
  it("locks an account after ten failures from networks it has not signed in from, and the lock refuses even the right password", async () => {
    const email = uniqueEmail("locked");
    await createAccount(t.auth, { email });
    await failTimes(email, LOCKOUT_THRESHOLD - 1, freshAddress);
    await failTimes(email, 1, freshAddress);
    const locked = await signIn(t.auth, email, PASSWORD, freshAddress());
    expect(locked).toMatchObject({ ok: false, status: 429, code: "SIGN_IN_LOCKED", message: ACCOUNT_LOCKED });
    // The refused try is recorded as refused, not as a failure: the lock cannot be stretched by trying on.
    expect(await outcomes({ email })).toEqual({ failed: LOCKOUT_THRESHOLD, refused: 1 });
  });

  it("keeps letting the owner in from a network they signed in from, while strangers guessing their e-mail are locked out", async () => {
    const email = uniqueEmail("owner");
    const office = "198.51.100.10";
    await createAccount(t.auth, { email });
    expect(await signIn(t.auth, email, PASSWORD, office)).toMatchObject({ ok: true });

    // A stranger guesses from addresses of their own, rotating them: locked out after ten.
    await failTimes(email, LOCKOUT_THRESHOLD, freshAddress);
    expect(await signIn(t.auth, email, PASSWORD, freshAddress())).toMatchObject({ ok: false, code: "SIGN_IN_LOCKED", message: ACCOUNT_LOCKED });
    // The owner, at the office, is not.
    expect(await signIn(t.auth, email, PASSWORD, office)).toMatchObject({ ok: true });
    // Nor is an IPv6 owner moved to another address of the same /64.
    const ipv6 = uniqueEmail("owner6");
    await createAccount(t.auth, { email: ipv6 });
    expect(await signIn(t.auth, ipv6, PASSWORD, "2001:db8:5:6::1")).toMatchObject({ ok: true });
    await failTimes(ipv6, LOCKOUT_THRESHOLD, freshAddress);
    expect(await signIn(t.auth, ipv6, PASSWORD, "2001:db8:5:6:a:b:c:d")).toMatchObject({ ok: true });
  });

  it("locks a familiar network after ten of the account's own failures there, counted since its last success there", async () => {
    const email = uniqueEmail("mistyper");
    const home = freshAddress();
    await createAccount(t.auth, { email });
    expect(await signIn(t.auth, email, PASSWORD, home)).toMatchObject({ ok: true });
    await failTimes(email, LOCKOUT_THRESHOLD - 1, () => home);
    expect(await signIn(t.auth, email, PASSWORD, home)).toMatchObject({ ok: true });
    // Eighteen failures there in a quarter of an hour, but never ten since the last success.
    await failTimes(email, LOCKOUT_THRESHOLD - 1, () => home);
    expect(await signIn(t.auth, email, PASSWORD, home)).toMatchObject({ ok: true });

    await failTimes(email, LOCKOUT_THRESHOLD, () => home);
    expect(await signIn(t.auth, email, PASSWORD, home)).toMatchObject({ ok: false, code: "SIGN_IN_LOCKED", message: ACCOUNT_LOCKED });
    // The owner's own mistakes at home lock only home.
    expect(await signIn(t.auth, email, PASSWORD, freshAddress())).toMatchObject({ ok: true });
  });

  it("locks an e-mail address that has no account the same way, saying nothing about whether one exists", async () => {
    const email = uniqueEmail("nobody");
    await failTimes(email, LOCKOUT_THRESHOLD, freshAddress);
    expect(await signIn(t.auth, email, PASSWORD, freshAddress())).toMatchObject({ ok: false, code: "SIGN_IN_LOCKED", message: ACCOUNT_LOCKED });
  });

  it("locks a client address after ten failures across any accounts, for every account that has not signed in from it", async () => {
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

  it("does not let a success from an address wipe out that address's failures for other accounts", async () => {
    const ip = "192.0.2.90";
    const sprayer = uniqueEmail("sprayer");
    await createAccount(t.auth, { email: sprayer });
    for (let i = 0; i < LOCKOUT_THRESHOLD - 1; i++) await signIn(t.auth, uniqueEmail("target"), "Winter2024!Winter", ip);
    expect(await signIn(t.auth, sprayer, PASSWORD, ip)).toMatchObject({ ok: true });
    await signIn(t.auth, uniqueEmail("target"), "Winter2024!Winter", ip);
    const target = uniqueEmail("target");
    await createAccount(t.auth, { email: target });
    expect(await signIn(t.auth, target, PASSWORD, ip)).toMatchObject({ ok: false, code: "SIGN_IN_LOCKED" });
  });

  it("counts every client without an address the front server vouched for as one network, whatever headers it sends", async () => {
    const forged = (i: number) =>
      new Headers({ "x-forwarded-for": `198.18.${i}.1`, "x-real-ip": `198.18.${i}.2`, [CLIENT_ADDRESS_HEADER]: `198.18.${i}.3 ${"A".repeat(43)}` });
    for (let i = 0; i < LOCKOUT_THRESHOLD; i++) {
      expect(await signIn(t.auth, uniqueEmail("unknown"), WRONG, null, forged(i))).toMatchObject({ code: "INVALID_EMAIL_OR_PASSWORD" });
    }
    const email = uniqueEmail("unknown-owner");
    await createAccount(t.auth, { email });
    expect(await signIn(t.auth, email, PASSWORD, null, forged(99))).toMatchObject({ ok: false, code: "SIGN_IN_LOCKED" });
    // A signature for another address does not carry over either.
    const secret = (await t.auth.$context).secret;
    const replayed = signedClientAddress("198.18.200.1", secret).replace("198.18.200.1", "198.18.200.2");
    expect(await signIn(t.auth, email, PASSWORD, null, new Headers({ [CLIENT_ADDRESS_HEADER]: replayed }))).toMatchObject({ code: "SIGN_IN_LOCKED" });
    const [{ networks }] = await t.database.sql<{ networks: string[] }[]>`
      SELECT array_agg(DISTINCT network) AS networks FROM login_attempt WHERE email LIKE 'unknown-%'`;
    expect(networks).toEqual(["unknown"]);
  });

  it("counts IPv6 clients by their /64", async () => {
    const address = (i: number) => `2001:db8:77:1:${i.toString(16)}::1`;
    for (let i = 0; i < LOCKOUT_THRESHOLD; i++) await signIn(t.auth, uniqueEmail("v6"), WRONG, address(i));
    const email = uniqueEmail("v6-owner");
    await createAccount(t.auth, { email });
    expect(await signIn(t.auth, email, PASSWORD, "2001:db8:77:1:ffff:ffff:ffff:ffff")).toMatchObject({ ok: false, code: "SIGN_IN_LOCKED" });
    expect(await signIn(t.auth, email, PASSWORD, "2001:db8:77:2::1")).toMatchObject({ ok: true });
  });

  it("ends a lock 15 minutes after the tenth failure, and says how long is left", async () => {
    const email = uniqueEmail("waiting");
    await createAccount(t.auth, { email });
    // Ten failures, the last one 11 minutes ago: four minutes of the lock are left.
    await backdatedFailures(email, [20, 19, 18, 17, 16, 15, 14, 13, 12, 11]);
    expect(await signIn(t.auth, email, PASSWORD, freshAddress())).toMatchObject({
      ok: false,
      message: "Too many failed sign-ins for this account. For your security, sign-in is paused: try again in 4 minutes.",
    });

    const expired = uniqueEmail("expired");
    await createAccount(t.auth, { email: expired });
    await backdatedFailures(expired, [25, 24, 23, 22, 21, 20, 19, 18, 17, 16]);
    expect(await signIn(t.auth, expired, PASSWORD, freshAddress())).toMatchObject({ ok: true });
  });

  it(`needs the ten failures within ${LOCKOUT_WINDOW_MINUTES} minutes`, async () => {
    const email = uniqueEmail("spread");
    await createAccount(t.auth, { email });
    // Ten failures over 18 minutes: no 15-minute window holds more than eight.
    await backdatedFailures(email, [18, 16, 14, 12, 10, 8, 6, 4, 2, 0], "192.0.2.251");
    expect(await signIn(t.auth, email, PASSWORD, freshAddress())).toMatchObject({ ok: true });
  });

  it("records no attempt that was refused for another reason than a wrong password", async () => {
    const email = uniqueEmail("disabled");
    await createAccount(t.auth, { email });
    await t.prisma.user.update({ where: { email }, data: { banned: true } });
    for (let i = 0; i < LOCKOUT_THRESHOLD; i++) expect(await signIn(t.auth, email, PASSWORD, "192.0.2.200")).toMatchObject({ ok: false, code: "BANNED_USER" });
    expect(await signIn(t.auth, "not an address", PASSWORD, "192.0.2.200")).toMatchObject({ ok: false, code: "INVALID_EMAIL" });
    expect(await outcomes({ ip: "192.0.2.200" })).toEqual({});
    await t.prisma.user.update({ where: { email }, data: { banned: false } });
    expect(await signIn(t.auth, email, PASSWORD, "192.0.2.200")).toMatchObject({ ok: true });
  });

  it("refuses an over-long e-mail address or password with a 400 naming the field, and records nothing", async () => {
    const ip = freshAddress();
    const longEmail = `${"a".repeat(EMAIL_MAX_LENGTH)}@example.org`;
    expect(await signIn(t.auth, longEmail, PASSWORD, ip)).toEqual({
      ok: false,
      status: 400,
      code: "INVALID_SIGN_IN_FIELD",
      message: `The e-mail address must be at most ${EMAIL_MAX_LENGTH} characters long.`,
    });
    expect(await signIn(t.auth, `${"a".repeat(100_000)}@example.org`, PASSWORD, ip)).toMatchObject({ status: 400, code: "INVALID_SIGN_IN_FIELD" });
    expect(await signIn(t.auth, uniqueEmail("long"), "p".repeat(PASSWORD_MAX_LENGTH + 1), ip)).toEqual({
      ok: false,
      status: 400,
      code: "INVALID_SIGN_IN_FIELD",
      message: `The password must be at most ${PASSWORD_MAX_LENGTH} characters long.`,
    });
    expect(await outcomes({ ip })).toEqual({});
  });

  it("forgets failures older than a day as new attempts arrive, and successes after 30 days", async () => {
    const email = uniqueEmail("old");
    await backdatedFailures(email, [60 * 25, 60 * 30]);
    await t.database.sql`
      INSERT INTO login_attempt (email, ip, network, outcome, created_at) VALUES
        (${email}, '192.0.2.252', '192.0.2.252', 'succeeded', now() - interval '29 days'),
        (${email}, '192.0.2.253', '192.0.2.253', 'succeeded', now() - interval '31 days')`;
    await signIn(t.auth, email, WRONG, freshAddress());
    const kept = await t.database.sql<{ network: string; outcome: string }[]>`
      SELECT network, outcome::text FROM login_attempt WHERE email = ${email} AND created_at < now() - interval '1 day'`;
    expect(kept).toEqual([{ network: "192.0.2.252", outcome: "succeeded" }]);
  });
});

describe("Sign-in tried all at once", () => {
  it("records each of 50 simultaneous wrong passwords, lets exactly ten be checked, and then refuses the right one", async () => {
    const email = uniqueEmail("burst");
    const ip = freshAddress();
    await createAccount(t.auth, { email });
    const burst = await Promise.all(Array.from({ length: 50 }, () => signIn(t.auth, email, WRONG, ip)));
    const codes = burst.map((outcome) => (outcome.ok ? "signed in" : outcome.code));
    expect(codes.filter((code) => code === "INVALID_EMAIL_OR_PASSWORD")).toHaveLength(LOCKOUT_THRESHOLD);
    expect(codes.filter((code) => code === "SIGN_IN_LOCKED")).toHaveLength(50 - LOCKOUT_THRESHOLD);
    expect(await outcomes({ email })).toEqual({ failed: LOCKOUT_THRESHOLD, refused: 50 - LOCKOUT_THRESHOLD });
    expect(await signIn(t.auth, email, PASSWORD, ip)).toMatchObject({ ok: false, code: "SIGN_IN_LOCKED" });
  });
});

describe("The global limit", () => {
  let g: TestAuth;
  beforeAll(async () => {
    g = await createTestAuth({});
  });
  afterAll(async () => {
    await g?.close();
  });

  it(`pauses sign-in from unfamiliar networks after ${GLOBAL_FAILURES_PER_MINUTE} failures in a minute from anywhere, but not the owner's`, async () => {
    const owner = uniqueEmail("global-owner");
    await createAccount(g.auth, { email: owner });
    expect(await signIn(g.auth, owner, PASSWORD, "198.51.100.200")).toMatchObject({ ok: true });
    // A botnet: each failure from an address, and at an account, of its own.
    for (let i = 0; i < GLOBAL_FAILURES_PER_MINUTE; i++) {
      expect(await signIn(g.auth, uniqueEmail("global"), WRONG, `100.64.${i}.1`)).toMatchObject({ code: "INVALID_EMAIL_OR_PASSWORD" });
    }
    const stranger = await signIn(g.auth, uniqueEmail("global"), WRONG, "100.65.0.1");
    expect(stranger).toMatchObject({ ok: false, code: "SIGN_IN_LOCKED", message: "Too many failed sign-ins on this site just now. For your security, sign-in is paused: try again in 1 minute." });
    expect(await signIn(g.auth, owner, PASSWORD, "198.51.100.200")).toMatchObject({ ok: true });
  });
});

describe("Calling the endpoint without the form", () => {
  it("applies the same limits to a body that is not the form's", async () => {
    const outcome = await signInWith(t.auth, { email: "", password: "" }, new Headers());
    expect(outcome).toMatchObject({ ok: false, status: 400, code: "INVALID_SIGN_IN_FIELD", message: "Enter your e-mail address." });
  });
});
