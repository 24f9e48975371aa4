// Docketline's Content-Security-Policy, in one place (docs/decisions/007 and 009).
//
// Staff pages get a policy with a fresh nonce per request: proxy.ts puts it on the
// request, where Next.js reads it and stamps it on every script it emits. Public pages,
// served to everyone from the response cache, allow their inline scripts by hash
// instead (sharedPagePolicy). Responses that are
// not pages (the API, exports, feeds, sitemaps, static files) never reach the proxy:
// next.config.js gives them a fixed policy under which nothing runs, so it needs no
// nonce, along with the headers that do not vary.

/** The directives, in order; `script-src` must come first for Next.js to find the nonce. */
type Directive = [name: string, ...sources: string[]];

export interface PagePolicyOptions {
  /** Fresh per request, from createNonce(). */
  nonce: string;
  /** `next dev`: React rebuilds server error stacks with eval, and the dev overlay injects style elements without the nonce. */
  development?: boolean;
  /** Whether the reader reached the page over HTTPS (directly or through a TLS-terminating proxy). */
  https?: boolean;
}

/** 128 random bits, base64: what the nonce must be to be unguessable. */
export function createNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes));
}

export function pagePolicy({ nonce, development = false, https = false }: PagePolicyOptions): string {
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(nonce)) throw new Error(`nonce must be base64, got ${JSON.stringify(nonce)}`);
  return policyWith({
    // 'strict-dynamic': the nonce'd Next.js runtime may load its own chunks; any other
    // script, inline or from any host (including 'self'), is refused.
    scripts: ["'self'", `'nonce-${nonce}'`, "'strict-dynamic'", ...(development ? ["'unsafe-eval'"] : [])],
    styleElements: ["'self'", development ? "'unsafe-inline'" : `'nonce-${nonce}'`],
    https,
  });
}

export interface SharedPagePolicyOptions {
  /** The inline scripts the page may run, from inlineHashes(); none when unknown. */
  scriptHashes?: string[];
  /** The inline <style> elements the page may apply. */
  styleHashes?: string[];
  https?: boolean;
}

/**
 * The policy of a page rendered once and served to every reader from the response
 * cache (lib/http-cache, docs/decisions/009): a nonce would be the same for everyone
 * and so no secret, so the page's own inline scripts are allowed by their SHA-256
 * instead, and its script files by 'self' (Next.js serves them from /_next/static).
 * Markup injected into such a page runs no more than under the nonce: its hash is not
 * in the list. Rendered without hashes (by the proxy, before the cache has seen the
 * page), the policy runs no inline script at all.
 */
export function sharedPagePolicy({ scriptHashes = [], styleHashes = [], https = false }: SharedPagePolicyOptions = {}): string {
  return policyWith({ scripts: ["'self'", ...scriptHashes], styleElements: ["'self'", ...styleHashes], https });
}

function policyWith({ scripts, styleElements, https }: { scripts: string[]; styleElements: string[]; https: boolean }): string {
  const directives: Directive[] = [
    ["script-src", ...scripts],
    ["default-src", "'self'"],
    // Style attributes cannot carry a nonce or a hash, and the pages need them: the
    // insights charts colour their cells and bars with server-rendered style="…"
    // attributes, and react-chrono (components/timeline/) sizes and positions its cards
    // with inline styles and CSS variables. So attributes may be inline; <style>
    // elements still need the nonce or their hash. 'unsafe-inline' in style-src is only
    // for browsers that predate style-src-attr/-elem: a browser that knows those
    // directives ignores style-src for both.
    ["style-src", "'self'", "'unsafe-inline'"],
    ["style-src-elem", ...styleElements],
    ["style-src-attr", "'unsafe-inline'"],
    ["img-src", "'self'", "data:", "blob:"],
    ["font-src", "'self'"],
    ["connect-src", "'self'"],
    ["object-src", "'none'"],
    ["base-uri", "'self'"],
    ["form-action", "'self'"],
    ["frame-ancestors", "'none'"],
    // Over plain HTTP (a laptop, the tests) upgrading would break every subresource.
    ...(https ? [["upgrade-insecure-requests"] as Directive] : []),
  ];
  return serialize(directives);
}

// An HTML tokenizer ends a <script> or <style> element's text at the first "</script"
// or "</style" (case-insensitive), whatever comes before it: these patterns cut the
// same text the browser hashes. Only elements without a src are inline; a <script> of
// a data type (JSON-LD) is never run, and hashing it as well does no harm.
const INLINE_SCRIPT = /<script\b(?![^>]*\bsrc\s*=)[^>]*>([\s\S]*?)<\/script/gi;
const INLINE_STYLE = /<style\b[^>]*>([\s\S]*?)<\/style/gi;

/** CSP source expressions ('sha256-…') for every inline script and style element of a page. */
export async function inlineHashes(html: string): Promise<{ scripts: string[]; styles: string[] }> {
  const hashAll = async (pattern: RegExp) => {
    const texts = new Set(Array.from(html.matchAll(pattern), (match) => match[1]));
    return Promise.all(Array.from(texts, sha256Source));
  };
  const [scripts, styles] = await Promise.all([hashAll(INLINE_SCRIPT), hashAll(INLINE_STYLE)]);
  return { scripts, styles };
}

async function sha256Source(text: string): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", new TextEncoder().encode(text)));
  return `'sha256-${btoa(String.fromCharCode(...digest))}'`;
}

function serialize(directives: Directive[]): string {
  return directives.map((directive) => directive.join(" ")).join("; ");
}

/** Whether the request reached us over HTTPS; behind a proxy, the proxy says so in X-Forwarded-Proto. */
export function isHttpsRequest(url: URL, headers: Headers): boolean {
  const forwarded = headers.get("x-forwarded-proto")?.split(",")[0].trim().toLowerCase();
  return (forwarded ?? url.protocol.replace(/:$/, "")) === "https";
}
