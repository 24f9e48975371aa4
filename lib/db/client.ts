import "server-only";

import { PrismaPg } from "@prisma/adapter-pg";

import { getEnv } from "@/lib/env";
import { PrismaClient } from "@/lib/generated/prisma/client";

// The app's one Prisma client. The launcher (scripts/start.mts) always hands the
// Next.js server a DATABASE_URL, the embedded database's or the user's own. It is
// created on first use, so that `next build` can load pages without a database.
function createClient(): PrismaClient {
  const url = getEnv().DATABASE_URL;
  if (!url) throw new Error("DATABASE_URL is not set: start Docketline with `npm start`.");
  return new PrismaClient({ adapter: new PrismaPg({ connectionString: url }) });
}

const globalForPrisma = globalThis as unknown as { docketlinePrisma?: PrismaClient };

function getClient(): PrismaClient {
  // One client per process, also across hot reloads in development.
  return (globalForPrisma.docketlinePrisma ??= createClient());
}

export const db: PrismaClient = new Proxy({} as PrismaClient, {
  get: (_target, property) => Reflect.get(getClient(), property),
});
