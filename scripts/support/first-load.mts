// What a page weighs over the wire, shared by `npm run bench:http` and
// `npm run bench:first-load`: a response's raw and gzip sizes, and the JavaScript and
// CSS that a first visit to a page loads, read from the tags of its served HTML.
import http from "node:http";
import { performance } from "node:perf_hooks";
import { gunzipSync, gzipSync, inflateSync } from "node:zlib";

/**
 * Strings that only react-chrono's JavaScript and CSS contain, both of them (its
 * vanilla-extract prefix, a class of its items). Not its wrapper's class: our own few
 * rules that override it (components/timeline/visual-timeline.module.css) name that one.
 */
const CHRONO_MARKERS = ["._1v4ezef", "timeline-horizontal-item"];

const FETCH_TIMEOUT_MS = 180_000;

/** Issue 9's budget for the first load of `/` (JS + CSS, gzip; kB of 1,000 bytes, the stricter reading). */
export const FIRST_LOAD_BUDGET = 150_000;

export interface Sizes {
  status: number;
  /** The first request's time: for a cache, the uncached one. */
  firstMs: number;
  raw: number;
  gzip: number;
  /** False when the server sent it uncompressed and the bench gzipped it (level 6). */
  gzipServed: boolean;
  body: Buffer;
}

/** One GET over a fresh connection, the body as it came on the wire (not decompressed). */
function get(url: string, headers: Record<string, string> = {}): Promise<{ status: number; encoding: string; body: Buffer; ms: number }> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const request = http.get(url, { headers, agent: false, timeout: FETCH_TIMEOUT_MS }, (response) => {
      const chunks: Buffer[] = [];
      response.on("data", (chunk: Buffer) => chunks.push(chunk));
      response.on("end", () =>
        resolve({ status: response.statusCode ?? 0, encoding: String(response.headers["content-encoding"] ?? ""), body: Buffer.concat(chunks), ms: performance.now() - started }),
      );
      response.on("error", reject);
    });
    request.on("timeout", () => request.destroy(new Error(`GET ${url} took longer than ${FETCH_TIMEOUT_MS / 1000} s`)));
    request.on("error", reject);
  });
}

function decode(body: Buffer, encoding: string): Buffer {
  if (encoding === "gzip") return gunzipSync(body);
  if (encoding === "deflate") return inflateSync(body);
  if (encoding === "" || encoding === "identity") return body;
  throw new Error(`Unexpected content-encoding ${encoding}`);
}

/** Fetches once without and once with `Accept-Encoding: gzip`; the first is timed. */
export async function measureSizes(origin: string, urlPath: string): Promise<Sizes> {
  const plain = await get(origin + urlPath);
  const body = decode(plain.body, plain.encoding);
  const zipped = await get(origin + urlPath, { "accept-encoding": "gzip" });
  const gzipServed = zipped.encoding === "gzip";
  return {
    status: plain.status,
    firstMs: plain.ms,
    raw: body.length,
    gzip: gzipServed ? zipped.body.length : gzipSync(decode(zipped.body, zipped.encoding), { level: 6 }).length,
    gzipServed,
    body,
  };
}

export interface FirstLoadAsset {
  path: string;
  type: "js" | "css";
  raw: number;
  gzip: number;
}

export interface FirstLoad {
  files: number;
  /** gzip bytes */
  js: number;
  css: number;
  /** The files that hold react-chrono's code or styles (none, within budget). */
  chrono: string[];
  allServedGzip: boolean;
  /** Each file, largest first. */
  assets: FirstLoadAsset[];
  /** `<script nomodule>` files, not counted: browsers that run modules never fetch them. */
  noModule: string[];
}

/** The JS and CSS a first visit loads: the page's own script and stylesheet tags under /_next/. */
export async function measureFirstLoad(origin: string, html: string): Promise<FirstLoad> {
  const assets = new Map<string, "js" | "css">();
  const skipped: string[] = [];
  const attribute = (tag: string, name: string) => tag.match(new RegExp(`\\s${name}="([^"]*)"`, "i"))?.[1]?.replaceAll("&amp;", "&");
  for (const [tag] of html.matchAll(/<script\b[^>]*>/gi)) {
    const src = attribute(tag, "src");
    // Next.js's polyfills for browsers without JavaScript modules: every browser that
    // runs modules (all the ones Next.js supports) skips a `nomodule` script unfetched.
    if (/\snomodule\b/i.test(tag)) {
      if (src) skipped.push(src);
      continue;
    }
    if (src?.startsWith("/_next/")) assets.set(src, "js");
  }
  for (const [tag] of html.matchAll(/<link\b[^>]*>/gi)) {
    const href = attribute(tag, "href");
    const rel = (attribute(tag, "rel") ?? "").toLowerCase().split(/\s+/);
    const as = attribute(tag, "as");
    if (!href?.startsWith("/_next/")) continue;
    if (rel.includes("stylesheet") || (rel.includes("preload") && as === "style")) assets.set(href, "css");
    else if (rel.includes("modulepreload") || (rel.includes("preload") && as === "script")) assets.set(href, "js");
  }
  let js = 0;
  let css = 0;
  const chrono: string[] = [];
  const measured: FirstLoadAsset[] = [];
  let allServedGzip = true;
  for (const [asset, type] of assets) {
    const sizes = await measureSizes(origin, asset);
    if (type === "js") js += sizes.gzip;
    else css += sizes.gzip;
    allServedGzip &&= sizes.gzipServed;
    measured.push({ path: asset, type, raw: sizes.raw, gzip: sizes.gzip });
    const text = sizes.body.toString("utf8");
    if (CHRONO_MARKERS.some((marker) => text.includes(marker))) chrono.push(asset);
  }
  return { files: assets.size, js, css, chrono, allServedGzip, assets: measured.sort((a, b) => b.gzip - a.gzip), noModule: skipped };
}
