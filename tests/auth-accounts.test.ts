// What admins do to accounts (lib/auth/users.ts), against a real database: roles and
// disabling, the rules that keep an admin in charge, and sessions ending at once.
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { StaffRole } from "@/lib/auth/roles";
import type { Staff } from "@/lib/auth/session";
import { DISABLED_ACCOUNT_MESSAGE } from "@/lib/auth/server";
import { changeStaffRole, countEnabledAdmins, createStaffAccount, listStaffAccounts, setStaffAccountEnabled } from "@/lib/auth/users";

import { createAccount, createTestAuth, PASSWORD, signIn, uniqueEmail, type TestAuth } from "./support/staff-auth";

let t: TestAuth;

beforeAll(async () => {
  t = await createTestAuth();
});
afterAll(async () => {
  await t?.close();
});

async function staffNamed(label: string, role: StaffRole): Promise<Staff> {
  const email = uniqueEmail(label);
  await createAccount(t.auth, { email, role, name: `${label} person` });
  const user = await t.prisma.user.findUniqueOrThrow({ where: { email } });
  return { id: user.id, name: user.name, email: user.email, role };
}

/** Every account but these is disabled, so that "the last enabled admin" is about them alone. */
async function onlyEnabled(...staff: Staff[]) {
  await t.prisma.user.updateMany({ where: { id: { notIn: staff.map((s) => s.id) } }, data: { banned: true } });
}

async function sessionUser(cookie: string) {
  return (await t.auth.api.getSession({ headers: new Headers({ cookie }) }))?.user ?? null;
}

describe("Creating accounts", () => {
  it("creates an account from the admin's form, lower-casing the e-mail address", async () => {
    const email = uniqueEmail("Grace").replace("grace", "Grace");
    const result = await createStaffAccount(t.auth, { name: "  Grace Hopper ", email: `  ${email.toUpperCase()} `, role: "editor", password: PASSWORD });
    expect(result).toEqual({ ok: true, message: `Grace Hopper (${email.toLowerCase()}) can now sign in as an editor.` });
    const accounts = await listStaffAccounts(t.prisma);
    expect(accounts.find((a) => a.email === email.toLowerCase())).toMatchObject({ name: "Grace Hopper", role: "editor", enabled: true });
    expect(await signIn(t.auth, email.toLowerCase(), PASSWORD)).toMatchObject({ ok: true });
  });

  it("names each bad field, and refuses an e-mail address already in use", async () => {
    expect(await createStaffAccount(t.auth, { name: "", email: "not-an-address", role: "owner", password: "short" })).toEqual({
      ok: false,
      problems: {
        name: "is required",
        email: "must be an e-mail address, like ada@example.org",
        role: "must be one of admin, editor",
        password: "must be at least 12 characters long",
      },
    });
    const email = uniqueEmail("twice");
    await createAccount(t.auth, { email });
    expect(await createStaffAccount(t.auth, { name: "Again", email, role: "admin", password: PASSWORD })).toEqual({
      ok: false,
      problems: { email: "is already used by another account" },
    });
  });
});

describe("Changing roles", () => {
  it("makes an editor an admin and back, effective on the next request of their open session", async () => {
    const admin = await staffNamed("chief", "admin");
    const editor = await staffNamed("promoted", "editor");
    const session = await signIn(t.auth, editor.email, PASSWORD);
    if (!session.ok) throw new Error(session.message);

    expect(await changeStaffRole(t.prisma, admin, { userId: editor.id, role: "admin" })).toEqual({ ok: true, message: "promoted person is now an admin." });
    expect(await sessionUser(session.cookie)).toMatchObject({ id: editor.id, role: "admin" });
    expect(await changeStaffRole(t.prisma, admin, { userId: editor.id, role: "editor" })).toEqual({ ok: true, message: "promoted person is now an editor." });
    expect(await sessionUser(session.cookie)).toMatchObject({ id: editor.id, role: "editor" });
  });

  it("does not let admins change their own role", async () => {
    const admin = await staffNamed("self", "admin");
    await staffNamed("other-admin", "admin");
    expect(await changeStaffRole(t.prisma, admin, { userId: admin.id, role: "editor" })).toEqual({
      ok: false,
      message: "You cannot change your own role. Ask another admin.",
    });
    expect((await t.prisma.user.findUniqueOrThrow({ where: { id: admin.id } })).role).toBe("admin");
  });

  it("keeps the last enabled admin an admin", async () => {
    const first = await staffNamed("first", "admin");
    const second = await staffNamed("second", "admin");
    await onlyEnabled(first, second);
    expect(await changeStaffRole(t.prisma, first, { userId: second.id, role: "editor" })).toMatchObject({ ok: true });
    expect(await countEnabledAdmins(t.prisma)).toBe(1);
    // Two admins demoting each other at the same moment cannot leave none.
    const third = await staffNamed("third", "admin");
    await onlyEnabled(first, third);
    const results = await Promise.all([
      changeStaffRole(t.prisma, first, { userId: third.id, role: "editor" }),
      changeStaffRole(t.prisma, third, { userId: first.id, role: "editor" }),
    ]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.find((r) => !r.ok)).toMatchObject({ message: expect.stringMatching(/is the last enabled admin\. Make someone else an admin first\.$/) });
    expect(await countEnabledAdmins(t.prisma)).toBe(1);
  });

  it("refuses a role that does not exist, naming the field", async () => {
    const admin = await staffNamed("namer", "admin");
    const editor = await staffNamed("named", "editor");
    expect(await changeStaffRole(t.prisma, admin, { userId: editor.id, role: "owner" })).toEqual({ ok: false, problems: { role: "must be one of admin, editor" } });
  });
});

describe("Disabling accounts", () => {
  it("ends the account's sessions at once, and refuses it sign-in with a clear message until it is enabled again", async () => {
    const admin = await staffNamed("gatekeeper", "admin");
    const editor = await staffNamed("leaver", "editor");
    const first = await signIn(t.auth, editor.email, PASSWORD);
    const second = await signIn(t.auth, editor.email, PASSWORD, "198.51.100.2");
    if (!first.ok || !second.ok) throw new Error("sign-in failed");
    expect(await sessionUser(first.cookie)).toMatchObject({ id: editor.id });

    expect(await setStaffAccountEnabled(t.prisma, admin, { userId: editor.id, enabled: "false" })).toEqual({
      ok: true,
      message: "leaver person is disabled and cannot sign in; their 2 sessions have ended.",
    });
    expect(await t.prisma.session.count({ where: { userId: editor.id } })).toBe(0);
    expect(await sessionUser(first.cookie)).toBeNull();
    expect(await sessionUser(second.cookie)).toBeNull();
    expect(await signIn(t.auth, editor.email, PASSWORD)).toEqual({ ok: false, status: 403, code: "BANNED_USER", message: DISABLED_ACCOUNT_MESSAGE });
    expect((await listStaffAccounts(t.prisma)).find((a) => a.id === editor.id)).toMatchObject({ enabled: false });

    expect(await setStaffAccountEnabled(t.prisma, admin, { userId: editor.id, enabled: "true" })).toEqual({ ok: true, message: "leaver person can sign in again." });
    expect(await signIn(t.auth, editor.email, PASSWORD)).toMatchObject({ ok: true });
  });

  it("does not let admins disable themselves, nor anyone disable the last enabled admin", async () => {
    const admin = await staffNamed("lonely", "admin");
    expect(await setStaffAccountEnabled(t.prisma, admin, { userId: admin.id, enabled: "false" })).toEqual({
      ok: false,
      message: "You cannot disable your own account. Ask another admin.",
    });
    const other = await staffNamed("helper", "admin");
    await onlyEnabled(admin, other);
    expect(await setStaffAccountEnabled(t.prisma, other, { userId: admin.id, enabled: "false" })).toMatchObject({ ok: true });
    // `other` is now the only enabled admin; a stale form from `admin`'s old session must not remove them.
    expect(await setStaffAccountEnabled(t.prisma, admin, { userId: other.id, enabled: "false" })).toEqual({
      ok: false,
      message: "helper person is the last enabled admin. Make someone else an admin first.",
    });
    expect(await countEnabledAdmins(t.prisma)).toBe(1);
  });
});
