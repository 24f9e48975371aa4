// npm run backup -- FILE
//
// Every record of the database (the embedded one, or DATABASE_URL), drafts, deleted
// records, history, uploads and staff accounts included, in PostgreSQL's plain dump
// format (lib/db/backup.ts). The file is written beside its final name and renamed when
// complete, readable by its owner only: it holds password hashes.
import { createWriteStream } from "node:fs";
import { rename, rm } from "node:fs/promises";

import { writeBackup } from "@/lib/db/backup";
import { plural } from "@/lib/text";

import { fail, withDatabase } from "./support/cli.mts";

const USAGE = `Usage: npm run backup -- FILE

Writes every record of the database (the embedded one, or DATABASE_URL) to FILE:
published records, drafts, deleted records still restorable, their history, uploads
and staff accounts (not sessions). Restore it with \`npm run restore -- FILE\` into an
empty database, for example a new DOCKETLINE_DATA_DIR.`;

async function main() {
  const args = process.argv.slice(2);
  if (args.includes("--help") || args.includes("-h")) return console.log(USAGE);
  if (args.length !== 1 || args[0].startsWith("-")) fail(new Error(USAGE));
  const file = args[0];
  const partial = `${file}.partial`;
  try {
    const summary = await withDatabase(async ({ sql }) => {
      const output = createWriteStream(partial, { mode: 0o600 });
      const written = await writeBackup(sql, output);
      await new Promise<void>((resolve, reject) => output.end((error?: Error | null) => (error ? reject(error) : resolve())));
      return written;
    });
    await rename(partial, file);
    console.log(`Backed up ${plural(summary.rows, "row")} of ${plural(summary.tables, "table")} to ${file}`);
  } catch (error) {
    await rm(partial, { force: true });
    throw error;
  }
}

main().catch(fail);
