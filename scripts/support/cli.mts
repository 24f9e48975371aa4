// What the CLI commands share: the .env file, a database connection for the lifetime
// of a command, and one way to report failures.
import { existsSync } from "node:fs";
import { parseArgs, type ParseArgsConfig } from "node:util";

import { connectDatabase, type Connection } from "@/lib/db/connect";
import { DatasetValidationError } from "@/lib/dataset/problems";
import { getEnv } from "@/lib/env";
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

/**
 * A script's options (parseArgs; give them a boolean `help`), with `--help` printing `usage`, and a reader of
 * whole-number options that names the option and shows the usage when one is wrong.
 */
export function parseScriptOptions<const T extends NonNullable<ParseArgsConfig["options"]>>(options: T, usage: string) {
  const { values } = parseArgs<{ options: T }>({ options });
  if ((values as { help?: boolean }).help) {
    console.log(usage);
    process.exit(0);
  }
  const integer = (name: string, value: string, min: number) => {
    const n = Number(value);
    if (!Number.isInteger(n) || n < min) throw new Error(`--${name} must be a whole number of at least ${min}\n\n${usage}`);
    return n;
  };
  return { values, integer };
}

/** Absolute links in files the commands write (the CSVs' `url` column): the public origin when configured, else the local server. */
export function publicOrigin(): string {
  const env = getEnv();
  return (env.DOCKETLINE_PUBLIC_URL ?? `http://localhost:${env.PORT}`).replace(/\/+$/, "");
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
