import { defineConfig } from "prisma/config";

// Only `prisma generate` runs on our machines (the schema engine cannot be
// downloaded here); migrations are applied by lib/db/migrate.ts. The URL is for
// developers who run Prisma's CLI against a server of their own.
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: { url: process.env.DATABASE_URL ?? "postgresql://localhost/docketline" },
});
