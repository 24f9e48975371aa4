"use server";

// The server actions of signing in and out and of the users page. Each checks who is
// asking itself (requireStaff) before it reads or changes anything.
import { isAPIError } from "better-auth/api";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";

import { SIGN_IN_PAGE, STAFF_HOME, safeNextPath } from "@/lib/auth/next-path";
import { fieldProblems, SignInSchema } from "@/lib/auth/schema";
import { getRequestAuth, requireStaff } from "@/lib/auth/session";
import { changeStaffRole, createStaffAccount, setStaffAccountEnabled, type AccountChange } from "@/lib/auth/users";
import { db } from "@/lib/db/client";
import { postedForm } from "@/lib/security/posted-form";

export interface SignInState {
  /** Why sign-in failed, for the whole form. */
  error?: string;
  problems?: { email?: string; password?: string };
  /** The e-mail address typed, to fill the field again (never the password). */
  email?: string;
}

export async function signIn(previous: SignInState, sent: FormData): Promise<SignInState> {
  const form = postedForm(previous, sent);
  const email = String(form.get("email") ?? "");
  const parsed = SignInSchema.safeParse({ email, password: form.get("password") });
  if (!parsed.success) return { problems: fieldProblems(parsed.error), email };
  const { auth, headers } = await getRequestAuth();
  try {
    await auth.api.signInEmail({ body: { email: parsed.data.email, password: parsed.data.password, rememberMe: true }, headers });
  } catch (error) {
    return { error: signInFailure(error), email };
  }
  redirect(safeNextPath(form.get("next")) ?? STAFF_HOME);
}

function signInFailure(error: unknown): string {
  if (!isAPIError(error)) throw error;
  switch (error.body?.code) {
    case "INVALID_EMAIL_OR_PASSWORD":
      return "The e-mail address or the password is wrong.";
    case "INVALID_EMAIL":
      return "Enter an e-mail address, like ada@example.org.";
    // The lockout and a disabled account: their messages are written for people.
    case "SIGN_IN_LOCKED":
    case "BANNED_USER":
      return error.message;
    default:
      throw error;
  }
}

export async function signOut(): Promise<void> {
  const { auth, headers } = await getRequestAuth();
  try {
    await auth.api.signOut({ headers });
  } catch (error) {
    // No session to end (it expired, or was ended elsewhere): signed out all the same.
    if (!isAPIError(error)) throw error;
  }
  redirect(SIGN_IN_PAGE);
}

export interface AccountFormState {
  /** What happened, for a status message. */
  message?: string;
  /** Why nothing changed, for the whole form. */
  error?: string;
  problems?: Record<string, string>;
  /** What was typed, to fill the form again after a problem (never the password). */
  values?: { name: string; email: string; role: string };
  /** Changes on every success, so that the form can clear itself. */
  done?: number;
}

const USERS_PAGE = "/staff/users";

function toState(change: AccountChange, values?: AccountFormState["values"]): AccountFormState {
  if (change.ok) {
    revalidatePath(USERS_PAGE);
    return { message: change.message, done: Date.now() };
  }
  return "problems" in change ? { problems: change.problems, values } : { error: change.message, values };
}

export async function createAccount(previous: AccountFormState, sent: FormData): Promise<AccountFormState> {
  await requireStaff("admin");
  const form = postedForm(previous, sent);
  const values = { name: String(form.get("name") ?? ""), email: String(form.get("email") ?? ""), role: String(form.get("role") ?? "") };
  const { auth } = await getRequestAuth();
  return toState(await createStaffAccount(auth, { ...values, password: form.get("password") }), values);
}

export async function changeRole(previous: AccountFormState, sent: FormData): Promise<AccountFormState> {
  const staff = await requireStaff("admin");
  const form = postedForm(previous, sent);
  return toState(await changeStaffRole(db, staff, { userId: form.get("userId"), role: form.get("role") }));
}

export async function setAccountEnabled(previous: AccountFormState, sent: FormData): Promise<AccountFormState> {
  const staff = await requireStaff("admin");
  const form = postedForm(previous, sent);
  return toState(await setStaffAccountEnabled(db, staff, { userId: form.get("userId"), enabled: form.get("enabled") }));
}
