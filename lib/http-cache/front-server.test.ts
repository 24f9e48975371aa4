// The front server against an upstream that closes an idle kept-alive connection just
// as the front server reuses it: the race every keep-alive proxy meets (Node closes idle
// connections after 5 s). A reader must never see it as a 502.
import http, { type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";

import { afterEach, describe, expect, it } from "vitest";

import { trustedProxies } from "@/lib/auth/client-address";
import { createFrontServer } from "@/lib/http-cache/front-server";
import { ResponseCache } from "@/lib/http-cache/response-cache";

const servers: http.Server[] = [];

afterEach(async () => {
  await Promise.all(
    servers.splice(0).map((server) => {
      server.closeAllConnections();
      return new Promise((resolve) => server.close(resolve));
    }),
  );
});

async function listen(server: http.Server): Promise<number> {
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return (server.address() as AddressInfo).port;
}

/** An upstream that answers the first request on each connection and drops the connection on the next, without a word. */
async function upstreamDroppingReusedConnections() {
  const served: string[] = [];
  const requestsPerSocket = new WeakMap<object, number>();
  const upstream = http.createServer((request: IncomingMessage, response) => {
    const count = (requestsPerSocket.get(request.socket) ?? 0) + 1;
    requestsPerSocket.set(request.socket, count);
    if (count > 1) {
      request.socket.destroy();
      return;
    }
    served.push(`${request.method} ${request.url}`);
    request.resume();
    request.on("end", () => response.writeHead(200, { "content-type": "text/plain" }).end(`answer to ${request.method} ${request.url}`));
  });
  return { port: await listen(upstream), served };
}

async function frontServer(upstreamPort: number, options: { caching: boolean; renderConcurrency?: number }) {
  const front = frontServerOf(upstreamPort, options);
  return `http://127.0.0.1:${await listen(front)}`;
}

function frontServerOf(upstreamPort: number, { caching, renderConcurrency = 8 }: { caching: boolean; renderConcurrency?: number }) {
  const limits = { maxBytes: caching ? 1024 * 1024 : 0, maxEntries: caching ? 100 : 0, maxEntryBytes: 64 * 1024 };
  return createFrontServer({
    upstream: { host: "127.0.0.1", port: upstreamPort },
    pages: new ResponseCache(limits),
    assets: new ResponseCache(limits),
    clientAddress: { trust: trustedProxies([]), secret: "any secret: this upstream reads no address" },
    renderConcurrency,
  });
}

describe("the front server on a kept-alive connection the upstream has dropped", () => {
  for (const caching of [true, false]) {
    it(`retries a read on a new connection instead of answering 502 (${caching ? "cached pages" : "no cache"})`, async () => {
      const upstream = await upstreamDroppingReusedConnections();
      const front = await frontServer(upstream.port, { caching });
      // One after the other, so that the second reuses the first's idle connection.
      for (const path of ["/about", "/lawsuits", "/states"]) {
        const response = await fetch(front + path);
        expect(response.status, path).toBe(200);
        expect(await response.text()).toBe(`answer to GET ${path}`);
      }
      expect(upstream.served).toEqual(["GET /about", "GET /lawsuits", "GET /states"]);
    });
  }

  it("sends a write on a connection of its own, so it is never lost to the race nor sent twice", async () => {
    const upstream = await upstreamDroppingReusedConnections();
    const front = await frontServer(upstream.port, { caching: true });
    expect((await fetch(front + "/about")).status).toBe(200);
    for (const body of ["first", "second"]) {
      const response = await fetch(front + "/staff/filings/new", { method: "POST", body });
      expect(response.status).toBe(200);
    }
    expect(upstream.served).toEqual(["GET /about", "POST /staff/filings/new", "POST /staff/filings/new"]);
  });
});

describe("the front server when the upstream answers a write before reading its body", () => {
  it("passes the answer on (the upload's 401), not a 502, however much body is still coming", async () => {
    // As a route handler that refuses a stranger's upload before reading it.
    const upstream = http.createServer((_request, response) => {
      response.writeHead(401, { "content-type": "application/json" }).end('{"problems":["sign in"]}');
    });
    const front = await frontServer(await listen(upstream), { caching: true });
    const MB = 1024 * 1024;
    for (let round = 0; round < 5; round++) {
      const status = await new Promise<number>((resolve, reject) => {
        const request = http.request(`${front}/staff/upload/file`, { method: "POST", headers: { "content-length": 15 * MB } }, (response) => {
          response.resume();
          resolve(response.statusCode ?? 0);
          request.destroy();
        });
        request.on("error", (error) => (request.destroyed ? undefined : reject(error)));
        // 1 MB of the 15 declared, a chunk at a time, then wait for the answer.
        const chunk = Buffer.alloc(64 * 1024, "a");
        let sent = 0;
        const pump = () => {
          if (request.destroyed || sent >= MB) return;
          sent += chunk.length;
          request.write(chunk, () => setImmediate(pump));
        };
        pump();
      });
      expect(status, `round ${round + 1}`).toBe(401);
    }
  });
});

/** An upstream that holds every request until told to answer, counting how many it holds at once. */
async function upstreamHoldingRequests() {
  const held: (() => void)[] = [];
  const seen: string[] = [];
  let now = 0;
  let most = 0;
  const upstream = http.createServer((request, response) => {
    seen.push(request.url ?? "");
    now += 1;
    most = Math.max(most, now);
    held.push(() => {
      now -= 1;
      response.writeHead(200, { "content-type": "text/plain" }).end(`answer to ${request.url}`);
    });
  });
  const port = await listen(upstream);
  const waitUntilHeld = async (count: number) => {
    for (let tries = 0; held.length < count; tries++) {
      if (tries > 200) throw new Error(`the upstream holds ${held.length} requests, not ${count}`);
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  };
  const answerAll = () => held.splice(0).forEach((answer) => answer());
  return { port, seen, most: () => most, waitUntilHeld, answerAll };
}

describe("the front server under more readers than renders it allows", () => {
  it("lets Next.js work on at most renderConcurrency reads at once, and answers every reader", async () => {
    const upstream = await upstreamHoldingRequests();
    const front = await frontServer(upstream.port, { caching: true, renderConcurrency: 3 });
    const paths = Array.from({ length: 12 }, (_, i) => `/filings/filing-${i}`);
    const answers = Promise.all(paths.map(async (path) => [path, (await fetch(front + path)).status] as const));
    // Answer whatever is held, round after round, until every reader has its page.
    let settled = false;
    void answers.finally(() => (settled = true));
    while (!settled) {
      await new Promise((resolve) => setTimeout(resolve, 20));
      upstream.answerAll();
    }
    expect(await answers).toEqual(paths.map((path) => [path, 200]));
    expect(upstream.most()).toBe(3);
  });

  it("drops a render from the queue when its only reader gives up, so Next.js never renders it", async () => {
    const upstream = await upstreamHoldingRequests();
    const server = frontServerOf(upstream.port, { caching: true, renderConcurrency: 1 });
    const front = `http://127.0.0.1:${await listen(server)}`;
    const connections = () => new Promise<number>((resolve, reject) => server.getConnections((error, count) => (error ? reject(error) : resolve(count))));
    const first = fetch(front + "/filings/first");
    await upstream.waitUntilHeld(1);
    // Queued behind the first; its reader leaves before a connection is free.
    const gaveUp = fetch(front + "/filings/abandoned", { signal: AbortSignal.timeout(200) }).catch((error: Error) => error.name);
    expect(await gaveUp).toBe("TimeoutError");
    // The front server has seen that reader go once only the first reader's connection is left.
    while ((await connections()) > 1) await new Promise((resolve) => setTimeout(resolve, 10));
    const last = fetch(front + "/filings/last");
    upstream.answerAll();
    expect((await first).status).toBe(200);
    await upstream.waitUntilHeld(1);
    upstream.answerAll();
    expect((await last).status).toBe(200);
    expect(upstream.seen).toEqual(["/filings/first", "/filings/last"]);
  });
});
