// Docketline's better-auth: e-mail and password sign-in, sessions stored in the database,
// roles and disabled accounts from its admin plugin, and two hooks of ours around its
// endpoints, the sign-in limits (lib/auth/lockout.ts) and the password policy, so that they
// hold whatever calls those endpoints. Its HTTP handler is not mounted: the app calls
// `auth.api.*` from server actions only (docs/decisions/006-accounts-and-sessions.md).
import "server-only";

import { betterAuth } from "better-auth";
import { prismaAdapter } from "better-auth/adapters/prisma";
import { APIError, createAuthMiddleware, getSessionFromCtx, isAPIError } from "better-auth/api";
import { nextCookies } from "better-auth/next-js";
import { admin } from "better-auth/plugins/admin";
import { adminAc, userAc } from "better-auth/plugins/admin/access";

import { readClientAddress } from "@/lib/auth/client-address";
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from "@/lib/auth/field-lengths";
import { beginAttempt, endAttempt, lockMessage, normalizeEmail, SIGN_IN_LIMITS, type AttemptSource, type SignInLimits } from "@/lib/auth/lockout";
import { passwordProblem } from "@/lib/auth/password";
import { SignInSchema } from "@/lib/auth/schema";
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
  /** The sign-in limits; tests lower or raise one at a time. */
  signInLimits?: SignInLimits;
}

export function createAuth({ prisma, secret, baseURL, secureCookies, signInLimits = SIGN_IN_LIMITS }: AuthSettings) {
  // The try that each sign-in's before hook recorded, for its after hook to end: keyed
  // by the endpoint context, one object per call that both hooks see.
  const attempts = new WeakMap<object, bigint>();
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
          // The form's own limits, for any caller: no length reaches the database or the hash.
          const fields = SignInSchema.safeParse(ctx.body ?? {});
          if (!fields.success) throw APIError.from("BAD_REQUEST", { code: "INVALID_SIGN_IN_FIELD", message: fields.error.issues[0].message });
          const attempt = await beginAttempt(prisma, attemptSource(ctx), signInLimits);
          if (attempt.refused) throw APIError.from("TOO_MANY_REQUESTS", { code: "SIGN_IN_LOCKED", message: lockMessage(attempt.refused) });
          attempts.set(ctx.context, attempt.id);
        }
        if (PASSWORD_PATHS.has(ctx.path)) {
          const body = (ctx.body ?? {}) as Record<string, unknown>;
          const problem = passwordProblem(body.newPassword ?? body.password, { email: await emailFor(ctx, body) });
          if (problem) throw APIError.from("BAD_REQUEST", { code: "WEAK_PASSWORD", message: `The password ${problem}.` });
        }
      }),
      after: createAuthMiddleware(async (ctx) => {
        const id = ctx.path === SIGN_IN_PATH ? attempts.get(ctx.context) : undefined;
        if (id === undefined) return;
        attempts.delete(ctx.context);
        const returned = ctx.context.returned;
        // A wrong e-mail or password is a guess; a disabled account or a malformed
        // address is refused before or after any guessing, and locks nothing.
        if (!isAPIError(returned)) await endAttempt(prisma, id, "succeeded");
        else if (returned.body?.code !== "INVALID_EMAIL_OR_PASSWORD") await endAttempt(prisma, id, "not-a-guess");
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

/** The e-mail typed, and the client address that the front server signed (lib/auth/client-address.ts); never X-Forwarded-For as sent. */
function attemptSource(ctx: HookContext): AttemptSource {
  const body = (ctx.body ?? {}) as Record<string, unknown>;
  return { email: normalizeEmail(body.email), ip: readClientAddress(ctx.headers, ctx.context.secret) };
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
