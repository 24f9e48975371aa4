// The page proxy.ts answers with when it refuses a request itself, before Next.js (and
// so before the app's own error pages) sees it: a short document that says what was
// wrong. The texts are the proxy's own, never the request's.

export function refusalPage(status: 400 | 403, title: string, detail: string): Response {
  const body = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${title}</title></head>
<body><h1>${title}</h1><p>${detail}</p></body></html>
`;
  return new Response(body, { status, headers: { "content-type": "text/html; charset=utf-8", "cache-control": "no-store" } });
}
