// Every page rendered for one reader gets a Content-Security-Policy with a nonce of its
// own (lib/security/csp.ts). Next.js reads the policy from the request, finds the nonce
// and puts it on every script it emits; the browser then runs those scripts and nothing
// else. A page rendered for the response cache, to be served to every reader
// (lib/http-cache, docs/decisions/009), gets no nonce: the cache allows its inline
// scripts by hash once it has the HTML. The headers that never vary, and the policy of
// responses that are not pages, come from next.config.js (docs/decisions/007).
//
// It also turns away what must not reach a route: a path that is not UTF-8 or holds a
// control character (lib/security/request-path.ts), on every path with a `%`; a body
// over the limit (lib/security/body-limits.ts); a change sent from another site
// (lib/security/cross-site.ts); and a body no server action could be sent
// (lib/security/action-request.ts).
import { NextResponse, type NextRequest } from "next/server";

import { problemResponse } from "@/lib/api/handler";
import { ApiProblem } from "@/lib/api/problem";
import { SHARED_RENDER_HEADER } from "@/lib/http-cache/shared-render";
import { originVary } from "@/lib/origin";
import { bodyTooLargeMessage, declaredLength, MAX_BODY_BYTES } from "@/lib/security/body-limits";
import { createNonce, isHttpsRequest, pagePolicy, sharedPagePolicy } from "@/lib/security/csp";
import { actionRequestProblem } from "@/lib/security/action-request";
import { isCrossSiteRequest, isSafeMethod } from "@/lib/security/cross-site";
import { refusalPage } from "@/lib/security/refusal";
import { isPagePath, badRequestPage, pathProblem } from "@/lib/security/request-path";

const REQUEST_PATH_HEADER = "x-docketline-path";

export async function proxy(request: NextRequest) {
  // Before Next.js buffers the body for the proxy or parses it for a server action (it
  // would answer a 500): the front server refuses these first; this covers Next.js alone.
  const declared = declaredLength(request.headers.get("content-length"));
  if (declared !== undefined && declared > MAX_BODY_BYTES) {
    return new NextResponse(`${bodyTooLargeMessage(MAX_BODY_BYTES)}\n`, { status: 413, headers: { "content-type": "text/plain; charset=utf-8", connection: "close" } });
  }

  const { pathname } = request.nextUrl;
  const problem = pathProblem(pathname);
  if (problem) return malformedPath(request, problem);
  // Refused here with a 4xx that says why, where Next.js would answer a 500: a page of
  // another site posting to this one (a server action, by fetch or by a form: Next.js's
  // own check stays behind this one), and a body no server action could be sent.
  if (!isSafeMethod(request.method) && isCrossSiteRequest(request.headers)) {
    return refusalPage(403, "Refused: sent from another site", "This request to change something came from a page of another site, so Docketline did not act on it. To make the change, open Docketline itself and make it there.");
  }
  const actionProblem = await actionRequestProblem(request);
  if (actionProblem) return refusalPage(400, "Bad request", actionProblem);
  // Reached through the other matchers only (a `%`, or what may be a server action's request, on a path that is not a page).
  if (!isPagePath(pathname)) return NextResponse.next();

  const https = isHttpsRequest(request.nextUrl, request.headers);
  const policy =
    request.headers.get(SHARED_RENDER_HEADER) === "1"
      ? sharedPagePolicy({ https })
      : pagePolicy({ nonce: createNonce(), development: process.env.NODE_ENV === "development", https });
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("content-security-policy", policy);
  // The page being rendered, for the sign-in redirect's way back (REQUEST_PATH_HEADER in
  // lib/auth/session.ts, which the proxy does not import: it reaches the database).
  // Replaces whatever the client sent under that name.
  requestHeaders.set(REQUEST_PATH_HEADER, pageOf(request.nextUrl));
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("content-security-policy", policy);
  // Pages carry absolute links (canonical, feeds) built from the request's host.
  for (const [name, value] of Object.entries(originVary())) response.headers.append(name, value);
  return response;
}

function malformedPath(request: NextRequest, detail: string): Response {
  if (!isPagePath(request.nextUrl.pathname)) return problemResponse(new ApiProblem("malformed-path", detail), request);
  return new NextResponse(badRequestPage(detail), {
    status: 400,
    headers: { "content-type": "text/html; charset=utf-8", "cache-control": "no-store", "content-security-policy": "default-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'" },
  });
}

/**
 * A way back longer than this is the path alone: the sign-in redirect writes it into its
 * Location, encoded once more, and a hostile query (`%ED%A0%80` read as U+FFFD and
 * written back) would grow it past the 16 kB of headers that Node.js and proxies read.
 */
const MAX_RETURN_ADDRESS = 2_000;

/** Path and query, without the cache-busting parameter of the client router's requests. */
function pageOf(url: URL): string {
  const query = new URLSearchParams(url.search);
  query.delete("_rsc");
  const search = query.toString();
  return search && url.pathname.length + search.length < MAX_RETURN_ADDRESS ? `${url.pathname}?${search}` : url.pathname;
}

export const config = {
  matcher: [
    {
      // Pages only. Not the API (/api/…, though the /api page itself is one), not
      // Next's own files (/_next/…), and nothing with a file extension: the exports,
      // feed.xml, calendar.ics, sitemaps, robots.txt, cite.bib and the like are not
      // documents a browser runs, and record ids never contain a dot. Not the dataset
      // upload's route (UPLOAD_PATH in lib/security/body-limits.ts): running the proxy
      // makes Next.js buffer the body, and cut it at the proxy's limit.
      source: "/((?!api/|_next/|staff/upload/file$|.*\\.[A-Za-z0-9]+$).*)",
      // A prefetch carries no HTML, so it needs no nonce; skipping it saves the work.
      missing: [
        { type: "header", key: "next-router-prefetch" },
        { type: "header", key: "purpose", value: "prefetch" },
      ],
    },
    // Any other path with a percent-escape, to be checked before Next.js decodes it.
    { source: "/(.*%.*)" },
    // Whatever the path, a request that may be a server action's, for the checks above: a
    // page's route can match a path the first entry leaves out (`/filings/a.b`, which is
    // no record's id but still reaches the filing page), and Next.js runs the action
    // before it renders the page. What answers it is a page (whose policy this is) or a
    // refusal. Not the upload's route, as above.
    { source: "/((?!_next/static/|staff/upload/file$).*)", has: [{ type: "header", key: "next-action" }] },
    { source: "/((?!_next/static/|staff/upload/file$).*)", has: [{ type: "header", key: "content-type", value: "multipart/form-data.*" }] },
  ],
};
