// Runs `prisma generate` without Prisma's native schema engine, which cannot be
// downloaded on every machine (docs/decisions/002). Generating the client needs no
// engine, but the CLI looks for one first: pointing it at an existing file that is
// not an engine satisfies the check. /bin/false is never /bin/true, which would make
// `migrate deploy` report success while applying nothing.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";

const env = { ...process.env, PRISMA_HIDE_UPDATE_MESSAGE: "1", CHECKPOINT_DISABLE: "1" };
if (!env.PRISMA_SCHEMA_ENGINE_BINARY) {
  const stand_in = ["/bin/false", "/usr/bin/false"].find((p) => existsSync(p));
  if (stand_in) env.PRISMA_SCHEMA_ENGINE_BINARY = stand_in;
}
const result = spawnSync(process.execPath, ["node_modules/prisma/build/index.js", "generate"], {
  stdio: "inherit",
  env,
});
process.exit(result.status ?? 1);
