// Docketline's Content-Security-Policy, in one place (docs/decisions/007).
//
// Pages get a policy with a fresh nonce per request: proxy.ts puts it on the request,
// where Next.js reads it and stamps it on every script it emits. Responses that are
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
  const directives: Directive[] = [
    // 'strict-dynamic': the nonce'd Next.js runtime may load its own chunks; any other
    // script, inline or from any host (including 'self'), is refused.
    ["script-src", "'self'", `'nonce-${nonce}'`, "'strict-dynamic'", ...(development ? ["'unsafe-eval'"] : [])],
    ["default-src", "'self'"],
    // Style attributes cannot carry a nonce, and the pages need them: the insights
    // charts colour their cells and bars with server-rendered style="…" attributes,
    // and react-chrono (components/timeline/timeline-views.tsx) sizes and positions
    // its cards with inline styles and CSS variables. So attributes may be inline;
    // <style> elements still need the nonce (Next.js stamps its own). 'unsafe-inline'
    // in style-src is only for browsers that predate style-src-attr/-elem: a browser
    // that knows those directives ignores style-src for both.
    ["style-src", "'self'", "'unsafe-inline'"],
    ["style-src-elem", "'self'", development ? "'unsafe-inline'" : `'nonce-${nonce}'`],
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

function serialize(directives: Directive[]): string {
  return directives.map((directive) => directive.join(" ")).join("; ");
}

/** Whether the request reached us over HTTPS; behind a proxy, the proxy says so in X-Forwarded-Proto. */
export function isHttpsRequest(url: URL, headers: Headers): boolean {
  const forwarded = headers.get("x-forwarded-proto")?.split(",")[0].trim().toLowerCase();
  return (forwarded ?? url.protocol.replace(/:$/, "")) === "https";
}
