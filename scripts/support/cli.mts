// What the CLI commands share: the .env file, a database connection for the lifetime
// of a command, and one way to report failures.
import { existsSync } from "node:fs";

import { connectDatabase, type Connection } from "@/lib/db/connect";
import { DatasetValidationError } from "@/lib/dataset/problems";
import { DatasetSyntaxError } from "@/lib/dataset/validate";

// Next.js reads .env by itself; the scripts read the same file, so both agree.
if (existsSync(".env")) process.loadEnvFile(".env");

/** Runs `body` with a migrated database, closing it (and any server it started) afterwards. */
export async function withDatabase<T>(body: (connection: Connection) => Promise<T>): Promise<T> {
  const connection = await connectDatabase();
  try {
    return await body(connection);
  } finally {
    await connection.close();
  }
}

export function pluralize(count: number, noun: string): string {
  return `${count.toLocaleString("en-US")} ${noun}${count === 1 ? "" : "s"}`;
}

/** Prints an error as a person would want it and exits non-zero. */
export function fail(error: unknown): never {
  if (error instanceof DatasetValidationError) {
    console.error(`Nothing was imported. ${error.message}`);
  } else if (error instanceof DatasetSyntaxError) {
    console.error(`Nothing was imported. ${error.message}`);
  } else if (error instanceof Error) {
    console.error(error.message);
  } else {
    console.error(String(error));
  }
  process.exit(1);
}
