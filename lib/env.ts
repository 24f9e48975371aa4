// The one place that reads configuration from the environment. Everything else asks
// this module, so a bad value fails at start with a message naming the variable.
import "server-only";

import { z } from "zod";

import { trustedProxies } from "@/lib/auth/client-address";
import { normalizeHost } from "@/lib/host";

const port = z.coerce.number().int().min(1).max(65535);

const EnvSchema = z.object({
  /** A PostgreSQL server of your own. Unset: Docketline starts an embedded one. */
  DATABASE_URL: z
    .string()
    .trim()
    .min(1)
    .refine((v) => /^postgres(ql)?:\/\//.test(v), "must be a postgres:// or postgresql:// URL")
    .optional(),
  /** Where the embedded PostgreSQL keeps its data. */
  DOCKETLINE_DATA_DIR: z.string().trim().min(1).optional(),
  /** The embedded PostgreSQL's port; unset: a free one. */
  EMBEDDED_PG_PORT: port.optional(),
  /** The web server's port. */
  PORT: port.default(3000),
  /** The public origin, for absolute links in citations, feeds, sitemaps, exports and the API. */
  DOCKETLINE_PUBLIC_URL: z
    .url({ protocol: /^https?$/, error: "must be an http:// or https:// URL" })
    .refine((v) => {
      const url = new URL(v);
      return url.search === "" && url.hash === "" && url.username === "" && url.password === "";
    }, "must be the site's address alone, without a query, a fragment or a user name")
    .optional(),
  /**
   * Without DOCKETLINE_PUBLIC_URL: the hosts (comma-separated, each with an optional port)
   * that a request's Host or X-Forwarded-Host may name for absolute links; any other
   * gets the first of them (lib/origin.ts). Unset: any valid host name.
   */
  DOCKETLINE_ALLOWED_HOSTS: z
    .string()
    .transform((v, context) => {
      const hosts = v.split(",").map((h) => h.trim()).filter(Boolean);
      for (const host of hosts) {
        if (!normalizeHost(host)) context.addIssue({ code: "custom", message: `"${host}" is not a host name with an optional port (such as docketline.example.org or localhost:3000)` });
      }
      if (hosts.length === 0) context.addIssue({ code: "custom", message: "must name at least one host" });
      return hosts.map((h) => h.toLowerCase());
    })
    .optional(),
  /** The most memory, in MB, that the response cache of public pages may hold (lib/http-cache). */
  DOCKETLINE_CACHE_MB: z.coerce.number().int().min(0).max(65536).default(256),
  /**
   * The most memory, in MB, that Next.js's JavaScript heap may take (V8's
   * --max-old-space-size): without it V8 sizes the heap from the machine's memory and lets
   * garbage pile up to gigabytes before collecting it (docs/decisions/025).
   */
  DOCKETLINE_NEXT_HEAP_MB: z.coerce.number().int().min(128).max(65536).default(512),
  /**
   * How many reads the front server lets Next.js work on at once; the rest wait in the
   * front server. More gets no more pages out of the machine's cores, only more renders
   * held in Next.js's heap at once (docs/decisions/029).
   */
  DOCKETLINE_RENDER_CONCURRENCY: z.coerce.number().int().min(1).max(1024).default(8),
  /**
   * The reverse proxies in front of Docketline whose X-Forwarded-For is believed, as
   * addresses, CIDR ranges or `loopback`, `linklocal`, `uniquelocal`, comma-separated.
   * Unset: none, and a client's address is the one its connection comes from.
   */
  DOCKETLINE_TRUSTED_PROXIES: z
    .string()
    .transform((value) => value.split(",").map((entry) => entry.trim()).filter(Boolean))
    .superRefine((list, context) => {
      for (const entry of list) {
        try {
          trustedProxies([entry]);
        } catch {
          context.addIssue({ code: "custom", message: `"${entry}" is not an IP address, a CIDR range, loopback, linklocal or uniquelocal` });
        }
      }
    })
    .default([]),
  /** Signs the staff session cookies. Unset: a random one kept in the data folder (lib/auth/secret.ts). */
  BETTER_AUTH_SECRET: z.string().min(32, "must be at least 32 characters").optional(),
});

export type Env = z.infer<typeof EnvSchema>;

let cached: Env | undefined;

export function getEnv(source: NodeJS.ProcessEnv = process.env): Env {
  if (source === process.env && cached) return cached;
  const blankAsUnset = Object.fromEntries(
    Object.keys(EnvSchema.shape).map((key) => [key, source[key] === "" ? undefined : source[key]]),
  );
  const result = EnvSchema.safeParse(blankAsUnset);
  if (!result.success) {
    const problems = result.error.issues.map((issue) => `  ${issue.path.join(".")}: ${issue.message}`);
    throw new Error(`Invalid environment:\n${problems.join("\n")}`);
  }
  if (source === process.env) cached = result.data;
  return result.data;
}
