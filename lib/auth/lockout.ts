// The sign-in limits (docs/decisions/010-sign-in-limits.md). Every try is recorded
// before its password is checked, in the same transaction as the check of the limits
// and under one lock, so that tries made at once are counted one after another: the
// eleventh of fifty simultaneous guesses already sees ten, and is refused.
//
// An account is locked per network (an IPv4 address, an IPv6 /64, or the one unknown
// network): a network it has signed in from in the last 30 days is familiar to it, and
// only the account's own failures from there, since its last success there, can lock it
// there. Every other network shares one count for the account. So a stranger who guesses
// a staff member's e-mail address locks out strangers, not the staff member at their
// usual desk. Tries from unfamiliar networks are limited three more ways: per network,
// whichever accounts it tries (against trying one password on many accounts); and
// globally, all failures together (against guessing spread over many networks).
//
// A lock refuses even the right password, so that guessing gains nothing while it
// lasts. Refused tries are recorded as refused, not as failures: a lock ends on time
// however long the guessing goes on. Attempts are counted by the e-mail typed, whether
// or not an account has it, so a lock says nothing about which accounts exist.
//
// Enforced by better-auth hooks around its sign-in endpoint (lib/auth/server.ts), so it
// holds whatever calls sign-in.
import "server-only";

import { networkOf } from "@/lib/auth/client-address";
import type { PrismaClient } from "@/lib/generated/prisma/client";

export const LOCKOUT_THRESHOLD = 10;
export const LOCKOUT_WINDOW_MINUTES = 15;
export const LOCKOUT_MINUTES = 15;
/** Failed sign-ins per minute, all networks and accounts together, above which unfamiliar networks wait a minute. */
export const GLOBAL_FAILURES_PER_MINUTE = 30;
/** How long a network where an account signed in stays familiar to it. */
export const FAMILIAR_NETWORK_DAYS = 30;
/** Failures and refusals older than this can no longer lock anything; they are deleted as new ones arrive. */
export const ATTEMPT_RETENTION_HOURS = 24;

export interface SignInLimits {
  threshold: number;
  windowMinutes: number;
  lockMinutes: number;
  globalFailuresPerMinute: number;
}

export const SIGN_IN_LIMITS: SignInLimits = {
  threshold: LOCKOUT_THRESHOLD,
  windowMinutes: LOCKOUT_WINDOW_MINUTES,
  lockMinutes: LOCKOUT_MINUTES,
  globalFailuresPerMinute: GLOBAL_FAILURES_PER_MINUTE,
};

// Any constant works, as long as nothing else locks it: serializes the check and record of sign-in attempts.
const SIGN_IN_LOCK_KEY = 10_010_062_018;

export interface AttemptSource {
  /** Trimmed and lower-cased. */
  email: string;
  /** The client's address; null when it could not be told (then it counts as the unknown network). */
  ip: string | null;
}

export interface Lock {
  /** "account": this account, from this network or from every unfamiliar one; "network": every account from this network; "global": every unfamiliar network. */
  scope: "account" | "network" | "global";
  until: Date;
  /** Whole minutes left, at least 1. */
  minutesLeft: number;
}

export type Attempt = { refused: Lock } | { refused: null; id: bigint };

/** How a try that was let through ended: a failure stays counted; "not-a-guess" (a disabled account, a malformed address) counts nothing. */
export type AttemptEnd = "succeeded" | "failed" | "not-a-guess";

export function lockMessage(lock: Lock): string {
  const minutes = `${lock.minutesLeft} minute${lock.minutesLeft === 1 ? "" : "s"}`;
  const whose = { account: "for this account", network: "from your network address", global: "on this site just now" }[lock.scope];
  return `Too many failed sign-ins ${whose}. For your security, sign-in is paused: try again in ${minutes}.`;
}

export function normalizeEmail(email: unknown): string {
  return typeof email === "string" ? email.trim().toLowerCase() : "";
}

/**
 * Checks the limits for a try and records it, atomically: refused (with the lock in
 * force) or let through, counted as a failure until endAttempt says otherwise.
 */
export async function beginAttempt(prisma: PrismaClient, source: AttemptSource, limits: SignInLimits = SIGN_IN_LIMITS): Promise<Attempt> {
  const network = networkOf(source.ip);
  const [, [row]] = await prisma.$transaction([
    // Every limit includes counts that any other try changes (the global one, all of
    // them): one lock for all, held only for this check and insert, never while a
    // password is hashed. In READ COMMITTED the next statement sees every try
    // committed before the lock was granted.
    prisma.$executeRaw`SELECT pg_advisory_xact_lock(${SIGN_IN_LOCK_KEY}::bigint)`,
    prisma.$queryRaw<{ id: bigint; scope: Lock["scope"] | null; until: Date | null; seconds_left: number | null }[]>`
      WITH familiar AS (
        -- The networks this e-mail address signed in from lately; the unknown one never is.
        SELECT DISTINCT network FROM login_attempt
        WHERE email = ${source.email} AND outcome = 'succeeded' AND network <> 'unknown'
          AND created_at > now() - make_interval(days => ${FAMILIAR_NETWORK_DAYS}::int)
      ),
      here AS (
        SELECT EXISTS (SELECT 1 FROM familiar WHERE network = ${network}) AS familiar,
          coalesce((SELECT max(created_at) FROM login_attempt
                    WHERE email = ${source.email} AND network = ${network} AND outcome = 'succeeded'), '-infinity') AS last_success
      ),
      failures AS (
        SELECT email, network, created_at FROM login_attempt
        WHERE outcome = 'failed' AND created_at > now() - make_interval(mins => ${limits.windowMinutes + limits.lockMinutes}::int)
      ),
      recent AS (
        -- From a familiar network, the account's own failures there since its last success there; that is all.
        SELECT 'account' AS scope, f.created_at FROM failures f, here
        WHERE here.familiar AND f.email = ${source.email} AND f.network = ${network} AND f.created_at > here.last_success
        UNION ALL
        -- From any other, the account's failures from every network not familiar to it,
        SELECT 'account', f.created_at FROM failures f, here
        WHERE NOT here.familiar AND f.email = ${source.email} AND f.network NOT IN (SELECT network FROM familiar)
        UNION ALL
        -- this network's failures, whichever account they tried,
        SELECT 'network', f.created_at FROM failures f, here
        WHERE NOT here.familiar AND f.network = ${network}
        UNION ALL
        -- and everyone's.
        SELECT 'global', f.created_at FROM failures f, here
        WHERE NOT here.familiar AND f.created_at > now() - interval '2 minutes'
      ),
      counted AS (
        -- For each failure, how many of the same scope its window holds.
        SELECT scope, created_at,
          count(*) OVER (PARTITION BY scope ORDER BY created_at
            RANGE BETWEEN make_interval(mins => ${limits.windowMinutes}::int) PRECEDING AND CURRENT ROW) AS in_window,
          count(*) OVER (PARTITION BY scope ORDER BY created_at
            RANGE BETWEEN interval '1 minute' PRECEDING AND CURRENT ROW) AS in_minute
        FROM recent
      ),
      locks AS (
        SELECT scope, max(created_at) + CASE scope WHEN 'global' THEN interval '1 minute'
                                              ELSE make_interval(mins => ${limits.lockMinutes}::int) END AS until
        FROM counted
        WHERE CASE scope WHEN 'global' THEN in_minute >= ${limits.globalFailuresPerMinute}::int
                         ELSE in_window >= ${limits.threshold}::int END
        GROUP BY scope
      ),
      lock AS (
        SELECT scope, until, extract(epoch FROM until - now())::float8 AS seconds_left
        FROM locks WHERE until > now()
        ORDER BY array_position(ARRAY['account', 'network', 'global'], scope)
        LIMIT 1
      ),
      attempt AS (
        INSERT INTO login_attempt (email, ip, network, outcome)
        SELECT ${source.email}, ${source.ip}, ${network},
          CASE WHEN EXISTS (SELECT 1 FROM lock) THEN 'refused'::login_outcome ELSE 'failed'::login_outcome END
        RETURNING id
      )
      SELECT attempt.id, lock.scope, lock.until, lock.seconds_left FROM attempt LEFT JOIN lock ON true`,
    prisma.$executeRaw`
      DELETE FROM login_attempt
      WHERE created_at < now() - make_interval(hours => ${ATTEMPT_RETENTION_HOURS}::int)
        AND (outcome <> 'succeeded' OR created_at < now() - make_interval(days => ${FAMILIAR_NETWORK_DAYS}::int))`,
  ]);
  if (row.scope === null || row.until === null || row.seconds_left === null) return { refused: null, id: row.id };
  return { refused: { scope: row.scope, until: row.until, minutesLeft: Math.max(1, Math.ceil(row.seconds_left / 60)) } };
}

/** Records how a try that beginAttempt let through ended. */
export async function endAttempt(prisma: PrismaClient, id: bigint, end: AttemptEnd): Promise<void> {
  if (end === "succeeded") await prisma.loginAttempt.update({ where: { id }, data: { outcome: "succeeded" } });
  else if (end === "not-a-guess") await prisma.loginAttempt.delete({ where: { id } });
}
