// `npm run user:create`, run as a person runs it: a child process with DATABASE_URL set
// and the password in DOCKETLINE_USER_PASSWORD (no terminal to type it in).
import { randomBytes } from "node:crypto";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { runScript } from "./support/cli";
import { createTestAuth, signIn, type TestAuth } from "./support/staff-auth";

let t: TestAuth;
const secret = randomBytes(32).toString("base64url");

beforeAll(async () => {
  t = await createTestAuth();
});
afterAll(async () => {
  await t?.close();
});

const PASSWORD = "a sentence nobody else would type";

function userCreate(args: string[], password: string | undefined = PASSWORD) {
  return runScript("user-create.mts", args, {
    DATABASE_URL: t.database.url,
    BETTER_AUTH_SECRET: secret,
    DOCKETLINE_USER_PASSWORD: password ?? "",
    DOCKETLINE_PUBLIC_URL: "https://docketline.example",
  });
}

const usersNamed = (email: string) => t.database.sql<{ name: string; role: string; banned: boolean }[]>`SELECT name, role, banned FROM "user" WHERE email = ${email}`;

// Each case starts the CLI (tsx, Prisma, better-auth) once or more: seconds each on a busy
// 2-core machine, more than vitest's default allows.
describe("npm run user:create", { timeout: 120_000 }, () => {
  it("creates an admin who can then sign in, and says where", async () => {
    const run = await userCreate(["--email", "Ada@Example.org", "--role", "admin", "--name", "Ada Lovelace"]);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    expect(run.stdout).toBe("Created the account of Ada Lovelace <ada@example.org>, an admin.\nSign in at https://docketline.example/staff/sign-in\n");
    expect(await usersNamed("ada@example.org")).toEqual([{ name: "Ada Lovelace", role: "admin", banned: false }]);
    expect(await signIn(t.auth, "ada@example.org", PASSWORD)).toMatchObject({ ok: true });
  });

  it("refuses an e-mail address that already has an account, creating nothing", async () => {
    const run = await userCreate(["--email=ada@example.org", "--role=editor"]);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe("Nothing was created.\n  --email: is already used by another account\n");
    expect(await usersNamed("ada@example.org")).toEqual([{ name: "Ada Lovelace", role: "admin", banned: false }]);
  });

  it.each([
    ["too short", "eleven char", "The password must be at least 12 characters long. Nothing was created.\n"],
    ["among the most common", "qwertyuiop123", "The password is one of the most common passwords; choose one that is hard to guess. Nothing was created.\n"],
    ["the e-mail address itself", "grace@example.org", "The password must not be the account's e-mail address. Nothing was created.\n"],
  ])("refuses a password %s", async (_what, password, message) => {
    const run = await userCreate(["--email", "grace@example.org", "--role", "editor"], password);
    expect({ code: run.code, stderr: run.stderr, stdout: run.stdout }).toEqual({ code: 1, stderr: message, stdout: "" });
    expect(await usersNamed("grace@example.org")).toEqual([]);
  });

  it("names the option that is wrong", async () => {
    // Four runs that each create nothing: side by side.
    const [badRole, badEmail, missing, unknown] = await Promise.all([
      userCreate(["--email", "grace@example.org", "--role", "owner"]),
      userCreate(["--email", "grace", "--role", "editor"]),
      userCreate(["--role", "editor"]),
      userCreate(["--email", "grace@example.org", "--role", "editor", "--admin"]),
    ]);
    expect({ code: badRole.code, stderr: badRole.stderr }).toEqual({ code: 1, stderr: '--role: "owner" must be one of admin, editor\n' });
    expect({ code: badEmail.code, stderr: badEmail.stderr }).toEqual({ code: 1, stderr: "--email: must be an e-mail address, like ada@example.org\n" });
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/^--email is required\.\n\nUsage: npm run user:create -- --email <address> --role <admin\|editor>/);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toMatch(/^Unknown option: --admin\n/);
    expect(await usersNamed("grace@example.org")).toEqual([]);
  });

  it("asks for a terminal or DOCKETLINE_USER_PASSWORD when it has no password", async () => {
    const run = await userCreate(["--email", "grace@example.org", "--role", "editor"], "");
    expect({ code: run.code, stderr: run.stderr }).toEqual({
      code: 1,
      stderr: "No password: run this in a terminal to be asked for one, or set DOCKETLINE_USER_PASSWORD.\n",
    });
  });
});
