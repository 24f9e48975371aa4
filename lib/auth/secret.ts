// The secret that signs staff session cookies. BETTER_AUTH_SECRET when set; otherwise a
// random one created on first use and kept in the data folder beside the embedded
// database's password, so that `npm ci && npm start` needs no configuration and
// sessions survive restarts. Scripts only, like lib/db/connect.ts: `npm start` reads it
// once and hands it to the Next.js server in its environment.
import "server-only";

import { randomBytes } from "node:crypto";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";

import { getDataDir } from "@/lib/db/connect";
import { getEnv, type Env } from "@/lib/env";

export const AUTH_SECRET_FILE = "auth-secret";
const MIN_LENGTH = 32;

export async function getAuthSecret(env: Env = getEnv()): Promise<string> {
  if (env.BETTER_AUTH_SECRET) return env.BETTER_AUTH_SECRET;
  return readOrCreateSecret(path.join(getDataDir(env), AUTH_SECRET_FILE));
}

async function readOrCreateSecret(file: string): Promise<string> {
  const saved = await readSecret(file);
  if (saved) return saved;
  await mkdir(path.dirname(file), { recursive: true, mode: 0o755 });
  const secret = randomBytes(32).toString("base64url");
  try {
    // "wx": when two processes start at once, the first file wins and both use it.
    await writeFile(file, `${secret}\n`, { mode: 0o600, flag: "wx" });
    return secret;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    const winner = await readSecret(file);
    if (!winner) throw new Error(`${file} holds no usable secret: delete it, or set BETTER_AUTH_SECRET.`);
    return winner;
  }
}

async function readSecret(file: string): Promise<string | null> {
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw error;
  }
  const secret = text.trim();
  if (secret.length >= MIN_LENGTH) return secret;
  // Another process may be between creating the file and writing it.
  return null;
}
