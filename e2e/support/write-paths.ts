// Every way into the running app that could change data, found from the build and the
// sources rather than listed by hand, and a fingerprint of the e2e database to prove
// that a refused request changed nothing. Used by e2e/security.spec.ts (CSRF) and
// e2e/write-paths.writes.spec.ts (anonymous and disabled callers).
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";

import type { APIRequestContext, APIResponse } from "@playwright/test";

import { startEmbeddedDatabase } from "../../lib/db/embedded";
import { createSql, type Sql } from "../../lib/db/sql";
import { E2E_DATA_DIR } from "./server";

/** Where the app under test was built: playwright.config.ts passes NEXT_DIST_DIR to `npm start`. */
export const DIST_DIR = process.env.NEXT_DIST_DIR || ".next";
export const SERVER_REFERENCE_MANIFEST = path.join(DIST_DIR, "server", "server-reference-manifest.json");

export interface ServerAction {
  id: string;
  exportedName: string;
  /** The source file, as the manifest names it, else the "use server" files exporting that name. */
  file: string;
  /** A URL of a page whose bundle holds the action, to post it to. */
  pagePath: string;
}

interface ManifestEntry {
  exportedName?: string;
  filename?: string;
  workers: Record<string, unknown>;
}

/** Every server action in the build, with the page it can be posted to. */
export function listServerActions(): ServerAction[] {
  const manifest = JSON.parse(readFileSync(SERVER_REFERENCE_MANIFEST, "utf8")) as { node: Record<string, ManifestEntry>; edge: Record<string, ManifestEntry> };
  const sources = listUseServerFiles();
  return Object.entries({ ...manifest.node, ...manifest.edge }).map(([id, entry]) => {
    const pages = Object.keys(entry.workers).filter((worker) => worker.endsWith("/page"));
    if (pages.length === 0) throw new Error(`Server action ${id} (${entry.exportedName}) is in no page's bundle: ${Object.keys(entry.workers).join(", ")}`);
    const exportedName = entry.exportedName ?? "(unnamed)";
    const file = entry.filename ?? (sources.filter((source) => exportsName(source, exportedName)).join(" or ") || "(unknown file)");
    return { id, exportedName, file, pagePath: urlPathOf(pages.sort()[0]) };
  });
}

/** Source files under app/, lib/ and components/ that start with (or contain) a "use server" directive. */
export function listUseServerFiles(): string[] {
  return sourceFiles(["app", "lib", "components"], /\.(ts|tsx|js|jsx|mts)$/).filter((file) => /^\s*["']use server["']/m.test(readFileSync(file, "utf8")));
}

/** Route handler files (app/**\/route.ts), each with a URL that reaches it. */
export function listRouteHandlers(): { file: string; urlPath: string }[] {
  return sourceFiles(["app"], /(^|\/)route\.(ts|js)$/).map((file) => ({ file, urlPath: urlPathOf(path.dirname(file)) }));
}

/**
 * Every file under app/ that Next.js serves at a URL: pages, route handlers and
 * metadata routes (robots.ts, sitemap.ts and the like).
 */
export function listRouteFiles(): string[] {
  return sourceFiles(["app"], /(^|\/)(page|route|robots|sitemap|manifest|opengraph-image|twitter-image)\.(ts|tsx|js|jsx)$/);
}

/** The functions a "use server" file exports: each is a server action. */
export function exportedFunctions(file: string): string[] {
  return [...readFileSync(file, "utf8").matchAll(/export\s+async\s+function\s+(\w+)/g)].map((match) => match[1]);
}

function sourceFiles(roots: string[], pattern: RegExp): string[] {
  return roots
    .filter((root) => existsSync(root))
    .flatMap((root) => (readdirSync(root, { recursive: true }) as string[]).map((name) => path.posix.join(root, name.split(path.sep).join("/"))))
    .filter((file) => pattern.test(file) && !file.includes("/generated/"))
    .sort();
}

function exportsName(file: string, name: string): boolean {
  const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  return new RegExp(`export\\s+(async\\s+)?(function\\s*\\*?\\s*|const\\s+|let\\s+)${escaped}\\b|export\\s*\\{[^}]*\\b${escaped}\\b`).test(readFileSync(file, "utf8"));
}

/**
 * "app/(staff)/staff/filings/[id]/page" → "/staff/filings/x": route groups dropped,
 * each dynamic segment given a placeholder (actions run before the page renders, so
 * the record need not exist).
 */
export function urlPathOf(appPath: string): string {
  const segments = appPath
    .replace(/^app\/?/, "")
    .replace(/\/?(page|route)$/, "")
    .split("/")
    .filter((segment) => segment && !/^\(.*\)$/.test(segment) && !segment.startsWith("@"))
    .map((segment) => (/^\[\[\.\.\..+\]\]$/.test(segment) ? "" : /^\[.+\]$/.test(segment) ? "x" : segment))
    .filter(Boolean);
  return `/${segments.join("/")}`;
}

export type ActionOutcome = "redirected to sign-in" | "refused" | "redirected elsewhere" | "succeeded";

export interface ActionResponse {
  status: number;
  outcome: ActionOutcome;
  detail: string;
}

/** How a response to an action call ended, as the client router would read it. */
export async function describeActionResponse(response: APIResponse): Promise<ActionResponse> {
  const status = response.status();
  const headers = response.headers();
  // A fetch action's redirect is a 200 (or 303) whose x-action-redirect the client follows;
  // a no-JavaScript form post's is a 303 with a Location.
  const target = headers["x-action-redirect"]?.split(";")[0] ?? (status >= 300 && status < 400 ? headers["location"] : undefined);
  if (target !== undefined) {
    const pathname = new URL(target, "http://app.invalid").pathname;
    return { status, outcome: pathname === "/staff/sign-in" ? "redirected to sign-in" : "redirected elsewhere", detail: `${status} → ${target}` };
  }
  if (status >= 400) return { status, outcome: "refused", detail: `${status}` };
  const body = (await response.text()).slice(0, 300);
  return { status, outcome: "succeeded", detail: `${status}: ${body}` };
}

/** Calls an action the way the client router does: a POST with its id in Next-Action and the arguments as JSON. */
export function postActionAsFetch(request: APIRequestContext, action: ServerAction, args: unknown[], options: { origin: string; headers?: Record<string, string> }): Promise<APIResponse> {
  return request.post(action.pagePath, {
    headers: { "next-action": action.id, "content-type": "text/plain;charset=UTF-8", accept: "text/x-component", origin: options.origin, ...options.headers },
    data: JSON.stringify(args),
    maxRedirects: 0,
    failOnStatusCode: false,
  });
}

/** Calls an action the way a form does without JavaScript: multipart, the action id in a $ACTION_ID_ field. */
export function postActionAsForm(request: APIRequestContext, action: ServerAction, fields: Record<string, string>, options: { origin: string; headers?: Record<string, string> }): Promise<APIResponse> {
  return request.post(action.pagePath, {
    headers: { origin: options.origin, ...options.headers },
    multipart: { [`$ACTION_ID_${action.id}`]: "", ...fields },
    maxRedirects: 0,
    failOnStatusCode: false,
  });
}

/** Rows and a digest of the contents of every table of the e2e database, by table. */
export type DatabaseSnapshot = Record<string, { rows: number; digest: string }>;

/** Runs `work` against the running e2e app's database (never starting one of its own). */
export async function withE2eDatabase<T>(work: (sql: Sql) => Promise<T>): Promise<T> {
  const handle = await startEmbeddedDatabase({ dataDir: E2E_DATA_DIR });
  if (handle.owned) {
    await handle.stop();
    throw new Error(`No e2e database is running in ${E2E_DATA_DIR}: is the app under test up?`);
  }
  const sql = createSql(handle.url, { max: 1 });
  try {
    return await work(sql);
  } finally {
    await sql.end({ timeout: 5 });
  }
}

/**
 * Disables an account the way no screen can: its sessions stay, as one would that was
 * opened a moment before the account was disabled. The app must refuse them all the
 * same. Returns how many sessions the account still has.
 */
export function disableAccountKeepingSessions(email: string): Promise<number> {
  return withE2eDatabase(async (sql) => {
    const updated = await sql`UPDATE "user" SET banned = true WHERE email = ${email}`;
    if (updated.count !== 1) throw new Error(`No account has the e-mail address ${email}`);
    const [{ sessions }] = await sql<{ sessions: number }[]>`
      SELECT count(*)::int AS sessions FROM session JOIN "user" ON "user".id = session.user_id WHERE "user".email = ${email}`;
    return sessions;
  });
}

export function snapshotDatabase(): Promise<DatabaseSnapshot> {
  return withE2eDatabase(async (sql) => {
    const tables = await sql<{ name: string }[]>`
      SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' AND tablename <> '_prisma_migrations' ORDER BY tablename`;
    const snapshot: DatabaseSnapshot = {};
    for (const { name } of tables) {
      // Row text in a fixed order: any inserted, updated or deleted row changes the digest.
      const [row] = await sql<{ rows: number; contents: string | null }[]>`
        SELECT count(*)::int AS rows, string_agg(t::text, E'\n' ORDER BY t::text) AS contents FROM ${sql(name)} t`;
      snapshot[name] = { rows: row.rows, digest: createHash("sha256").update(row.contents ?? "").digest("hex") };
    }
    return snapshot;
  });
}

/** The tables whose rows differ, with their counts before and after; `ignore` names tables allowed to change. */
export function changedTables(before: DatabaseSnapshot, after: DatabaseSnapshot, ignore: readonly string[] = []): string[] {
  const names = new Set([...Object.keys(before), ...Object.keys(after)]);
  return [...names]
    .filter((name) => !ignore.includes(name))
    .filter((name) => before[name]?.digest !== after[name]?.digest)
    .map((name) => `${name}: ${before[name]?.rows ?? "absent"} → ${after[name]?.rows ?? "absent"} rows`);
}
