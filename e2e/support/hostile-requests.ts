// Hostile GET requests over every route of the app, for the fuzzer (scripts/fuzz.mts)
// and its short run in `npm test` (e2e/bad-input.spec.ts). The routes are read from the
// app/ tree, so a new route is fuzzed without anyone adding it here; the requests come
// from fast-check arbitraries with a seed, so a failing run can be repeated exactly.
import { readdirSync } from "node:fs";
import http from "node:http";
import path from "node:path";

import fc from "fast-check";

import { FILING_KINDS } from "../../lib/dataset/vocabulary";
import { FILTER_KEYS, SEARCH_WORDS_PARAMS } from "../../lib/filters/schema";

const APP = path.resolve(import.meta.dirname, "../../app");

export interface AppRoute {
  /** The URL pattern, with its dynamic segments as `[name]`: `/filings/[id]/cite.bib`. */
  pattern: string;
  /** The file that answers it, relative to the project. */
  file: string;
  kind: "page" | "route" | "metadata";
}

/**
 * Every route under app/: pages, route handlers and metadata files (robots.ts is
 * /robots.txt, a sitemap.ts beside generateSitemaps is /…/sitemap/[id].xml, icon.svg
 * itself). Route groups `(name)` are not part of the URL.
 */
export function listAppRoutes(): AppRoute[] {
  const routes: AppRoute[] = [];
  const walk = (dir: string) => {
    const segments = path.relative(APP, dir).split(path.sep).filter((s) => s && !/^\(.*\)$/.test(s));
    const here = `/${segments.join("/")}`.replace(/\/$/, "") || "";
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      const file = path.relative(path.dirname(APP), full);
      if (entry.isDirectory()) walk(full);
      else if (entry.name === "page.tsx") routes.push({ pattern: here || "/", file, kind: "page" });
      else if (entry.name === "route.ts") routes.push({ pattern: here || "/", file, kind: "route" });
      else if (entry.name === "robots.ts") routes.push({ pattern: `${here}/robots.txt`, file, kind: "metadata" });
      else if (entry.name === "sitemap.ts") routes.push({ pattern: `${here}/sitemap/[id].xml`, file, kind: "metadata" });
      else if (/^icon\.(svg|png|ico)$/.test(entry.name)) routes.push({ pattern: `${here}/${entry.name}`, file, kind: "metadata" });
    }
  };
  walk(APP);
  return routes.sort((a, b) => a.pattern.localeCompare(b.pattern));
}

/** Real values for dynamic segments, so that some requests reach a record and its queries. */
export interface KnownIds {
  id: string[];
  code: string[];
}

// Percent-encoding that is not UTF-8, or decodes to what no id holds.
const BAD_ESCAPES = ["%", "%E0%A4%A", "%ED%A0%80", "%C0%AF", "%FF", "%00", "%0A", "%1B", "%2F..%2F", "%25", "%E2%80%AE", "%F0%9F%92%A9", "%EF%BF%BF", "%u0000"];
/** Under Node's 16 kB limit for the request line and headers together. */
const MAX_SENT_TARGET = 14_000;
const OBJECT_NAMES = Object.getOwnPropertyNames(Object.prototype);
const OTHER_PARAMS = ["limit", "bom", "view", "page", "dir", "status", "court", "show", "reverted", "next", "measure", "_rsc", ...Object.values(SEARCH_WORDS_PARAMS)];

/** Text percent-encoded as a browser would. */
const encoded = (text: string) => encodeURIComponent(text);

const hostileText = fc.oneof(
  fc.string({ unit: "binary", maxLength: 30 }).map(encoded),
  fc.string({ unit: "grapheme", maxLength: 20 }).map(encoded),
  fc.constantFrom(...BAD_ESCAPES),
  fc.array(fc.constantFrom(...BAD_ESCAPES, "a", "NM", ",", "+", "=", "&amp;"), { maxLength: 8 }).map((parts) => parts.join("")),
  fc.constantFrom("%3Cscript%3Ealert(1)%3C%2Fscript%3E", "'%20OR%201%3D1--", "..%2F..%2Fetc%2Fpasswd", "9999-99-99", "2018-02-30", "-1", "1e309", "NaN", "0x10", "a.%00", "b.AAAA"),
);

// Long values: up to URLs past the front server's limit (MAX_TARGET_LENGTH), short of
// Node's own 16 kB for all the headers, past which Node answers 431 before any of our code.
const longText = fc.integer({ min: 500, max: 10_000 }).map((n) => "x".repeat(n));

const validValue = fc.constantFrom("NM", "wa", "NM,WA", "all", "lead", "order", "motion", ...FILING_KINDS, "2018", "2018-07", "2018-07-02", "flores", "reunification", "granted", "oldest", "50", "1", "0", "timeline", "list", "name", "asc");

const paramName = fc.oneof(
  fc.constantFrom(...FILTER_KEYS, ...OTHER_PARAMS),
  fc.constantFrom(...OBJECT_NAMES, "__proto__", "prototype", "state[]", "state[0]", ""),
  hostileText,
);

const param = fc
  .tuple(paramName, fc.oneof({ weight: 4, arbitrary: validValue }, { weight: 5, arbitrary: hostileText }, { weight: 1, arbitrary: longText }))
  .map(([name, value]) => `${name}=${value}`);

const query = fc.oneof(
  fc.constant(""),
  fc.array(param, { minLength: 1, maxLength: 12 }).map((params) => params.join("&")),
  // One parameter repeated hundreds of times: the chips of a long `kind` list.
  fc.tuple(fc.constantFrom("kind", "state", "q", "from"), fc.oneof(validValue, fc.constantFrom(...BAD_ESCAPES)), fc.integer({ min: 50, max: 400 })).map(([name, value, times]) => Array.from({ length: times }, () => `${name}=${value}`).join("&")),
  // Malformed query syntax.
  fc.constantFrom("&&&", "=", "==", "state", "state=&state=", "%", "?", "a=%", "%3D=%3D"),
);

function segmentFor(name: string, ids: KnownIds): fc.Arbitrary<string> {
  const known = name === "code" ? ids.code : ids.id;
  return fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...(known.length ? known : ["x"])) }, { weight: 5, arbitrary: hostileText }, { weight: 1, arbitrary: longText });
}

export interface HostileRequest {
  method: "GET" | "HEAD";
  /** The request target as sent: path and query, percent-encoding left as generated. */
  target: string;
  route: string;
}

/** A request to one of `routes`, with hostile segments, parameter names and values. */
export function hostileRequest(routes: AppRoute[], ids: KnownIds): fc.Arbitrary<HostileRequest> {
  return fc.constantFrom(...routes).chain((route) => {
    const dynamic = [...route.pattern.matchAll(/\[([^\]]+)\]/g)].map((m) => m[1]);
    const segments = dynamic.map((name) => (route.pattern.includes("sitemap/[id]") ? fc.oneof(fc.constantFrom("0", "1", "2", "99999"), hostileText) : segmentFor(name, ids)));
    return fc.tuple(fc.tuple(...segments), query, fc.constantFrom<"GET" | "HEAD">("GET", "GET", "GET", "HEAD")).map(([values, search, method]) => {
      let i = 0;
      const pathname = route.pattern.replace(/\[[^\]]+\]/g, () => values[i++]);
      const target = search ? `${pathname}?${search}` : pathname;
      return { method, target: target.slice(0, MAX_SENT_TARGET), route: route.pattern };
    });
  });
}

/** The requests of a run: the same for the same seed. */
export function sampleRequests(routes: AppRoute[], ids: KnownIds, count: number, seed: number): HostileRequest[] {
  return fc.sample(hostileRequest(routes, ids), { numRuns: count, seed });
}

/** What a response's body must never show a reader: a stack trace or the server's own paths. */
const STACK_TRACE = /\n\s+at [^\n]+:\d+:\d+\)?|\bat (async )?[\w$.<>]+ \((\/|file:|node:)|node_modules\/|\.next\/server\/|webpack-internal:/;

export interface Answer {
  status: number;
  contentType: string;
  /** A stack trace or server path the body showed, if any. */
  leak: string | null;
  body: string;
}

/** What the bodies the fuzzer reads are cut to: enough to find a trace, not an export. */
const MAX_BODY = 1_000_000;

/**
 * Sends a request exactly as generated (node:http, which does not re-encode the target
 * as fetch would) and reads the answer. Network failures are answers too: status 0.
 */
export function send(origin: string, request: HostileRequest, timeoutMs = 60_000): Promise<Answer> {
  const url = new URL(origin);
  return new Promise((resolve) => {
    let req: http.ClientRequest;
    try {
      req = http.request({ host: url.hostname, port: url.port, method: request.method, path: request.target, timeout: timeoutMs }, (response) => {
        const chunks: Buffer[] = [];
        let length = 0;
        response.on("data", (chunk: Buffer) => {
          if (length < MAX_BODY) chunks.push(chunk);
          length += chunk.length;
        });
        response.on("end", () => {
          const body = Buffer.concat(chunks).toString("utf8");
          resolve({ status: response.statusCode ?? 0, contentType: String(response.headers["content-type"] ?? ""), leak: STACK_TRACE.exec(body)?.[0] ?? null, body });
        });
        response.on("error", () => resolve({ status: 0, contentType: "", leak: null, body: "" }));
      });
    } catch (error) {
      // A target node:http itself refuses to send; not the server's doing.
      resolve({ status: -1, contentType: "", leak: null, body: String(error) });
      return;
    }
    req.on("timeout", () => req.destroy(new Error("timeout")));
    req.on("error", (error) => resolve({ status: 0, contentType: "", leak: null, body: String(error) }));
    req.end();
  });
}

/** Ids and codes that exist, from the API, so that some requests reach real records. */
export async function findKnownIds(origin: string): Promise<KnownIds> {
  const read = async (path: string) => {
    const response = await fetch(origin + path, { signal: AbortSignal.timeout(60_000) });
    return response.ok ? ((await response.json()) as { data: { id?: string; code?: string }[] }).data : [];
  };
  const [filings, lawsuits, jurisdictions] = await Promise.all([read("/api/v1/filings?limit=5"), read("/api/v1/lawsuits"), read("/api/v1/jurisdictions")]);
  return {
    id: [...filings, ...lawsuits.slice(0, 5)].map((r) => encoded(r.id ?? "")).filter(Boolean),
    code: jurisdictions.slice(0, 5).map((r) => encoded(r.code ?? "")).filter(Boolean),
  };
}
