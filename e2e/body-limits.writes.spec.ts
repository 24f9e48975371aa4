// Request bodies are bounded before anyone is known: a page or server action takes at
// most 1 MB, and a larger body is refused with a 413 before it is read; the dataset
// upload takes up to 20 MB, but only from a signed-in editor, checked before a byte of
// the body is read (lib/security/body-limits.ts, lib/editing/upload-request.ts).
import http from "node:http";

import { expect, test } from "@playwright/test";

import { E2E_PORT } from "./support/server";
import { createStaffUser, signIn } from "./support/staff";

const ORIGIN = `http://localhost:${E2E_PORT}`;
const MB = 1024 * 1024;

interface RawAnswer {
  status: number;
  body: string;
  /** How much of the body had been sent when the answer came. */
  sent: number;
  ms: number;
}

/**
 * A POST that declares `declared` bytes (or none: chunked) and sends at most `send`
 * bytes, stopping at the first answer, never ending the body: a server that waited for
 * the whole body before refusing it would never answer (the request fails after 20 s).
 */
function rawPost(path: string, options: { declared?: number; send: number; headers?: Record<string, string> }): Promise<RawAnswer> {
  const started = Date.now();
  return new Promise((resolve, reject) => {
    let sent = 0;
    let answered = false;
    const headers: Record<string, string | number> = { "content-type": "multipart/form-data; boundary=x", origin: ORIGIN, ...options.headers };
    if (options.declared !== undefined) headers["content-length"] = options.declared;
    const request = http.request({ host: "localhost", port: E2E_PORT, method: "POST", path, headers }, (response) => {
      answered = true;
      let body = "";
      response.setEncoding("utf8");
      response.on("data", (chunk: string) => (body += chunk));
      response.on("end", () => resolve({ status: response.statusCode ?? 0, body, sent, ms: Date.now() - started }));
      response.on("error", reject);
    });
    // A refused body ends the connection: that is expected, once the answer is in.
    request.on("error", (error) => {
      if (!answered) reject(error);
    });
    request.setTimeout(20_000, () => {
      if (!answered) reject(new Error(`No answer to POST ${path} after ${sent} bytes: the server is waiting for the rest of the body`));
      request.destroy();
    });
    const chunk = Buffer.alloc(64 * 1024, "a");
    const pump = () => {
      if (answered || request.destroyed) return;
      if (sent >= options.send) return;
      sent += chunk.length;
      request.write(chunk, () => setTimeout(pump, 5));
    };
    request.flushHeaders();
    pump();
  });
}

test("A stranger's POST of a large body to a page is refused with 413 before the body is read", async () => {
  // Declared: refused on the headers alone, with nothing of 50 MB sent.
  const declared = await rawPost("/", { declared: 50 * MB, send: 0, headers: { "next-action": "0".repeat(42) } });
  expect(declared.status).toBe(413);
  expect(declared.body).toBe("The request is larger than 1 MB, the most this address accepts.\n");

  // Not declared (chunked): refused once it passes 1 MB, not after all of it.
  const chunked = await rawPost("/staff/sign-in", { send: 50 * MB });
  expect(chunked.status).toBe(413);
  expect(chunked.sent).toBeLessThan(10 * MB);
});

test("The dataset upload refuses a stranger before reading the body, and any body over its cap", async () => {
  // Under the cap, from this site, without a session: 401 with 1 MB of 15 MB sent.
  const anonymous = await rawPost("/staff/upload/file", { declared: 15 * MB, send: MB, headers: { accept: "application/json" } });
  expect(anonymous.status).toBe(401);
  expect(JSON.parse(anonymous.body).problems).toEqual(["Your session has ended: sign in again, then upload the file."]);

  // From another site: 403 first.
  const foreign = await rawPost("/staff/upload/file", { declared: 15 * MB, send: MB, headers: { origin: "https://evil.example" } });
  expect(foreign.status).toBe(403);

  // Over the cap: 413 on the declared size alone, nothing of the body sent.
  const huge = await rawPost("/staff/upload/file", { declared: 200 * MB, send: 0 });
  expect(huge.status).toBe(413);
  expect(huge.body).toContain("larger than 20.1 MB");
});

test("An editor who uploads a file above 20 MB gets a clear error and nothing is kept", async ({ page }) => {
  test.slow();
  await signIn(page, await createStaffUser(), { next: "/staff/upload" });
  const upload = (bytes: number) =>
    page.request.post("/staff/upload/file", {
      headers: { origin: ORIGIN, accept: "application/json" },
      multipart: { publication: "draft", file: { name: "big.json", mimeType: "application/json", buffer: Buffer.alloc(bytes, " ") } },
      failOnStatusCode: false,
    });

  // Just over 20 MB: read to the cap, then refused by name.
  const over = await upload(20 * MB + 1024);
  expect(over.status()).toBe(422);
  expect(await over.json()).toEqual({ fileName: "big.json", problems: ["file: the chosen file is larger than 20 MB, the most an upload may be"] });

  // Far over: refused before the body is read.
  const far = await upload(25 * MB);
  expect(far.status()).toBe(413);
  expect(await far.text()).toContain("larger than 20.1 MB");

  await page.goto("/staff/upload");
  await expect(page.getByRole("region", { name: "Recent uploads" })).not.toContainText("big.json");
});
