// Where benchmark scripts write their figures: a marked section of docs/performance.md
// (or of another document, such as docs/reliability.md) each (`<!-- name -->` …
// `<!-- /name -->`), replaced whole on every `--write`, with the machine, the commit and
// the command that produced them.
import { execFileSync } from "node:child_process";
import { readFile, writeFile } from "node:fs/promises";
import os from "node:os";

const DOC = "docs/performance.md";

export function describeMachine(): string {
  const cpus = os.cpus();
  const memory = `${Math.round(os.totalmem() / 1024 ** 3)} GiB`;
  const load = os.loadavg().map((value) => value.toFixed(1)).join(", ");
  return `${cpus[0]?.model.trim() ?? "unknown CPU"}, ${cpus.length} cores, ${memory} of memory, Node ${process.version}, ${os.type()} ${os.release()}; load average ${load} when the figures were written`;
}

/** The commit the figures are from, with a note when the working tree had other changes. */
export function describeCommit(): string {
  try {
    const commit = execFileSync("git", ["rev-parse", "--short", "HEAD"], { encoding: "utf8" }).trim();
    const dirty = execFileSync("git", ["status", "--porcelain", "--untracked-files=no"], { encoding: "utf8" }).trim();
    return dirty ? `${commit} (with uncommitted changes in the working tree)` : commit;
  } catch {
    return "unknown (not a git checkout)";
  }
}

/** The command as a reader would type it. */
export function describeCommand(script: string): string {
  const args = process.argv.slice(2).map((arg) => (/^[\w./:=-]+$/.test(arg) ? arg : `'${arg.replaceAll("'", "'\\''")}'`));
  const dist = process.env.NEXT_DIST_DIR ? `NEXT_DIST_DIR=${process.env.NEXT_DIST_DIR} ` : "";
  return `${dist}npm run ${script}${args.length ? ` -- ${args.join(" ")}` : ""}`;
}

export function today(): string {
  return new Date().toISOString().slice(0, 10);
}

/** Replaces the section between `<!-- name -->` and `<!-- /name -->` of `doc`, or appends one under `heading` (creating `doc` if need be). */
export async function writeSection(name: string, heading: string, body: string, doc: string = DOC): Promise<void> {
  const text = await readFile(doc, "utf8").catch((error: NodeJS.ErrnoException) => {
    if (error.code === "ENOENT") return "";
    throw error;
  });
  const open = `<!-- ${name} -->`;
  const close = `<!-- /${name} -->`;
  const section = `${open}\n${body.trim()}\n${close}`;
  const start = text.indexOf(open);
  const end = text.indexOf(close);
  const next = start >= 0 && end > start ? text.slice(0, start) + section + text.slice(end + close.length) : `${text.trimEnd()}\n\n## ${heading}\n\n${section}\n`;
  await writeFile(doc, next.trimStart());
  console.log(`Wrote the figures to ${doc} (section ${open})`);
}

export function passOrMiss(pass: boolean): string {
  return pass ? "pass" : "**miss**";
}
