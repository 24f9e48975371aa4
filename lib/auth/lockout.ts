// Failed sign-ins lock the e-mail address and, separately, the client address: ten
// failures within 15 minutes lock it for the 15 minutes after the tenth. A lock refuses
// even the right password, so that guessing gains nothing while it lasts. Tries refused
// by a lock are not recorded, so a lock ends on time however long the guessing goes on;
// nor are those refused for a disabled account or a malformed address, which guess nothing.
//
// Per account, only the failures since the account's last successful sign-in count: a
// person who mistyped nine times and then got in starts afresh. Per address, every
// failure counts, whichever account it tried, which slows trying one password on many
// accounts. Attempts are counted by the e-mail typed, whether or not an account has it,
// so a lock says nothing about which accounts exist.
//
// Enforced by better-auth hooks around its sign-in endpoint (lib/auth/server.ts), so it
// holds whatever calls sign-in. docs/decisions/006-accounts-and-sessions.md.
import "server-only";

import type { PrismaClient } from "@/lib/generated/prisma/client";

export const LOCKOUT_THRESHOLD = 10;
export const LOCKOUT_WINDOW_MINUTES = 15;
export const LOCKOUT_MINUTES = 15;
/** Older attempts can no longer lock anything; they are deleted as new ones arrive. */
export const ATTEMPT_RETENTION_HOURS = 24;

export interface AttemptSource {
  /** Trimmed and lower-cased. */
  email: string;
  /** Null when the client's address could not be told; then only the account is limited. */
  ip: string | null;
}

export interface Lock {
  scope: "account" | "address";
  until: Date;
  /** Whole minutes left, at least 1. */
  minutesLeft: number;
}

export class SignInLockedError extends Error {
  constructor(readonly lock: Lock) {
    super(lockMessage(lock));
  }
}

export function lockMessage(lock: Lock): string {
  const minutes = `${lock.minutesLeft} minute${lock.minutesLeft === 1 ? "" : "s"}`;
  const whose = lock.scope === "account" ? "for this account" : "from your network address";
  return `Too many failed sign-ins ${whose}. For your security, sign-in is paused: try again in ${minutes}.`;
}

export function normalizeEmail(email: unknown): string {
  return typeof email === "string" ? email.trim().toLowerCase() : "";
}

/** The lock on this e-mail address or client address now in force, the account's first; null when there is none. */
export async function findLock(prisma: PrismaClient, source: AttemptSource): Promise<Lock | null> {
  const [row] = await prisma.$queryRaw<{ scope: Lock["scope"]; until: Date; seconds_left: number }[]>`
    WITH recent AS (
      SELECT 'account' AS scope, created_at FROM login_attempt
      WHERE email = ${source.email} AND NOT succeeded
        AND created_at > now() - make_interval(mins => ${LOCKOUT_WINDOW_MINUTES + LOCKOUT_MINUTES}::int)
        AND created_at > coalesce(
          (SELECT max(created_at) FROM login_attempt WHERE email = ${source.email} AND succeeded), '-infinity')
      UNION ALL
      SELECT 'address', created_at FROM login_attempt
      WHERE ip = ${source.ip} AND NOT succeeded
        AND created_at > now() - make_interval(mins => ${LOCKOUT_WINDOW_MINUTES + LOCKOUT_MINUTES}::int)
    ),
    counted AS (
      -- For each failure, how many failures of the same scope the window ending at it holds.
      SELECT scope, created_at, count(*) OVER (
        PARTITION BY scope ORDER BY created_at
        RANGE BETWEEN make_interval(mins => ${LOCKOUT_WINDOW_MINUTES}::int) PRECEDING AND CURRENT ROW
      ) AS failures
      FROM recent
    ),
    locks AS (
      SELECT scope, max(created_at) + make_interval(mins => ${LOCKOUT_MINUTES}::int) AS until
      FROM counted WHERE failures >= ${LOCKOUT_THRESHOLD}::int GROUP BY scope
    )
    SELECT scope, until, extract(epoch FROM until - now())::float8 AS seconds_left
    FROM locks WHERE until > now()
    ORDER BY scope = 'account' DESC
    LIMIT 1`;
  if (!row) return null;
  return { scope: row.scope, until: row.until, minutesLeft: Math.max(1, Math.ceil(row.seconds_left / 60)) };
}

/** Records one sign-in attempt, and deletes the attempts too old to matter. */
export async function recordAttempt(prisma: PrismaClient, source: AttemptSource, succeeded: boolean): Promise<void> {
  await prisma.$transaction([
    prisma.loginAttempt.create({ data: { email: source.email, ip: source.ip, succeeded } }),
    prisma.$executeRaw`DELETE FROM login_attempt WHERE created_at < now() - make_interval(hours => ${ATTEMPT_RETENTION_HOURS}::int)`,
  ]);
}
