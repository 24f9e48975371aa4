// A database of its own with Docketline's better-auth over it, for the account tests:
// sign-ins go through auth.api exactly as the sign-in server action sends them.
import { randomBytes } from "node:crypto";

import { PrismaPg } from "@prisma/adapter-pg";
import { isAPIError } from "better-auth/api";

import { CLIENT_ADDRESS_HEADER, signedClientAddress } from "@/lib/auth/client-address";
import { SIGN_IN_LIMITS, type SignInLimits } from "@/lib/auth/lockout";
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

/**
 * The global limit counts the failures of every test that shares the database, so it is
 * out of the way unless a test asks for it.
 */
export async function createTestAuth(limits: Partial<SignInLimits> = { globalFailuresPerMinute: 100_000 }): Promise<TestAuth> {
  const database = await createTestDatabase();
  const prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: database.url }) });
  const signInLimits = { ...SIGN_IN_LIMITS, ...limits };
  const auth = createAuth({ prisma, secret: randomBytes(32).toString("base64url"), baseURL: "http://docketline.test", secureCookies: false, signInLimits });
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

/**
 * Signs in as a browser at `ip` would through the front server, which signs the client
 * address it saw; `ip` null sends no signed address (as `npm run dev` does), `headers` more.
 */
export async function signIn(auth: Auth, email: string, password: string, ip: string | null = "198.51.100.1", headers?: Headers): Promise<SignInOutcome> {
  return signInWith(auth, { email, password }, await clientHeaders(auth, ip, headers));
}

/** The request headers the front server would send for a client at `ip`. */
export async function clientHeaders(auth: Auth, ip: string | null, extra?: Headers): Promise<Headers> {
  const headers = new Headers(extra);
  if (ip !== null) headers.set(CLIENT_ADDRESS_HEADER, signedClientAddress(ip, (await auth.$context).secret));
  return headers;
}

/** better-auth's sign-in endpoint, called as the sign-in server action calls it. */
export async function signInWith(auth: Auth, body: { email: string; password: string }, requestHeaders: Headers): Promise<SignInOutcome> {
  try {
    const { headers, response } = await auth.api.signInEmail({ body, headers: requestHeaders, returnHeaders: true });
    return { ok: true, token: response.token, cookie: (headers.get("set-cookie") ?? "").split(";")[0] };
  } catch (error) {
    if (!isAPIError(error)) throw error;
    return { ok: false, status: error.statusCode, code: String(error.body?.code ?? ""), message: error.message };
  }
}
