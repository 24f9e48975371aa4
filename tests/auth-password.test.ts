// The one password policy (lib/auth/password.ts): its rules, and better-auth refusing a
// weak password on every endpoint that stores one, whoever calls it.
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from "@/lib/auth/field-lengths";
import { isCommonPassword, passwordProblem } from "@/lib/auth/password";
import { dictionary } from "@zxcvbn-ts/language-common";

import { createTestAuth, PASSWORD, signIn, uniqueEmail, type TestAuth } from "./support/staff-auth";

describe("The password policy", () => {
  it(`accepts ${PASSWORD_MIN_LENGTH} characters and refuses ${PASSWORD_MIN_LENGTH - 1}`, () => {
    expect(passwordProblem("x7#Kd0-pQz!v")).toBeNull();
    expect(passwordProblem("x7#Kd0-pQz!")).toBe(`must be at least ${PASSWORD_MIN_LENGTH} characters long`);
    expect(passwordProblem("")).toBe(`must be at least ${PASSWORD_MIN_LENGTH} characters long`);
  });

  it(`refuses more than ${PASSWORD_MAX_LENGTH} characters`, () => {
    expect(passwordProblem("ab3".repeat(PASSWORD_MAX_LENGTH / 2).slice(0, PASSWORD_MAX_LENGTH))).toBeNull();
    expect(passwordProblem("ab3".repeat(PASSWORD_MAX_LENGTH).slice(0, PASSWORD_MAX_LENGTH + 1))).toBe(`must be at most ${PASSWORD_MAX_LENGTH} characters long`);
  });

  it("refuses the common passwords long enough to pass the length rule, in any letter case", () => {
    const longCommon = dictionary["passwords-common"].filter((p) => p.length >= PASSWORD_MIN_LENGTH && p.length <= PASSWORD_MAX_LENGTH);
    expect(longCommon.length).toBeGreaterThan(100);
    for (const password of longCommon) expect(passwordProblem(password), password).toMatch(/^is one of the most common passwords/);
    expect(isCommonPassword("QWERTY123456")).toBe(true);
    expect(passwordProblem("QwErTy123456")).toMatch(/^is one of the most common passwords/);
  });

  it("refuses the account's own e-mail address, whatever its case and spacing", () => {
    expect(passwordProblem("ada@example.org", { email: "Ada@Example.org" })).toBe("must not be the account's e-mail address");
    expect(passwordProblem(" ADA@EXAMPLE.ORG ", { email: "ada@example.org" })).toBe("must not be the account's e-mail address");
    expect(passwordProblem("ada@example.org", { email: "grace@example.org" })).toBeNull();
  });

  it("refuses what is not a string", () => {
    expect(passwordProblem(undefined)).toBe("is required");
    expect(passwordProblem(123456789012)).toBe("is required");
  });
});

describe("better-auth under the policy", () => {
  let t: TestAuth;
  beforeAll(async () => {
    t = await createTestAuth();
  });
  afterAll(async () => {
    await t?.close();
  });

  const refusal = async (call: Promise<unknown>) =>
    call.then(
      () => ({ refused: false as const }),
      (error: { body?: { code?: string }; message?: string }) => ({ refused: true as const, code: error.body?.code, message: error.message }),
    );

  it("refuses to create an account with a weak password, even when called directly", async () => {
    const email = uniqueEmail("weak");
    for (const [password, message] of [
      ["short pass", `The password must be at least ${PASSWORD_MIN_LENGTH} characters long.`],
      ["1q2w3e4r5t6y", "The password is one of the most common passwords; choose one that is hard to guess."],
      [email, "The password must not be the account's e-mail address."],
      [undefined, "The password is required."],
    ] as const) {
      expect(await refusal(t.auth.api.createUser({ body: { email, name: "Weak", role: "editor", password } }))).toEqual({ refused: true, code: "WEAK_PASSWORD", message });
    }
    expect(await t.prisma.user.count({ where: { email } })).toBe(0);
  });

  it("refuses a weak password when an admin sets one for an account", async () => {
    const result = await refusal(t.auth.api.setUserPassword({ body: { userId: "anyone", newPassword: "password1234" }, headers: new Headers() }));
    expect(result).toMatchObject({ refused: true, code: "WEAK_PASSWORD" });
  });

  it("has no sign-up: accounts are made by admins", async () => {
    const email = uniqueEmail("signup");
    const result = await refusal(t.auth.api.signUpEmail({ body: { email, name: "Someone", password: PASSWORD } }));
    expect(result.refused).toBe(true);
    expect(await t.prisma.user.count({ where: { email } })).toBe(0);
    expect(await signIn(t.auth, email, PASSWORD)).toMatchObject({ ok: false, code: "INVALID_EMAIL_OR_PASSWORD" });
  });

  it("creates an account with a strong password, hashed, which then signs in", async () => {
    const email = uniqueEmail("strong");
    await t.auth.api.createUser({ body: { email, name: "Strong", role: "editor", password: PASSWORD } });
    const [account] = await t.database.sql<{ password: string }[]>`
      SELECT a.password FROM account a JOIN "user" u ON u.id = a.user_id WHERE u.email = ${email} AND a.provider_id = 'credential'`;
    expect(account.password).not.toContain(PASSWORD);
    expect(account.password.length).toBeGreaterThan(40);
    expect(await signIn(t.auth, email, PASSWORD)).toMatchObject({ ok: true });
  });
});
