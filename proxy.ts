// Every page rendered for one reader gets a Content-Security-Policy with a nonce of its
// own (lib/security/csp.ts). Next.js reads the policy from the request, finds the nonce
// and puts it on every script it emits; the browser then runs those scripts and nothing
// else. A page rendered for the response cache, to be served to every reader
// (lib/http-cache, docs/decisions/009), gets no nonce: the cache allows its inline
// scripts by hash once it has the HTML. The headers that never vary, and the policy of
// responses that are not pages, come from next.config.js (docs/decisions/007).
import { NextResponse, type NextRequest } from "next/server";

import { SHARED_RENDER_HEADER } from "@/lib/http-cache/shared-render";
import { createNonce, isHttpsRequest, pagePolicy, sharedPagePolicy } from "@/lib/security/csp";
import { actionRequestProblem } from "@/lib/security/action-request";
import { isCrossSiteRequest, isSafeMethod } from "@/lib/security/cross-site";
import { refusalPage } from "@/lib/security/refusal";

const REQUEST_PATH_HEADER = "x-docketline-path";

export async function proxy(request: NextRequest) {
  // Refused here with a 4xx that says why, where Next.js would answer a 500: a page of
  // another site posting to this one (a server action, by fetch or by a form: Next.js's
  // own check stays behind this one), and a body no server action could be sent.
  if (!isSafeMethod(request.method) && isCrossSiteRequest(request.headers)) {
    return refusalPage(403, "Refused: sent from another site", "This request to change something came from a page of another site, so Docketline did not act on it. To make the change, open Docketline itself and make it there.");
  }
  const problem = await actionRequestProblem(request);
  if (problem) return refusalPage(400, "Bad request", problem);
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
  return response;
}

/** Path and query, without the cache-busting parameter of the client router's requests. */
function pageOf(url: URL): string {
  const query = new URLSearchParams(url.search);
  query.delete("_rsc");
  const search = query.toString();
  return search ? `${url.pathname}?${search}` : url.pathname;
}

export const config = {
  matcher: [
    {
      // Pages only. Not the API (/api/…, though the /api page itself is one), not
      // Next's own files (/_next/…), and nothing with a file extension: the exports,
      // feed.xml, calendar.ics, sitemaps, robots.txt, cite.bib and the like are not
      // documents a browser runs, and record ids never contain a dot.
      source: "/((?!api/|_next/|.*\\.[A-Za-z0-9]+$).*)",
      // A prefetch carries no HTML, so it needs no nonce; skipping it saves the work.
      missing: [
        { type: "header", key: "next-router-prefetch" },
        { type: "header", key: "purpose", value: "prefetch" },
      ],
    },
    // Whatever the path, a request that may be a server action's, for the checks above: a
    // page's route can match a path the first entry leaves out (a record id with a dot
    // in it), and Next.js runs the action before it renders the page. What answers it is
    // a page (whose policy this is) or a refusal.
    { source: "/((?!_next/static/).*)", has: [{ type: "header", key: "next-action" }] },
    { source: "/((?!_next/static/).*)", has: [{ type: "header", key: "content-type", value: "multipart/form-data.*" }] },
  ],
};
