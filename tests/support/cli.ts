// Runs a CLI script as a user runs it: a child process, with the given environment.
import { execFile } from "node:child_process";
import path from "node:path";

const ROOT = path.resolve(import.meta.dirname, "..", "..");
const TSX = path.join(ROOT, "node_modules", "tsx", "dist", "cli.mjs");

export interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

export function runScript(script: string, args: string[], env: Record<string, string>, timeout = 60_000): Promise<Run> {
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      [TSX, "--conditions=react-server", path.join("scripts", script), ...args],
      { cwd: ROOT, env: { ...process.env, NO_COLOR: "1", ...env }, timeout },
      (error, stdout, stderr) => {
        if (error && typeof error.code !== "number") return reject(error);
        resolve({ code: error ? (error.code as number) : 0, stdout, stderr });
      },
    );
  });
}
