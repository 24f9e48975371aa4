// Paths no route can answer: percent-encoding that is not UTF-8 (`/filings/%ED%A0%80`,
// `/states/%`) makes Next.js fail with a bare 500 while it decodes the route's
// parameters, before any of our code runs; a path that decodes to a NUL would reach
// PostgreSQL as an error. proxy.ts answers both with a 400 first: pages an HTML page,
// everything else (the API, feeds, exports, files) RFC 9457 problem details.
import { isPlainText } from "@/lib/text";

/** What is wrong with a request's path (as sent, still percent-encoded), or null. */
export function pathProblem(pathname: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return "The path is not valid percent-encoded UTF-8.";
  }
  return isPlainText(decoded) ? null : "The path contains control characters, such as NUL.";
}

/** Paths that are pages, as proxy.ts's first matcher selects them: not the API, not Next's files, no extension. */
export function isPagePath(pathname: string): boolean {
  return !/^\/(api|_next)\//.test(pathname) && !/\.[A-Za-z0-9]+$/.test(pathname);
}

/** The page a reader sees for such a path: plain, with the way back in, and nothing to run. */
export function badRequestPage(detail: string): string {
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Bad request · Docketline</title></head>
<body>
<main>
<h1>This address cannot be read</h1>
<p>${detail} It may have been cut or mistyped when it was copied.</p>
<p>Go to the <a href="/">timeline</a>, the <a href="/lawsuits">lawsuits</a> or the <a href="/states">states</a>.</p>
</main>
</body>
</html>
`;
}
