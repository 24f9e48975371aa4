// The server readers reach (`npm start`'s PORT): it answers public reads from a cache
// of rendered responses and forwards everything else to Next.js, which listens on a
// loopback port of its own. The role a CDN or Varnish plays in front of a site, inside
// the one process that `npm start` runs (docs/decisions/009, docs/scaling.md).
//
// A public page is rendered once per change of the content, whatever the traffic: the
// first reader's request renders it (readers who ask for it meanwhile wait for that
// same render), the rest are served from memory, gzipped once, with an ETag.
import http, { type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from "node:http";
import { createHash } from "node:crypto";
import { promisify } from "node:util";
import { gzip as gzipCallback } from "node:zlib";

import { pageIgnoresParameters } from "@/lib/filters/routes";
import { CLIENT_ADDRESS_HEADER, clientAddressOf, signedClientAddress, type TrustedProxies } from "@/lib/auth/client-address";
import { SHARED_RENDER_HEADER } from "@/lib/http-cache/shared-render";
import { cacheKey, classifyRequest } from "@/lib/http-cache/requests";
import type { CachedResponse, ResponseCache } from "@/lib/http-cache/response-cache";
import { tagsOfResponse } from "@/lib/http-cache/tags";
import { bodyTooLargeMessage, declaredLength, maxBodyBytesFor } from "@/lib/security/body-limits";
import { PROBLEM_CONTENT_TYPE } from "@/lib/api/problem";
import { inlineHashes, isHttpsRequest, sharedPagePolicy } from "@/lib/security/csp";
import { isPagePath, badRequestPage } from "@/lib/security/request-path";

const gzip = promisify(gzipCallback);

export interface FrontServerOptions {
  /** Where Next.js listens (loopback). */
  upstream: { host: string; port: number };
  /** Public pages, feeds and API reads: forgotten when what they show changes. */
  pages: ResponseCache;
  /** The build's static files: never change while the server runs. */
  assets: ResponseCache;
  /**
   * Only this server sees the client's socket, so it tells Next.js the client's address
   * (DOCKETLINE_TRUSTED_PROXIES decides how far X-Forwarded-For is believed), signed with
   * the auth secret: the one address the sign-in limits count (lib/auth/client-address.ts).
   */
  clientAddress: { trust: TrustedProxies; secret: string };
  /**
   * How many reads Next.js works on at once (DOCKETLINE_RENDER_CONCURRENCY); the rest wait
   * here, where a waiting request costs a few hundred bytes. Writes are not counted: a
   * staff save never queues behind readers.
   */
  renderConcurrency: number;
}

/** Which way a response came: a header for people and tests to see the cache work. */
export const CACHE_STATUS_HEADER = "x-docketline-cache";

// Headers that belong to one connection, never forwarded or kept (RFC 9110 §7.6.1).
const HOP_BY_HOP = new Set(["connection", "keep-alive", "proxy-connection", "te", "trailer", "transfer-encoding", "upgrade"]);
// Set per response from the cached body, or never shared.
const NOT_KEPT = new Set([...HOP_BY_HOP, "content-length", "content-encoding", "etag", "date", "set-cookie"]);
const KEPT_STATUSES = new Set([200, 203, 301, 308, 404, 410]);
const COMPRESSIBLE = /^(text\/|application\/(json|problem\+json|xml|atom\+xml|rss\+xml|javascript|manifest\+json)|image\/svg\+xml)/;
const MIN_GZIP_BYTES = 860;
const REFUSED_BODY_LINGER_MS = 10_000;
/**
 * The longest request target (path and query) forwarded: a filter of every state and
 * kind is under 1,000. Short enough that the answers which repeat it fit in the 16 kB
 * of headers a default Node client (and many proxies) read: Next.js's redirects carry
 * it twice (Location and Refresh), and a redirect to sign-in percent-encodes it again.
 * At 8,192 a redirect of a target of 8,143 characters had 16.3 kB of headers.
 */
export const MAX_TARGET_LENGTH = 4_096;
/**
 * Next.js's own headers may outgrow Node's default 16 kB: a redirect to sign-in carries
 * the page's address in its Location, percent-encoded again. They are ours, not a
 * stranger's: read them rather than answer 502.
 */
const UPSTREAM_MAX_HEADER_BYTES = 256 * 1024;
// The front server itself speaks plain HTTP; HTTPS is whatever a proxy in front says.
const FRONT_URL = new URL("http://front.invalid/");

/** A render under way, shared by every reader of its key who came while it ran. */
interface Render {
  result: Promise<Rendered | null>;
  /** Readers still waiting for it. */
  readers: number;
  /** Aborted when the last reader leaves before it is done. */
  abandoned: AbortController;
}

interface Rendered {
  entry: CachedResponse;
  /** The render set cookies or failed: served to the readers who waited for it, not kept. */
  kept: boolean;
}

export function createFrontServer(options: FrontServerOptions): http.Server {
  // Past a few renders at once, Next.js gets no faster, only fuller: every request in it
  // holds its whole render, and under a spike they pile up until its heap runs out
  // (docs/decisions/029). The rest queue in this agent instead.
  const agent = new http.Agent({ keepAlive: true, maxSockets: options.renderConcurrency });
  // A kept-alive connection can be closed by Next.js (idle for 5 s) at the moment it is
  // reused; a read is then simply asked again on a new connection (isReusedSocketRace).
  // A write cannot be asked twice safely, so it never travels on a reused connection.
  const writeAgent = new http.Agent({ keepAlive: false });
  // One render per key at a time: a spike of readers of a page nobody has asked for
  // since the last change costs one render, not one per reader.
  const rendering = new Map<string, Render>();

  const forward = (request: IncomingMessage, response: ServerResponse, url: URL, retried = false) => {
    const idempotent = request.method === "GET" || request.method === "HEAD";
    const upstream = http.request(
      {
        ...options.upstream,
        agent: idempotent ? agent : writeAgent,
        maxHeaderSize: UPSTREAM_MAX_HEADER_BYTES,
        method: request.method,
        path: url.pathname + url.search,
        // A write's connection is never reused (writeAgent), but it says keep-alive: a
        // route that answers before reading the body (the upload's 401) then has Node.js
        // read and drop the rest, where "close" makes it reset the connection while the
        // body is still coming, and the answer can be lost to the reset (a 502).
        headers: idempotent ? forwardedHeaders(request, options.clientAddress) : { ...forwardedHeaders(request, options.clientAddress), connection: "keep-alive" },
      },
      (answer) => {
        const status = pageStatus(request, url, answer.statusCode ?? 502);
        response.writeHead(status, status === answer.statusCode ? answer.statusMessage : undefined, withoutHopByHop(answer.rawHeaders));
        answer.pipe(response);
      },
    );
    let refused = false;
    upstream.on("error", (error) => {
      if (refused) return;
      if (idempotent && !retried && !response.headersSent && isReusedSocketRace(upstream, error)) {
        forward(request, response, url, true);
      } else {
        failGateway(response);
      }
    });
    response.on("close", () => {
      if (!response.writableFinished) upstream.destroy();
    });
    if (idempotent) return void upstream.end();
    // A body without a declared length is counted as it passes: past the limit, the
    // request to Next.js is dropped and the reader told why.
    const limit = maxBodyBytesFor(url.pathname);
    let received = 0;
    request.on("data", (chunk: Buffer) => {
      received += chunk.length;
      if (received > limit && !refused) {
        refused = true;
        request.unpipe(upstream);
        upstream.destroy();
        refuseBody(request, response, limit);
      }
    });
    // A client that gives up mid-body leaves nothing open behind it.
    request.on("close", () => {
      if (!request.complete) upstream.destroy();
    });
    request.pipe(upstream);
  };

  const serveFromCache = async (request: IncomingMessage, response: ServerResponse, url: URL, cache: ResponseCache, shared: boolean) => {
    const key = cacheKey(url, request.headers);
    const hit = cache.get(key);
    if (hit) return send(request, response, hit, "hit");
    let underway = rendering.get(key);
    const leader = !underway;
    if (!underway) {
      const abandoned = new AbortController();
      const started: Render = { result: render(options, agent, request, url, cache, key, shared, abandoned.signal), readers: 0, abandoned };
      underway = started;
      rendering.set(key, started);
      void started.result.finally(() => rendering.get(key) === started && rendering.delete(key));
    }
    // A render every reader has given up on is not worth its place in the queue or Next.js's
    // time: under a spike, readers who time out would otherwise leave their renders running.
    const joined = underway;
    joined.readers += 1;
    let waiting = true;
    const leave = () => {
      waiting = false;
      joined.readers -= 1;
      if (joined.readers > 0) return;
      joined.abandoned.abort();
      if (rendering.get(key) === joined) rendering.delete(key);
    };
    response.once("close", leave);
    const rendered = await joined.result;
    if (!waiting) return;
    response.off("close", leave);
    joined.readers -= 1;
    // Too large to keep, or Next.js did not answer: this reader gets a request of its own.
    if (!rendered) return forward(request, response, url);
    send(request, response, rendered.entry, rendered.kept ? (leader ? "miss" : "miss, shared") : "uncacheable");
  };

  return http.createServer((request, response) => {
    const target = request.url ?? "/";
    // A link no page writes; turned away before it costs Next.js a render (or, behind
    // these headers, more than Node's 16 kB of headers, which it would drop unanswered).
    if (target.length > MAX_TARGET_LENGTH) {
      return refuse(response, target, 414, "URI too long", `The address is longer than ${MAX_TARGET_LENGTH.toLocaleString("en-US")} characters.`);
    }
    let url: URL;
    try {
      url = new URL(target, FRONT_URL);
    } catch {
      return refuse(response, target, 400, "Bad request", "The request target is not a URL.");
    }
    // A body larger than the path takes is refused unread (lib/security/body-limits.ts).
    const limit = maxBodyBytesFor(url.pathname);
    if ((declaredLength(request.headers["content-length"]) ?? 0) > limit) return refuseBody(request, response, limit);
    const kind = classifyRequest(request.method, url, request.headers);
    if (kind === "shared" && options.pages.enabled) {
      serveFromCache(request, response, url, options.pages, true).catch(() => failGateway(response));
    } else if (kind === "asset" && options.assets.enabled) {
      serveFromCache(request, response, url, options.assets, false).catch(() => failGateway(response));
    } else {
      forward(request, response, url);
    }
  });
}

/** Renders a response for the cache: one GET of the whole body, uncompressed, kept if it may be. */
async function render(
  { upstream, clientAddress }: FrontServerOptions,
  agent: http.Agent,
  request: IncomingMessage,
  url: URL,
  cache: ResponseCache,
  key: string,
  shared: boolean,
  abandoned: AbortSignal,
): Promise<Rendered | null> {
  const generation = cache.generation;
  const headers = forwardedHeaders(request, clientAddress);
  // Nothing of one reader may shape what every reader gets.
  delete headers.cookie;
  delete headers.authorization;
  delete headers[CLIENT_ADDRESS_HEADER];
  delete headers["if-none-match"];
  delete headers["if-modified-since"];
  headers["accept-encoding"] = "identity";
  if (shared) headers[SHARED_RENDER_HEADER] = "1";

  const get = (retried: boolean) =>
    new Promise<{ status: number; headers: IncomingHttpHeaders; body: Buffer } | null>((resolve) => {
      const upstreamRequest = http.request({ ...upstream, agent, maxHeaderSize: UPSTREAM_MAX_HEADER_BYTES, method: "GET", path: url.pathname + url.search, headers }, (response) => {
        const chunks: Buffer[] = [];
        let length = 0;
        response.on("data", (chunk: Buffer) => {
          length += chunk.length;
          if (length > cache.limits.maxEntryBytes) {
            response.destroy();
            resolve(null);
          } else chunks.push(chunk);
        });
        response.on("end", () => resolve({ status: response.statusCode ?? 502, headers: response.headers, body: Buffer.concat(chunks) }));
        response.on("error", () => resolve(null));
      });
      upstreamRequest.on("error", (error) => resolve(!retried && !abandoned.aborted && isReusedSocketRace(upstreamRequest, error) ? get(true) : null));
      // Still queued for a connection, it leaves the queue; under way, Next.js sees its client go.
      const abandon = () => upstreamRequest.destroy();
      abandoned.addEventListener("abort", abandon, { once: true });
      upstreamRequest.on("close", () => abandoned.removeEventListener("abort", abandon));
      upstreamRequest.end();
    });
  const answer = await get(false);
  if (!answer) return null;

  const kept: Record<string, string> = {};
  for (const [name, value] of Object.entries(answer.headers)) {
    if (value === undefined || NOT_KEPT.has(name) || name === SHARED_RENDER_HEADER) continue;
    kept[name] = Array.isArray(value) ? value.join(", ") : value;
  }
  const contentType = kept["content-type"] ?? "";
  const https = isHttpsRequest(FRONT_URL, new Headers(headers));
  // A page proxy.ts rendered for sharing, without a nonce, under a policy that runs no
  // inline script: allow exactly its own. (HTML that the proxy did not see, such as a
  // 404 under /api/, keeps the policy under which nothing runs.)
  if (shared && contentType.startsWith("text/html") && kept["content-security-policy"] === sharedPagePolicy({ https })) {
    const hashes = await inlineHashes(answer.body.toString("utf8"));
    kept["content-security-policy"] = sharedPagePolicy({ scriptHashes: hashes.scripts, styleHashes: hashes.styles, https });
    // Next.js marks a page rendered per request as private; this one is everyone's, and
    // a browser or CDN may keep it as long as it asks again (ETag) before each use.
    kept["cache-control"] = "public, no-cache";
  }
  kept.vary = mergeVary(kept.vary, "Accept-Encoding");

  const compressible = COMPRESSIBLE.test(contentType) && answer.body.length >= MIN_GZIP_BYTES;
  const entry: CachedResponse = {
    // Not kept (KEPT_STATUSES) when a parameter was bad: such links are rare, and each
    // may be different.
    status: pageStatus(request, url, answer.status),
    headers: kept,
    body: answer.body,
    gzip: compressible ? await gzip(answer.body, { level: 6 }) : null,
    // The API's own validator where it sets one (as Next.js, which compresses behind it,
    // did before); otherwise one of the body. Both encodings share it: they are the same
    // content, and 304s ignore the difference.
    etag: firstValue(answer.headers.etag) ?? `W/"${createHash("sha256").update(answer.body).digest("base64url").slice(0, 27)}"`,
    storedAt: Date.now(),
  };
  const cacheable = KEPT_STATUSES.has(answer.status) && answer.headers["set-cookie"] === undefined;
  return { entry, kept: cacheable && cache.set(key, entry, generation, shared ? tagsOfResponse(url.pathname, answer.body) : []) };
}

function send(request: IncomingMessage, response: ServerResponse, entry: CachedResponse, status: string) {
  const headers: Record<string, string | number> = { ...entry.headers, etag: entry.etag, [CACHE_STATUS_HEADER]: status };
  if (status === "hit") headers.age = Math.floor((Date.now() - entry.storedAt) / 1000);
  if (matchesEtag(request.headers["if-none-match"], entry.etag) && (entry.status === 200 || entry.status === 203)) {
    delete headers["content-type"];
    response.writeHead(304, headers).end();
    return;
  }
  const body = entry.gzip && acceptsGzip(request.headers["accept-encoding"]) ? entry.gzip : entry.body;
  if (body === entry.gzip) headers["content-encoding"] = "gzip";
  headers["content-length"] = body.length;
  response.writeHead(entry.status, headers);
  response.end(request.method === "HEAD" ? undefined : body);
}

/**
 * The reader's headers for Next.js, as a proxy passes them on: the client's address
 * appended to X-Forwarded-For, and in our own header, signed, the client's address as
 * worked out here, replacing whatever the client sent in it.
 */
function forwardedHeaders(request: IncomingMessage, clientAddress: FrontServerOptions["clientAddress"]): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(request.headers)) {
    if (value === undefined || HOP_BY_HOP.has(name) || name === SHARED_RENDER_HEADER || name === CLIENT_ADDRESS_HEADER) continue;
    headers[name] = Array.isArray(value) ? value.join(name === "cookie" ? "; " : ", ") : value;
  }
  const address = request.socket.remoteAddress;
  if (address) headers["x-forwarded-for"] = headers["x-forwarded-for"] ? `${headers["x-forwarded-for"]}, ${address}` : address;
  headers[CLIENT_ADDRESS_HEADER] = signedClientAddress(clientAddressOf(request, clientAddress.trust), clientAddress.secret);
  return headers;
}

/**
 * A page rendered for a query with a parameter it ignored answers 400 (pageIgnoresParameters);
 * not the client router's payload requests (their status would make it reload the page).
 */
function pageStatus(request: IncomingMessage, url: URL, status: number): number {
  const read = request.method === "GET" || request.method === "HEAD";
  return status === 200 && read && request.headers.rsc === undefined && !url.searchParams.has("_rsc") && pageIgnoresParameters(url) ? 400 : status;
}

/** The request failed because the kept-alive connection it was sent on had been closed by the other end. */
function isReusedSocketRace(request: http.ClientRequest, error: NodeJS.ErrnoException): boolean {
  return request.reusedSocket && (error.code === "ECONNRESET" || error.code === "EPIPE");
}

function withoutHopByHop(raw: string[]): string[] {
  const kept: string[] = [];
  for (let i = 0; i < raw.length; i += 2) {
    if (!HOP_BY_HOP.has(raw[i].toLowerCase())) kept.push(raw[i], raw[i + 1]);
  }
  return kept;
}

/**
 * 413, at once. The rest of the body is then read and thrown away (Node.js does so for
 * an unread request), for at most REFUSED_BODY_LINGER_MS: a client that is still
 * sending when the answer comes would otherwise see a broken connection instead of it.
 */
function refuseBody(request: IncomingMessage, response: ServerResponse, limit: number) {
  if (response.headersSent) return void response.destroy();
  response.writeHead(413, { "content-type": "text/plain; charset=utf-8" }).end(`${bodyTooLargeMessage(limit)}\n`);
  const linger = setTimeout(() => request.socket.destroy(), REFUSED_BODY_LINGER_MS).unref();
  request.on("end", () => clearTimeout(linger));
}

/** An error the front server answers itself, before Next.js: an HTML page for pages, problem details for the rest. */
function refuse(response: ServerResponse, target: string, status: number, title: string, detail: string) {
  const page = isPagePath(target.split("?")[0]);
  response.writeHead(status, { "content-type": page ? "text/html; charset=utf-8" : PROBLEM_CONTENT_TYPE, "cache-control": "no-store" });
  response.end(page ? badRequestPage(detail) : JSON.stringify({ type: "about:blank", title, status, detail }));
}

function failGateway(response: ServerResponse) {
  if (!response.headersSent) {
    response.writeHead(502, { "content-type": "text/plain; charset=utf-8" }).end("Docketline is restarting or overloaded; try again in a moment.\n");
  } else {
    response.destroy();
  }
}

function matchesEtag(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  const bare = etag.replace(/^W\//, "");
  return header === "*" || header.split(",").some((candidate) => candidate.trim().replace(/^W\//, "") === bare);
}

function acceptsGzip(header: string | undefined): boolean {
  if (!header) return false;
  return header.split(",").some((part) => {
    const [coding, ...params] = part.trim().toLowerCase().split(";");
    if (coding.trim() !== "gzip" && coding.trim() !== "*") return false;
    const q = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
    return !q || Number(q.slice(2)) > 0;
  });
}

function firstValue(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

function mergeVary(existing: string | undefined, name: string): string {
  const names = (existing ?? "").split(",").map((v) => v.trim()).filter(Boolean);
  return names.some((v) => v.toLowerCase() === name.toLowerCase()) ? names.join(", ") : [...names, name].join(", ");
}
