// npm run user:create -- --email ada@example.org --role admin [--name "Ada Lovelace"]
// Creates a staff account. The password is asked for twice, hidden, in a terminal, or
// read from DOCKETLINE_USER_PASSWORD (for scripts); the one password policy applies
// (lib/auth/password.ts). The first admin account is made this way: there are no
// default credentials.
import { createInterface } from "node:readline/promises";
import { Writable } from "node:stream";

import { PrismaPg } from "@prisma/adapter-pg";

import { passwordProblem } from "@/lib/auth/password";
import { EmailSchema, StaffNameSchema, StaffRoleSchema } from "@/lib/auth/schema";
import { getAuthSecret } from "@/lib/auth/secret";
import { authFor } from "@/lib/auth/server";
import { createStaffAccount } from "@/lib/auth/users";
import { getEnv } from "@/lib/env";
import { PrismaClient } from "@/lib/generated/prisma/client";

import { fail, withDatabase } from "./support/cli.mts";

const USAGE = `Usage: npm run user:create -- --email <address> --role <admin|editor> [--name "<full name>"]

The password is asked for in the terminal, or read from DOCKETLINE_USER_PASSWORD.
It must be at least 12 characters long and not one of the most common passwords.`;

const PASSWORD_VARIABLE = "DOCKETLINE_USER_PASSWORD";
const FLAGS = ["email", "role", "name"] as const;
type Flag = (typeof FLAGS)[number];

class UsageError extends Error {
  constructor(problem: string) {
    super(`${problem}\n\n${USAGE}`);
  }
}

function parseArgs(args: string[]): Partial<Record<Flag, string>> {
  const values: Partial<Record<Flag, string>> = {};
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (!arg.startsWith("--")) throw new UsageError(`Unexpected argument: ${arg}`);
    const [name, inline] = arg.slice(2).split(/=(.*)/s, 2);
    if (!(FLAGS as readonly string[]).includes(name)) throw new UsageError(`Unknown option: --${name}`);
    const value = inline ?? args[++i];
    if (value === undefined || (inline === undefined && value.startsWith("--"))) throw new UsageError(`--${name} needs a value.`);
    values[name as Flag] = value;
  }
  return values;
}

/** Each flag checked with the schema the users page uses, the problem named by its flag. */
function readOptions(values: Partial<Record<Flag, string>>) {
  if (values.email === undefined) throw new UsageError("--email is required.");
  if (values.role === undefined) throw new UsageError("--role is required.");
  const email = EmailSchema.safeParse(values.email);
  if (!email.success) throw new Error(`--email: ${email.error.issues[0].message}`);
  const role = StaffRoleSchema.safeParse(values.role);
  if (!role.success) throw new Error(`--role: "${values.role}" ${role.error.issues[0].message}`);
  // Without --name, the part of the address before the @ stands in; the account's owner is named in revisions.
  const name = StaffNameSchema.safeParse(values.name ?? email.data.split("@")[0]);
  if (!name.success) throw new Error(`--name: ${name.error.issues[0].message}`);
  return { email: email.data, role: role.data, name: name.data };
}

async function readPassword(email: string): Promise<string> {
  const fromEnv = process.env[PASSWORD_VARIABLE];
  if (fromEnv !== undefined && fromEnv !== "") return checked(fromEnv, email);
  if (!process.stdin.isTTY) {
    throw new Error(`No password: run this in a terminal to be asked for one, or set ${PASSWORD_VARIABLE}.`);
  }
  const password = checked(await askHidden("Password (at least 12 characters): "), email);
  if ((await askHidden("The same password again: ")) !== password) throw new Error("The two passwords differ. Nothing was created.");
  return password;
}

function checked(password: string, email: string): string {
  const problem = passwordProblem(password, { email });
  if (problem) throw new Error(`The password ${problem}. Nothing was created.`);
  return password;
}

/** Asks a question in the terminal without echoing the answer. */
async function askHidden(question: string): Promise<string> {
  let muted = false;
  const output = new Writable({
    write(chunk, encoding, done) {
      if (!muted) process.stdout.write(chunk, encoding);
      done();
    },
  });
  const prompt = createInterface({ input: process.stdin, output, terminal: true });
  prompt.on("SIGINT", () => {
    prompt.close();
    process.stdout.write("\n");
    process.exit(130);
  });
  try {
    const answer = prompt.question(question);
    // The question is written by now; what is typed from here on is not shown.
    muted = true;
    return await answer;
  } finally {
    prompt.close();
    process.stdout.write("\n");
  }
}

async function main() {
  const args = process.argv.slice(2);
  if (args.includes("--help") || args.includes("-h")) {
    console.log(USAGE);
    return;
  }
  const options = readOptions(parseArgs(args));
  const password = await readPassword(options.email);

  const result = await withDatabase(async ({ url }) => {
    const prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: url }) });
    try {
      return await createStaffAccount(authFor(prisma, { secret: await getAuthSecret() }), { ...options, password });
    } finally {
      await prisma.$disconnect();
    }
  });
  if (!result.ok) {
    const lines = "problems" in result ? Object.entries(result.problems).map(([field, problem]) => (field === "password" ? `The password ${problem}` : `--${field}: ${problem}`)) : [result.message];
    throw new Error(`Nothing was created.\n  ${lines.join("\n  ")}`);
  }
  const env = getEnv();
  console.log(`Created the account of ${options.name} <${options.email}>, ${options.role === "admin" ? "an admin" : "an editor"}.`);
  console.log(`Sign in at ${(env.DOCKETLINE_PUBLIC_URL ?? `http://localhost:${env.PORT}`).replace(/\/+$/, "")}/staff/sign-in`);
}

main().catch(fail);
