// The one password policy, for every path that sets a password: `npm run user:create`,
// the admin's "create user" form, and better-auth itself (a hook in lib/auth/server.ts),
// so that no path can store a weak one. Length over composition rules, and a refusal of
// the passwords attackers try first (NIST SP 800-63B, 5.1.1.2).
import "server-only";

import { dictionary } from "@zxcvbn-ts/language-common";
import { z } from "zod";

import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from "@/lib/auth/field-lengths";

let commonPasswords: Set<string> | undefined;

/** Whether the password (in any letter case) is among the ~50,000 most common ones of zxcvbn's list. */
export function isCommonPassword(password: string): boolean {
  commonPasswords ??= new Set(dictionary["passwords-common"]);
  return commonPasswords.has(password.toLowerCase());
}

export const PasswordSchema = z
  .string({ error: "is required" })
  .min(PASSWORD_MIN_LENGTH, `must be at least ${PASSWORD_MIN_LENGTH} characters long`)
  .max(PASSWORD_MAX_LENGTH, `must be at most ${PASSWORD_MAX_LENGTH} characters long`)
  .refine((password) => !isCommonPassword(password), "is one of the most common passwords; choose one that is hard to guess");

/**
 * What is wrong with `password` for the account `email`, as one sentence fragment
 * ("must be at least 12 characters long"), or null when it is acceptable.
 */
export function passwordProblem(password: unknown, context: { email?: string | null } = {}): string | null {
  const parsed = PasswordSchema.safeParse(password);
  if (!parsed.success) return parsed.error.issues[0].message;
  const email = context.email?.trim().toLowerCase();
  if (email && parsed.data.trim().toLowerCase() === email) return "must not be the account's e-mail address";
  return null;
}
