// The plumbing every /api/v1 route shares, so that route files only say what they
// read: JSON with a strong ETag and 304s, caching, CORS, problem details for errors,
// 405 for methods other than GET, and never a 500 for bad input.
import "server-only";

import { entityTag, matchesIfNoneMatch } from "@/lib/api/conditional";
import { ALLOWED_METHODS, CORS_HEADERS, preflightResponse } from "@/lib/api/cors";
import { ApiProblem, PROBLEM_CONTENT_TYPE, problemBody } from "@/lib/api/problem";
import { getRequestOrigin } from "@/lib/api/urls";
import { originVary } from "@/lib/origin";

/**
 * Successful reads may be reused for a minute by browsers and shared caches: the data
 * changes on imports and edits, not by the second, and a minute's lag costs a reader
 * little while it spares the database bursts of the same request. After that, the
 * ETag makes revalidating cheap (a 304 with no body).
 */
export const CACHE_CONTROL = "public, max-age=60";
/** Errors are not kept: a 404 may turn into a record with the next import. */
const ERROR_CACHE_CONTROL = "no-store";

export interface ApiContext {
  /** Where absolute links point: DOCKETLINE_PUBLIC_URL or the request's origin. */
  origin: string;
  url: URL;
}

type RouteContext<P> = { params: Promise<P> };

/** An RFC 9457 problem as a response; the exports, feeds and calendar answer with it too. */
export function problemResponse(problem: ApiProblem, request: Request, extra: Record<string, string> = {}): Response {
  const origin = getRequestOrigin(request);
  return new Response(JSON.stringify(problemBody(problem, request, origin)), {
    status: problem.status,
    headers: { ...CORS_HEADERS, ...originVary(), "Content-Type": PROBLEM_CONTENT_TYPE, "Cache-Control": ERROR_CACHE_CONTROL, ...extra },
  });
}

/** The JSON of a successful read, or 304 when If-None-Match already holds it. */
export function jsonResponse(request: Request, value: unknown): Response {
  const body = JSON.stringify(value);
  const etag = entityTag(body);
  const headers = { ...CORS_HEADERS, ...originVary(), ETag: etag, "Cache-Control": CACHE_CONTROL };
  if (matchesIfNoneMatch(request, etag)) return new Response(null, { status: 304, headers });
  return new Response(body, { status: 200, headers: { ...headers, "Content-Type": "application/json; charset=utf-8" } });
}

/**
 * A GET handler from a function that returns the response's JSON value, or throws an
 * ApiProblem (lib/api/problem.ts). Anything else thrown is logged and answered with a
 * 500 problem that gives nothing away.
 */
export function apiGet<P = Record<string, never>>(read: (context: ApiContext & { params: P }) => Promise<unknown>) {
  return async function GET(request: Request, route?: RouteContext<P>): Promise<Response> {
    try {
      const params = (route ? await route.params : {}) as P;
      const value = await read({ origin: getRequestOrigin(request), url: new URL(request.url), params });
      return jsonResponse(request, value);
    } catch (error) {
      if (error instanceof ApiProblem) return problemResponse(error, request);
      console.error(`${request.method} ${request.url} failed:`, error);
      return problemResponse(new ApiProblem("server-error", "The server could not answer this request; please try again later."), request);
    }
  };
}

/** OPTIONS: the CORS preflight. */
export async function OPTIONS(): Promise<Response> {
  return preflightResponse();
}

/** Any method but GET, HEAD and OPTIONS: the API is read-only. */
export async function methodNotAllowed(request: Request): Promise<Response> {
  const problem = new ApiProblem("method-not-allowed", `${request.method} is not allowed here: the API is read-only (${ALLOWED_METHODS}).`);
  return problemResponse(problem, request, { Allow: ALLOWED_METHODS });
}

export { methodNotAllowed as POST, methodNotAllowed as PUT, methodNotAllowed as PATCH, methodNotAllowed as DELETE };
