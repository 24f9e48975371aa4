// npm run restore -- FILE
//
// Loads a backup made by `npm run backup` into the database (the embedded one, or
// DATABASE_URL), which must hold no content yet: for example a new DOCKETLINE_DATA_DIR.
// All or nothing, in one transaction (lib/db/backup.ts).
import { createReadStream } from "node:fs";
import { access } from "node:fs/promises";

import { restoreBackup } from "@/lib/db/backup";
import { plural } from "@/lib/text";

import { fail, withDatabase } from "./support/cli.mts";

const USAGE = `Usage: npm run restore -- FILE

Restores a backup made by \`npm run backup\` into the database (the embedded one, or
DATABASE_URL). The database must hold no content: restore into a new DOCKETLINE_DATA_DIR
or an empty database. Staff sign in again afterwards: sessions are not backed up.`;

async function main() {
  const args = process.argv.slice(2);
  if (args.includes("--help") || args.includes("-h")) return console.log(USAGE);
  if (args.length !== 1 || args[0].startsWith("-")) fail(new Error(USAGE));
  const file = args[0];
  await access(file).catch(() => fail(new Error(`No such file: ${file}`)));
  const summary = await withDatabase(({ sql }) => restoreBackup(sql, createReadStream(file, "utf8")));
  console.log(`Restored ${plural(summary.rows, "row")} of ${plural(summary.tables, "table")} from ${file}`);
}

main().catch(fail);
