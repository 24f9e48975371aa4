// The one body limit of every form, as each layer applies it: next.config.js gives
// Next.js's own limits the same figure as lib/security/body-limits.ts, the proxy refuses
// a larger declared body with a 413, and the proxy (which makes Next.js buffer bodies)
// does not run for the dataset upload. e2e/body-limits.writes.spec.ts sends the bodies.
import { createRequire } from "node:module";

import { unstable_doesMiddlewareMatch } from "next/experimental/testing/server";
import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";

import { MAX_UPLOAD_BYTES } from "@/lib/editing/upload-limits";
import { MAX_BODY_BYTES, MAX_UPLOAD_BODY_BYTES, maxBodyBytesFor, UPLOAD_PATH } from "@/lib/security/body-limits";
import { config as proxyConfig, proxy } from "@/proxy";

import { loadNextConfig } from "./support/next-config";

// The parser Next.js reads its size limits with (untyped).
const bytes = createRequire(import.meta.url)("next/dist/compiled/bytes") as { parse(value: string): number };

describe("Body limits", () => {
  it("are the same in next.config.js as in lib/security/body-limits.ts", async () => {
    const { experimental } = await loadNextConfig();
    expect(bytes.parse(String(experimental?.serverActions?.bodySizeLimit))).toBe(MAX_BODY_BYTES);
    expect(bytes.parse(String(experimental?.proxyClientMaxBodySize))).toBe(MAX_BODY_BYTES);
    expect(MAX_BODY_BYTES).toBeLessThanOrEqual(1024 * 1024);
  });

  it("give the upload route alone room for the largest file", () => {
    expect(maxBodyBytesFor(UPLOAD_PATH)).toBe(MAX_UPLOAD_BODY_BYTES);
    expect(MAX_UPLOAD_BODY_BYTES).toBeGreaterThan(MAX_UPLOAD_BYTES);
    for (const path of ["/", "/staff/upload", "/staff/upload/file/x", "/staff/sign-in"]) expect(maxBodyBytesFor(path), path).toBe(MAX_BODY_BYTES);
  });

  it("keep the proxy, which buffers bodies, off the upload route and on the upload page", () => {
    const runsFor = (url: string) => unstable_doesMiddlewareMatch({ config: proxyConfig, url: `http://localhost:3000${url}` });
    expect(runsFor(UPLOAD_PATH)).toBe(false);
    expect(runsFor("/staff/upload")).toBe(true);
    expect(runsFor("/staff/upload/3f2a1c9e-0000-4000-8000-000000000000")).toBe(true);
  });

  it("make the proxy answer 413, naming the limit, to a declared body over it", async () => {
    const post = (length: number) =>
      proxy(new NextRequest("http://localhost:3000/staff/sign-in", { method: "POST", headers: { "content-length": String(length), "next-action": "x" } }));
    const refused = await post(MAX_BODY_BYTES + 1);
    expect(refused.status).toBe(413);
    expect(await refused.text()).toBe("The request is larger than 1 MB, the most this address accepts.\n");
    expect((await post(MAX_BODY_BYTES)).status).not.toBe(413);
  });
});
