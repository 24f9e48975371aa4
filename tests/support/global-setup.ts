// Starts one real PostgreSQL (the app's own embedded launcher) in a temporary folder
// for the whole test run, and migrates a template database from which every test
// file clones a database of its own (tests/support/database.ts).
import { chmod, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";

import type { TestProject } from "vitest/node";

import { startEmbeddedDatabase } from "@/lib/db/embedded";
import { migrate } from "@/lib/db/migrate";
import { createSql } from "@/lib/db/sql";

import { withDatabase } from "./urls";

export const TEMPLATE_DATABASE = "docketline_template";

declare module "vitest" {
  export interface ProvidedContext {
    serverUrl: string;
    templateDatabase: string;
  }
}

export default async function setup(project: TestProject) {
  // Under the system temp folder, which the postgres user can reach when we run as root.
  const dataDir = await mkdtemp(path.join(tmpdir(), "docketline-test-"));
  // mkdtemp makes it private (700); the postgres user must pass through it.
  await chmod(dataDir, 0o755);
  const server = await startEmbeddedDatabase({ dataDir, throwaway: true });
  const admin = createSql(server.url, { max: 1 });
  await admin.unsafe(`CREATE DATABASE ${TEMPLATE_DATABASE}`);
  await admin.end();

  const templateUrl = withDatabase(server.url, TEMPLATE_DATABASE);
  const template = createSql(templateUrl, { max: 1 });
  await migrate(template);
  await template.end();

  project.provide("serverUrl", server.url);
  project.provide("templateDatabase", TEMPLATE_DATABASE);

  return async () => {
    await server.stop();
    await rm(dataDir, { recursive: true, force: true });
  };
}
