// Staff accounts: the list, and the admin's changes to it. Creating an account goes
// through better-auth (it hashes the password, and the policy hook checks it once more).
// Role and status changes are ours, each in one transaction under one lock, because
// their rules span rows: an admin cannot demote or disable themselves, and the last
// enabled admin cannot be demoted or disabled, even by two admins acting at once.
import "server-only";

import { isAPIError } from "better-auth/api";

import { fieldProblems, NewStaffUserSchema, AccountStatusChangeSchema, RoleChangeSchema } from "@/lib/auth/schema";
import type { StaffRole } from "@/lib/auth/roles";
import type { Auth } from "@/lib/auth/server";
import type { Staff } from "@/lib/auth/session";
import type { PrismaClient } from "@/lib/generated/prisma/client";

export interface StaffAccount {
  id: string;
  name: string;
  email: string;
  role: StaffRole;
  enabled: boolean;
  createdAt: Date;
}

export type AccountChange =
  | { ok: true; message: string }
  /** Problems by form field (name, email, role, password). */
  | { ok: false; problems: Record<string, string> }
  | { ok: false; message: string };

// Any constant works, as long as nothing else locks it: serializes changes to accounts.
const ACCOUNTS_LOCK_KEY = 6_004_072_018;

export async function listStaffAccounts(prisma: PrismaClient): Promise<StaffAccount[]> {
  const users = await prisma.user.findMany({
    select: { id: true, name: true, email: true, role: true, banned: true, createdAt: true },
    orderBy: [{ banned: "asc" }, { name: "asc" }, { email: "asc" }],
  });
  return users.map(({ banned, ...user }) => ({ ...user, enabled: !banned }));
}

export async function countEnabledAdmins(prisma: PrismaClient): Promise<number> {
  return prisma.user.count({ where: { role: "admin", banned: false } });
}

/** A new account that can sign in at once with the given password. */
export async function createStaffAccount(auth: Auth, input: unknown): Promise<AccountChange> {
  const parsed = NewStaffUserSchema.safeParse(input);
  if (!parsed.success) return { ok: false, problems: fieldProblems(parsed.error) };
  const { name, email, role, password } = parsed.data;
  try {
    // No request headers: a trusted server call, which the admin plugin allows without a session.
    await auth.api.createUser({ body: { name, email, role, password } });
  } catch (error) {
    if (isAPIError(error) && error.body?.code === "USER_ALREADY_EXISTS_USE_ANOTHER_EMAIL") {
      return { ok: false, problems: { email: "is already used by another account" } };
    }
    if (isAPIError(error) && error.body?.code === "WEAK_PASSWORD") return { ok: false, problems: { password: error.message } };
    throw error;
  }
  return { ok: true, message: `${name} (${email}) can now sign in as ${AS_ROLE[role]}.` };
}

export async function changeStaffRole(prisma: PrismaClient, actor: Staff, input: unknown): Promise<AccountChange> {
  const parsed = RoleChangeSchema.safeParse(input);
  if (!parsed.success) return { ok: false, problems: fieldProblems(parsed.error) };
  const { userId, role } = parsed.data;
  return prisma.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(${ACCOUNTS_LOCK_KEY}::bigint)`;
    const user = await tx.user.findUnique({ where: { id: userId }, select: { id: true, name: true, role: true, banned: true } });
    if (!user) return { ok: false, message: "That account no longer exists." };
    const label = AS_ROLE[role];
    if (user.role === role) return { ok: true, message: `${user.name} is already ${label}.` };
    if (user.id === actor.id) return { ok: false, message: "You cannot change your own role. Ask another admin." };
    if (user.role === "admin" && !user.banned && (await tx.user.count({ where: { role: "admin", banned: false } })) <= 1) {
      return { ok: false, message: `${user.name} is the last enabled admin. Make someone else an admin first.` };
    }
    await tx.user.update({ where: { id: userId }, data: { role } });
    return { ok: true, message: `${user.name} is now ${label}.` };
  });
}

/** Disabling ends the account's sessions in the same transaction: it loses access at once. */
export async function setStaffAccountEnabled(prisma: PrismaClient, actor: Staff, input: unknown): Promise<AccountChange> {
  const parsed = AccountStatusChangeSchema.safeParse(input);
  if (!parsed.success) return { ok: false, problems: fieldProblems(parsed.error) };
  const { userId, enabled } = parsed.data;
  return prisma.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(${ACCOUNTS_LOCK_KEY}::bigint)`;
    const user = await tx.user.findUnique({ where: { id: userId }, select: { id: true, name: true, role: true, banned: true } });
    if (!user) return { ok: false, message: "That account no longer exists." };
    if (user.banned === !enabled) return { ok: true, message: `${user.name} is already ${enabled ? "enabled" : "disabled"}.` };
    if (!enabled) {
      if (user.id === actor.id) return { ok: false, message: "You cannot disable your own account. Ask another admin." };
      if (user.role === "admin" && (await tx.user.count({ where: { role: "admin", banned: false } })) <= 1) {
        return { ok: false, message: `${user.name} is the last enabled admin. Make someone else an admin first.` };
      }
    }
    await tx.user.update({
      where: { id: userId },
      data: enabled ? { banned: false, banReason: null, banExpires: null } : { banned: true, banReason: `Disabled by ${actor.name}` },
    });
    if (enabled) return { ok: true, message: `${user.name} can sign in again.` };
    const { count } = await tx.session.deleteMany({ where: { userId } });
    return { ok: true, message: `${user.name} is disabled and cannot sign in${count ? `; ${count === 1 ? "their session has" : `their ${count} sessions have`} ended` : ""}.` };
  });
}

const AS_ROLE: Record<StaffRole, string> = { admin: "an admin", editor: "an editor" };
