// The client address the sign-in limits count, end to end through the real front server
// (lib/http-cache/front-server.ts): behind it, a stand-in for Next.js's sign-in action
// that passes the request's headers to better-auth's sign-in, as the action does with
// `headers()`. What a client writes in X-Forwarded-For, or in our own header, must not
// buy it more tries; what a trusted proxy wrote there must be the address counted.
import http from "node:http";
import type { AddressInfo } from "node:net";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { CLIENT_ADDRESS_HEADER, trustedProxies } from "@/lib/auth/client-address";
import { LOCKOUT_THRESHOLD } from "@/lib/auth/lockout";
import { createFrontServer } from "@/lib/http-cache/front-server";
import { ResponseCache } from "@/lib/http-cache/response-cache";

import { createAccount, createTestAuth, PASSWORD, signInWith, uniqueEmail, type SignInOutcome, type TestAuth } from "./support/staff-auth";

let t: TestAuth;
const servers: http.Server[] = [];

async function listen(server: http.Server): Promise<string> {
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

/** A front server with these trusted proxies, in front of the stand-in action. */
let frontServer: (proxies: string[]) => Promise<string>;

beforeAll(async () => {
  t = await createTestAuth();
  const action = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      const headers = new Headers();
      for (const [name, value] of Object.entries(request.headers)) if (typeof value === "string") headers.set(name, value);
      signInWith(t.auth, JSON.parse(Buffer.concat(chunks).toString("utf8")), headers).then(
        (outcome) => response.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(outcome)),
        () => response.writeHead(500).end(),
      );
    });
  });
  const upstream = new URL(await listen(action));
  const secret = (await t.auth.$context).secret;
  const off = () => new ResponseCache({ maxBytes: 0, maxEntries: 0, maxEntryBytes: 0 });
  frontServer = (proxies) =>
    listen(
      createFrontServer({
        upstream: { host: upstream.hostname, port: Number(upstream.port) },
        pages: off(),
        assets: off(),
        clientAddress: { trust: trustedProxies(proxies), secret },
        renderConcurrency: 8,
      }),
    );
});
afterAll(async () => {
  for (const server of servers) {
    server.closeAllConnections();
    server.close();
  }
  await t?.close();
});

async function signIn(front: string, email: string, password: string, headers: Record<string, string>): Promise<SignInOutcome> {
  const response = await fetch(`${front}/staff/sign-in`, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: JSON.stringify({ email, password }),
  });
  expect(response.status).toBe(200);
  return (await response.json()) as SignInOutcome;
}

async function recordedAddresses(emailPrefix: string) {
  return t.database.sql<{ ip: string | null; network: string; n: number }[]>`
    SELECT ip, network, count(*)::int AS n FROM login_attempt WHERE email LIKE ${`${emailPrefix}-%`} GROUP BY ip, network ORDER BY network`;
}

describe("The client address behind the front server", () => {
  it("with no trusted proxy, is the connection's address: rotating X-Forwarded-For adds no tries", async () => {
    const front = await frontServer([]);
    for (let i = 0; i < LOCKOUT_THRESHOLD; i++) {
      const forged = { "x-forwarded-for": `198.18.${i}.1`, "x-real-ip": `198.18.${i}.2`, [CLIENT_ADDRESS_HEADER]: `198.18.${i}.3 forged` };
      expect(await signIn(front, uniqueEmail("rotating"), "not the password", forged)).toMatchObject({ code: "INVALID_EMAIL_OR_PASSWORD" });
    }
    const email = uniqueEmail("rotating");
    await createAccount(t.auth, { email });
    const eleventh = await signIn(front, email, PASSWORD, { "x-forwarded-for": "198.18.200.1" });
    expect(eleventh).toMatchObject({ ok: false, code: "SIGN_IN_LOCKED" });
    expect(eleventh.ok || eleventh.message).toMatch(/from your network address/);
    expect(await recordedAddresses("rotating")).toEqual([{ ip: "127.0.0.1", network: "127.0.0.1", n: LOCKOUT_THRESHOLD + 1 }]);
  });

  it("behind a trusted proxy, is the address that proxy saw, whatever the client wrote before it", async () => {
    // The test plays the proxy on loopback: it appends the client's address, as nginx's $proxy_add_x_forwarded_for does.
    const front = await frontServer(["loopback"]);
    for (let i = 0; i < LOCKOUT_THRESHOLD; i++) {
      const headers = { "x-forwarded-for": `198.18.${i}.9, 192.0.2.33` };
      expect(await signIn(front, uniqueEmail("proxied"), "not the password", headers)).toMatchObject({ code: "INVALID_EMAIL_OR_PASSWORD" });
    }
    const email = uniqueEmail("proxied");
    await createAccount(t.auth, { email });
    expect(await signIn(front, email, PASSWORD, { "x-forwarded-for": "198.18.250.9, 192.0.2.33" })).toMatchObject({ ok: false, code: "SIGN_IN_LOCKED" });
    // Another client behind the same proxy is another address.
    expect(await signIn(front, email, PASSWORD, { "x-forwarded-for": "192.0.2.34" })).toMatchObject({ ok: true });
    expect(await recordedAddresses("proxied")).toEqual([
      { ip: "192.0.2.33", network: "192.0.2.33", n: LOCKOUT_THRESHOLD + 1 },
      { ip: "192.0.2.34", network: "192.0.2.34", n: 1 },
    ]);
  });

  it("behind a trusted proxy that passes on something that is not an address, is the one unknown address", async () => {
    const front = await frontServer(["loopback"]);
    await signIn(front, uniqueEmail("garbled"), "not the password", { "x-forwarded-for": "not-an-address" });
    await signIn(front, uniqueEmail("garbled"), "not the password", { "x-forwarded-for": "2001:db8::1::2" });
    expect(await recordedAddresses("garbled")).toEqual([{ ip: null, network: "unknown", n: 2 }]);
  });
});
