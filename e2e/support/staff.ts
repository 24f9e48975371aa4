// Staff accounts for the e2e specs: created through the public CLI (`npm run user:create`)
// against the running app's database, and signed in through the sign-in page. Every
// account is new and unique, so that specs never depend on each other's users.
import { execFile } from "node:child_process";
import { randomBytes } from "node:crypto";
import { promisify } from "node:util";

import { expect, type Page } from "@playwright/test";

import { E2E_DATA_DIR } from "./server";

const run = promisify(execFile);

export type StaffRole = "admin" | "editor";

export interface StaffUser {
  email: string;
  password: string;
  name: string;
  role: StaffRole;
}

let serial = 0;
const unique = () => `${Date.now().toString(36)}-${process.pid}-${++serial}-${randomBytes(3).toString("hex")}`;

export async function createStaffUser(options: { email?: string; role?: StaffRole; name?: string; password?: string } = {}): Promise<StaffUser> {
  const id = unique();
  const user: StaffUser = {
    email: options.email ?? `staff-${id}@example.org`,
    role: options.role ?? "editor",
    name: options.name ?? `Staff ${id}`,
    password: options.password ?? `e2e ${randomBytes(12).toString("base64url")} passphrase`,
  };
  await run(
    process.execPath,
    ["node_modules/tsx/dist/cli.mjs", "--conditions=react-server", "scripts/user-create.mts", "--email", user.email, "--role", user.role, "--name", user.name],
    { env: { ...process.env, DOCKETLINE_DATA_DIR: E2E_DATA_DIR, DATABASE_URL: "", DOCKETLINE_USER_PASSWORD: user.password } },
  );
  return user;
}

/** Signs in through the sign-in page and waits until it has led away from it. */
export async function signIn(page: Page, user: Pick<StaffUser, "email" | "password">, options: { next?: string } = {}): Promise<void> {
  await page.goto(options.next ? `/staff/sign-in?next=${encodeURIComponent(options.next)}` : "/staff/sign-in");
  await fillSignIn(page, user);
  // Hashing the password takes a moment, longer on a busy machine.
  await expect(page).not.toHaveURL(/\/staff\/sign-in/, { timeout: 30_000 });
}

/** Fills and sends the sign-in form of the page as it is, without waiting for the outcome. */
export async function fillSignIn(page: Page, user: Pick<StaffUser, "email" | "password">): Promise<void> {
  await page.getByLabel("E-mail address").fill(user.email);
  await page.getByLabel("Password", { exact: true }).fill(user.password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

let addressSerial = 0;

/**
 * A client address of its own (the app believes X-Forwarded-For from loopback, which
 * playwright.config.ts names a trusted proxy), for a browser
 * context that fails sign-ins on purpose: ten failures from one address lock that
 * address, and every spec's browser otherwise shares the loopback one. Pass it as
 * `browser.newContext({ extraHTTPHeaders: { "X-Forwarded-For": clientAddress() } })`.
 */
export function clientAddress(): string {
  addressSerial += 1;
  // 198.18.0.0/15 is reserved for tests of network devices: never a real client.
  return `198.18.${(process.pid + addressSerial) % 256}.${addressSerial % 254 + 1}`;
}
