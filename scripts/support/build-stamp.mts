// Whether .next holds a build of the current sources: a hash of everything that goes
// into the build, written beside it after a successful `next build`.
import { createHash } from "node:crypto";
import { readdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";

const INPUTS = ["app", "components", "lib", "public", "proxy.ts", "instrumentation-client.ts", "prisma/schema.prisma", "next.config.js", "tsconfig.json", "package-lock.json"];
const SKIP = new Set(["generated", "node_modules"]);
const STAMP = path.join(process.env.NEXT_DIST_DIR || ".next", "docketline-build-stamp");

async function* files(entry: string): AsyncGenerator<string> {
  const entries = await readdir(entry, { withFileTypes: true }).catch((error: NodeJS.ErrnoException) => {
    if (error.code === "ENOTDIR") return null;
    if (error.code === "ENOENT") return [];
    throw error;
  });
  if (entries === null) {
    yield entry;
    return;
  }
  for (const child of entries.sort((a, b) => a.name.localeCompare(b.name))) {
    if (SKIP.has(child.name) || child.name.endsWith(".test.ts")) continue;
    yield* files(path.join(entry, child.name));
  }
}

export async function sourceHash(): Promise<string> {
  const hash = createHash("sha256");
  for (const input of INPUTS) {
    for await (const file of files(input)) {
      hash.update(file).update("\0").update(await readFile(file)).update("\0");
    }
  }
  return hash.digest("hex");
}

export async function buildIsCurrent(): Promise<boolean> {
  const [stamp, current] = await Promise.all([readFile(STAMP, "utf8").catch(() => ""), sourceHash()]);
  return stamp.trim() === current;
}

export async function recordBuild(): Promise<void> {
  await writeFile(STAMP, (await sourceHash()) + "\n");
}
