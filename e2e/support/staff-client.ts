// A staff member's browser, reduced to the requests it makes: signing in, reading a
// record's edit page and saving a form are server actions and React Server Component
// payloads, sent and read here exactly as the client router does (React's own
// encodeReply for the arguments), over plain HTTP to the real server. Used by the e2e
// specs that need many sessions at once (a browser page each would not fit on a small
// machine) and by `npm run soak` (scripts/soak.mts).
import { createRequire } from "node:module";

import { listServerActions, type ServerAction } from "./write-paths";

const require = createRequire(import.meta.url);
// The build's copy of React's Flight client, so the encoding is the one the server decodes.
const { encodeReply } = require("next/dist/compiled/react-server-dom-webpack/client.node") as {
  encodeReply: (value: unknown) => Promise<string | FormData>;
};

/** The session cookie's name (lib/auth/server.ts sets better-auth's cookie prefix). */
const SESSION_COOKIE = /^(?:__Secure-)?docketline\.session_token=/;

export interface StaffCredentials {
  email: string;
  password: string;
}

/** A signed-in staff session: the origin of the app and the Cookie header to send. */
export interface StaffSession {
  origin: string;
  cookie: string;
}

let actions: ServerAction[] | undefined;

/** A server action of the build by its exported name (app/**\/actions.ts, lib/auth/actions.ts). */
export function serverAction(exportedName: string): ServerAction {
  actions ??= listServerActions();
  const found = actions.find((action) => action.exportedName === exportedName);
  if (!found) throw new Error(`No server action named ${exportedName} in the build`);
  return found;
}

export interface ActionAnswer<T> {
  status: number;
  /** The action's return value, when it returned one (not on a redirect or an error). */
  value: T | undefined;
  /** Where the action redirected the client router to, if it did. */
  redirect: string | undefined;
  headers: Headers;
}

/** Calls a server action as the client router does: a POST of React's encoding of its arguments, the action's id in Next-Action. */
export async function callServerAction<T>(origin: string, action: ServerAction, args: unknown[], options: { cookie?: string; timeoutMs?: number } = {}): Promise<ActionAnswer<T>> {
  const body = await encodeReply(args);
  const response = await fetch(new URL(action.pagePath, origin), {
    method: "POST",
    headers: {
      "next-action": action.id,
      accept: "text/x-component",
      origin,
      ...(typeof body === "string" ? { "content-type": "text/plain;charset=UTF-8" } : {}),
      ...(options.cookie ? { cookie: options.cookie } : {}),
    },
    body,
    redirect: "manual",
    signal: AbortSignal.timeout(options.timeoutMs ?? 120_000),
  });
  const text = await response.text();
  const redirect = response.headers.get("x-action-redirect")?.split(";")[0] ?? undefined;
  let value: T | undefined;
  if (response.ok && response.headers.get("content-type")?.startsWith("text/x-component")) {
    const rows = readFlightRows(text);
    const root = rows.get("0") as { a?: unknown } | undefined;
    if (root && typeof root === "object" && "a" in root) value = resolveFlight(root.a, rows) as T;
  }
  return { status: response.status, value, redirect, headers: response.headers };
}

/** Signs in through the sign-in form's server action and returns the session; throws if no session was started. */
export async function signInOverHttp(origin: string, user: StaffCredentials, options: { headers?: Record<string, string> } = {}): Promise<StaffSession> {
  const form = new FormData();
  form.append("email", user.email);
  form.append("password", user.password);
  const action = serverAction("signIn");
  const body = (await encodeReply([{}, form])) as FormData;
  const response = await fetch(new URL(action.pagePath, origin), {
    method: "POST",
    headers: { "next-action": action.id, accept: "text/x-component", origin, ...options.headers },
    body,
    redirect: "manual",
    signal: AbortSignal.timeout(120_000),
  });
  await response.arrayBuffer();
  const cookie = response.headers.getSetCookie().find((line) => SESSION_COOKIE.test(line))?.split(";")[0];
  if (!cookie) throw new Error(`Signing in as ${user.email} started no session (HTTP ${response.status}, redirect ${response.headers.get("x-action-redirect") ?? "none"})`);
  return { origin, cookie };
}

/** Creates a staff account through the users page's form, as an admin does; throws with the form's problems if it was refused. */
export async function createAccountOverHttp(admin: StaffSession, account: StaffCredentials & { name: string; role: "admin" | "editor" }): Promise<void> {
  const form = new FormData();
  for (const [name, value] of Object.entries(account)) form.append(name, value);
  const answer = await callServerAction<{ message?: string; error?: string; problems?: Record<string, string> }>(admin.origin, serverAction("createAccount"), [{}, form], { cookie: admin.cookie });
  if (!answer.value?.message) throw new Error(`Creating ${account.email} was refused (HTTP ${answer.status}): ${JSON.stringify(answer.value ?? null)}`);
}

/** What a staff edit page gives its form: the record as saved and the version it is. */
export interface EditableRecordForm<R = Record<string, unknown>> {
  record: R;
  version: number;
}

/**
 * Reads a record's staff edit page (`/staff/filings/{id}`, …) as the client router
 * does, in its RSC form, and returns what the page hands its edit form.
 */
export async function readEditForm<R = Record<string, unknown>>(session: StaffSession, pagePath: string): Promise<EditableRecordForm<R>> {
  const response = await fetch(new URL(pagePath, session.origin), {
    headers: { rsc: "1", cookie: session.cookie },
    signal: AbortSignal.timeout(120_000),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`GET ${pagePath} (RSC) answered ${response.status}`);
  const rows = readFlightRows(text);
  for (const row of rows.values()) {
    const found = findProps(row, (props) => props.mode === "edit" && typeof props.version === "number" && typeof props.record === "object");
    if (found) return { record: resolveFlight(found.record, rows) as R, version: found.version as number };
  }
  throw new Error(`GET ${pagePath} holds no edit form (signed out?)`);
}

type FlightRows = Map<string, unknown>;

/**
 * The rows of a React Server Components payload, by id: `id:JSON` and the text rows
 * (`id:T<hex length>,<text>`) that long strings are sent as. Module and hint rows are
 * kept as raw text; nothing here needs them.
 */
export function readFlightRows(text: string): FlightRows {
  const rows: FlightRows = new Map();
  let at = 0;
  while (at < text.length) {
    const colon = text.indexOf(":", at);
    if (colon < 0) break;
    const id = text.slice(at, colon);
    if (text[colon + 1] === "T") {
      const comma = text.indexOf(",", colon);
      const length = parseInt(text.slice(colon + 2, comma), 16);
      // The length is in UTF-8 bytes.
      const bytes = Buffer.from(text.slice(comma + 1), "utf8").subarray(0, length);
      const value = bytes.toString("utf8");
      rows.set(id, value);
      at = comma + 1 + value.length;
      continue;
    }
    let end = text.indexOf("\n", colon);
    if (end < 0) end = text.length;
    const line = text.slice(colon + 1, end);
    try {
      rows.set(id, JSON.parse(line));
    } catch {
      rows.set(id, line);
    }
    at = end + 1;
  }
  return rows;
}

/** A value of the payload with its references to other rows followed and React's escapes undone. */
export function resolveFlight(value: unknown, rows: FlightRows, depth = 0): unknown {
  if (depth > 50) throw new Error("The RSC payload nests too deep");
  if (typeof value === "string") {
    if (value === "$undefined") return undefined;
    if (value.startsWith("$$")) return value.slice(1);
    const reference = /^\$@?([0-9a-f]+)$/.exec(value);
    if (reference) return resolveFlight(rows.get(reference[1]), rows, depth + 1);
    return value;
  }
  if (Array.isArray(value)) return value.map((item) => resolveFlight(item, rows, depth + 1));
  if (value && typeof value === "object") return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, resolveFlight(item, rows, depth + 1)]));
  return value;
}

/** The props of the first element in a row's tree that `match` accepts (elements are ["$", type, key, props]). */
function findProps(node: unknown, match: (props: Record<string, unknown>) => boolean): Record<string, unknown> | undefined {
  if (!node || typeof node !== "object") return undefined;
  if (Array.isArray(node)) {
    if (node[0] === "$" && node.length >= 4 && node[3] && typeof node[3] === "object" && match(node[3] as Record<string, unknown>)) return node[3] as Record<string, unknown>;
    for (const child of node) {
      const found = findProps(child, match);
      if (found) return found;
    }
    return undefined;
  }
  for (const child of Object.values(node)) {
    const found = findProps(child, match);
    if (found) return found;
  }
  return undefined;
}
