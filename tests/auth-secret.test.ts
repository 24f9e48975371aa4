// The session-signing secret (lib/auth/secret.ts): BETTER_AUTH_SECRET, or one made once
// per data folder and kept there, private, so that sessions survive restarts.
import { mkdtemp, readFile, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";

import { afterEach, beforeEach, describe, expect, it } from "vitest";

import { AUTH_SECRET_FILE, getAuthSecret } from "@/lib/auth/secret";
import { getEnv } from "@/lib/env";

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "docketline-secret-"));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const envFor = (variables: Record<string, string>, dataDir = dir) => getEnv({ NODE_ENV: "test", DOCKETLINE_DATA_DIR: dataDir, ...variables });

describe("The session secret", () => {
  it("is made once per data folder, readable by its owner only, and the same on every start", async () => {
    const first = await getAuthSecret(envFor({}));
    expect(first.length).toBeGreaterThanOrEqual(32);
    const file = path.join(dir, AUTH_SECRET_FILE);
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    expect((await readFile(file, "utf8")).trim()).toBe(first);
    expect(await getAuthSecret(envFor({}))).toBe(first);
    // Another data folder, another secret.
    const other = await mkdtemp(path.join(tmpdir(), "docketline-secret-"));
    try {
      expect(await getAuthSecret(envFor({}, other))).not.toBe(first);
    } finally {
      await rm(other, { recursive: true, force: true });
    }
  });

  it("is the same for processes that start at once", async () => {
    const secrets = await Promise.all(Array.from({ length: 8 }, () => getAuthSecret(envFor({}))));
    expect(new Set(secrets).size).toBe(1);
  });

  it("is BETTER_AUTH_SECRET when that is set, and then nothing is written", async () => {
    const configured = "c".repeat(40);
    expect(await getAuthSecret(envFor({ BETTER_AUTH_SECRET: configured }))).toBe(configured);
    await expect(stat(path.join(dir, AUTH_SECRET_FILE))).rejects.toMatchObject({ code: "ENOENT" });
    expect(() => envFor({ BETTER_AUTH_SECRET: "too short" })).toThrow(/BETTER_AUTH_SECRET: must be at least 32 characters/);
  });

  it("refuses a damaged secret file rather than signing with it", async () => {
    await writeFile(path.join(dir, AUTH_SECRET_FILE), "short\n");
    await expect(getAuthSecret(envFor({}))).rejects.toThrow(/holds no usable secret: delete it, or set BETTER_AUTH_SECRET/);
  });
});
