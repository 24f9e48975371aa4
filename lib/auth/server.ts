// Docketline's better-auth: e-mail and password sign-in, sessions stored in the database,
// roles and disabled accounts from its admin plugin, and two hooks of ours around its
// endpoints, the lockout of repeated failures and the password policy, so that they
// hold whatever calls those endpoints. Its HTTP handler is not mounted: the app calls
// `auth.api.*` from server actions only (docs/decisions/006-accounts-and-sessions.md).
import "server-only";

import { betterAuth } from "better-auth";
import { prismaAdapter } from "better-auth/adapters/prisma";
import { APIError, createAuthMiddleware, getIP, getSessionFromCtx, isAPIError } from "better-auth/api";
import { nextCookies } from "better-auth/next-js";
import { admin } from "better-auth/plugins/admin";
import { adminAc, userAc } from "better-auth/plugins/admin/access";

import { findLock, lockMessage, normalizeEmail, recordAttempt, type AttemptSource } from "@/lib/auth/lockout";
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH, passwordProblem } from "@/lib/auth/password";
import { getEnv } from "@/lib/env";
import type { PrismaClient } from "@/lib/generated/prisma/client";

export const SIGN_IN_PATH = "/sign-in/email";

/** Every better-auth endpoint that stores a password; the policy hook checks each. */
const PASSWORD_PATHS = new Set(["/sign-up/email", "/admin/create-user", "/admin/set-user-password", "/change-password", "/reset-password", "/set-password"]);

export const DISABLED_ACCOUNT_MESSAGE = "This account is disabled. Ask an admin to enable it again.";

export interface AuthSettings {
  prisma: PrismaClient;
  secret: string;
  /** The site's origin; better-auth builds absolute URLs from it. */
  baseURL: string;
  /** Secure cookies (with the __Secure- prefix): over HTTPS only. */
  secureCookies: boolean;
}

export function createAuth({ prisma, secret, baseURL, secureCookies }: AuthSettings) {
  return betterAuth({
    appName: "Docketline",
    baseURL,
    secret,
    database: prismaAdapter(prisma, { provider: "postgresql", transaction: true }),
    emailAndPassword: {
      enabled: true,
      // Accounts are made by admins (the users page) or `npm run user:create`.
      disableSignUp: true,
      minPasswordLength: PASSWORD_MIN_LENGTH,
      maxPasswordLength: PASSWORD_MAX_LENGTH,
    },
    // Every request reads the session and its user from the database (no cookie cache),
    // so signing out, a disabled account or a new role takes effect at once.
    session: { expiresIn: 60 * 60 * 24 * 7, updateAge: 60 * 60 * 24 },
    advanced: { useSecureCookies: secureCookies, cookiePrefix: "docketline" },
    telemetry: { enabled: false },
    // Failed sign-ins are expected, and recorded in login_attempt; only real errors are worth a log line.
    logger: { level: "error" },
    hooks: {
      before: createAuthMiddleware(async (ctx) => {
        if (ctx.path === SIGN_IN_PATH) {
          const lock = await findLock(prisma, attemptSource(ctx));
          if (lock) throw APIError.from("TOO_MANY_REQUESTS", { code: "SIGN_IN_LOCKED", message: lockMessage(lock) });
        }
        if (PASSWORD_PATHS.has(ctx.path)) {
          const body = (ctx.body ?? {}) as Record<string, unknown>;
          const problem = passwordProblem(body.newPassword ?? body.password, { email: await emailFor(ctx, body) });
          if (problem) throw APIError.from("BAD_REQUEST", { code: "WEAK_PASSWORD", message: `The password ${problem}.` });
        }
      }),
      after: createAuthMiddleware(async (ctx) => {
        if (ctx.path !== SIGN_IN_PATH) return;
        const returned = ctx.context.returned;
        // A wrong e-mail or password is a guess; a disabled account or a malformed
        // address is refused before or after any guessing, and locks nothing.
        if (!isAPIError(returned)) await recordAttempt(prisma, attemptSource(ctx), true);
        else if (returned.body?.code === "INVALID_EMAIL_OR_PASSWORD") await recordAttempt(prisma, attemptSource(ctx), false);
      }),
    },
    plugins: [
      admin({
        defaultRole: "editor",
        adminRoles: ["admin"],
        roles: { admin: adminAc, editor: userAc },
        bannedUserMessage: DISABLED_ACCOUNT_MESSAGE,
      }),
      // Last, as better-auth asks: it copies the cookies endpoints set onto the server action's response.
      nextCookies(),
    ],
  });
}

export type Auth = ReturnType<typeof createAuth>;

type HookContext = Parameters<Parameters<typeof createAuthMiddleware>[0]>[0];

function attemptSource(ctx: HookContext): AttemptSource {
  const body = (ctx.body ?? {}) as Record<string, unknown>;
  return { email: normalizeEmail(body.email), ip: ctx.headers ? getIP(ctx.headers, ctx.context.options) : null };
}

/** The e-mail address of the account whose password is being set, to refuse it as the password. */
async function emailFor(ctx: HookContext, body: Record<string, unknown>): Promise<string | null> {
  if (typeof body.email === "string") return body.email;
  if (typeof body.userId === "string") return (await ctx.context.internalAdapter.findUserById(body.userId))?.email ?? null;
  return (await getSessionFromCtx(ctx).catch(() => null))?.user.email ?? null;
}

const instances = new WeakMap<PrismaClient, Map<boolean, Auth>>();

/**
 * The better-auth instance over `prisma` (the app's client, or a script's), one per
 * client and cookie security, configured from the environment. The launcher
 * (scripts/start.mts) hands the Next.js server BETTER_AUTH_SECRET; scripts pass the
 * secret from lib/auth/secret.ts.
 */
export function authFor(prisma: PrismaClient, options: { secure?: boolean; secret?: string } = {}): Auth {
  const env = getEnv();
  const secureCookies = options.secure === true || env.DOCKETLINE_PUBLIC_URL?.startsWith("https:") === true;
  let byCookies = instances.get(prisma);
  if (!byCookies) instances.set(prisma, (byCookies = new Map()));
  let auth = byCookies.get(secureCookies);
  if (!auth) {
    const secret = options.secret ?? env.BETTER_AUTH_SECRET;
    if (!secret) throw new Error("BETTER_AUTH_SECRET is not set: start Docketline with `npm start`.");
    auth = createAuth({ prisma, secret, secureCookies, baseURL: env.DOCKETLINE_PUBLIC_URL ?? `http://localhost:${env.PORT}` });
    byCookies.set(secureCookies, auth);
  }
  return auth;
}

/** Whether the request reached us over HTTPS; Next.js (or a proxy before it) says so in X-Forwarded-Proto. */
export function isHttpsRequest(headers: Headers): boolean {
  return headers.get("x-forwarded-proto")?.split(",")[0].trim().toLowerCase() === "https";
}
