// A database of its own with Docketline's better-auth over it, for the account tests:
// sign-ins go through auth.api exactly as the sign-in server action sends them.
import { randomBytes } from "node:crypto";

import { PrismaPg } from "@prisma/adapter-pg";
import { isAPIError } from "better-auth/api";

import { createAuth, type Auth } from "@/lib/auth/server";
import { createStaffAccount } from "@/lib/auth/users";
import { PrismaClient } from "@/lib/generated/prisma/client";

import { createTestDatabase, type TestDatabase } from "./database";

export interface TestAuth {
  database: TestDatabase;
  prisma: PrismaClient;
  auth: Auth;
  close(): Promise<void>;
}

export async function createTestAuth(): Promise<TestAuth> {
  const database = await createTestDatabase();
  const prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: database.url }) });
  const auth = createAuth({ prisma, secret: randomBytes(32).toString("base64url"), baseURL: "http://docketline.test", secureCookies: false });
  return {
    database,
    prisma,
    auth,
    async close() {
      await prisma.$disconnect();
      await database.drop();
    },
  };
}

export const PASSWORD = "a long and unusual passphrase";

let serial = 0;
/** A fresh address per call, so that tests never share an account. */
export function uniqueEmail(label: string): string {
  return `${label}-${process.pid}-${++serial}@example.org`;
}

export async function createAccount(auth: Auth, fields: { email: string; role?: "admin" | "editor"; name?: string; password?: string }) {
  const result = await createStaffAccount(auth, { name: fields.name ?? fields.email.split("@")[0], role: fields.role ?? "editor", password: PASSWORD, ...fields });
  if (!result.ok) throw new Error(`could not create ${fields.email}: ${JSON.stringify(result)}`);
}

export type SignInOutcome = { ok: true; token: string; cookie: string } | { ok: false; status: number; code: string; message: string };

/** Signs in as a browser at `ip` would (the server sees the address in X-Forwarded-For). */
export async function signIn(auth: Auth, email: string, password: string, ip = "198.51.100.1"): Promise<SignInOutcome> {
  try {
    const { headers, response } = await auth.api.signInEmail({
      body: { email, password },
      headers: new Headers({ "x-forwarded-for": ip }),
      returnHeaders: true,
    });
    return { ok: true, token: response.token, cookie: (headers.get("set-cookie") ?? "").split(";")[0] };
  } catch (error) {
    if (!isAPIError(error)) throw error;
    return { ok: false, status: error.statusCode, code: String(error.body?.code ?? ""), message: error.message };
  }
}
