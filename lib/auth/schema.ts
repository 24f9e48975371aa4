// The shapes of the account forms and of `npm run user:create`, validated the same way
// by both. Messages complete a sentence that starts with the field's name.
import "server-only";

import { z } from "zod";

import { EMAIL_MAX_LENGTH, PASSWORD_MAX_LENGTH } from "@/lib/auth/field-lengths";
import { passwordProblem, PasswordSchema } from "@/lib/auth/password";
import { STAFF_ROLES } from "@/lib/auth/roles";

export const STAFF_NAME_MAX_LENGTH = 100;

export const StaffRoleSchema = z.enum(STAFF_ROLES, { error: `must be one of ${STAFF_ROLES.join(", ")}` });

/** Lower-cased, as better-auth stores and looks up e-mail addresses. */
export const EmailSchema = z
  .string({ error: "is required" })
  .trim()
  .toLowerCase()
  .min(1, "is required")
  .max(EMAIL_MAX_LENGTH, `must be at most ${EMAIL_MAX_LENGTH} characters long`)
  .pipe(z.email("must be an e-mail address, like ada@example.org"));

export const StaffNameSchema = z
  .string({ error: "is required" })
  .trim()
  .min(1, "is required")
  .max(STAFF_NAME_MAX_LENGTH, `must be at most ${STAFF_NAME_MAX_LENGTH} characters long`);

export const NewStaffUserSchema = z
  .object({
    name: StaffNameSchema,
    email: EmailSchema,
    role: StaffRoleSchema,
    password: PasswordSchema,
  })
  .superRefine((user, context) => {
    // The length and common-password checks ran above; this adds the one that needs the e-mail.
    const problem = passwordProblem(user.password, { email: user.email });
    if (problem) context.addIssue({ code: "custom", path: ["password"], message: problem });
  });
export type NewStaffUser = z.output<typeof NewStaffUserSchema>;

export const RoleChangeSchema = z.object({
  userId: z.string().min(1, "is required"),
  role: StaffRoleSchema,
});

export const AccountStatusChangeSchema = z.object({
  userId: z.string().min(1, "is required"),
  enabled: z.enum(["true", "false"], { error: "must be true or false" }).transform((value) => value === "true"),
});

/**
 * The sign-in form, and every call of better-auth's sign-in (a hook in lib/auth/server.ts
 * applies it too). Capped so that no length reaches the database or the password hash;
 * no valid password is longer than the policy allows.
 */
export const SignInSchema = z.object({
  email: z
    .string({ error: "Enter your e-mail address." })
    .trim()
    .min(1, "Enter your e-mail address.")
    .max(EMAIL_MAX_LENGTH, `The e-mail address must be at most ${EMAIL_MAX_LENGTH} characters long.`),
  password: z
    .string({ error: "Enter your password." })
    .min(1, "Enter your password.")
    .max(PASSWORD_MAX_LENGTH, `The password must be at most ${PASSWORD_MAX_LENGTH} characters long.`),
});

/** zod issues as { field: first message }, for forms that show one message per field. */
export function fieldProblems(error: z.ZodError): Record<string, string> {
  const problems: Record<string, string> = {};
  for (const issue of error.issues) {
    const field = String(issue.path[0] ?? "form");
    problems[field] ??= issue.message;
  }
  return problems;
}
