// CORS for the read API: open to every origin, for GET (and HEAD), without
// credentials, so that a notebook or a web page anywhere can read the data.
export const ALLOWED_METHODS = "GET, HEAD, OPTIONS";

/** On every API response, errors included, so that browsers let scripts read problems too. */
export const CORS_HEADERS: Readonly<Record<string, string>> = {
  "Access-Control-Allow-Origin": "*",
  // ETag is not a CORS-safelisted response header; clients need it to revalidate.
  "Access-Control-Expose-Headers": "ETag",
};

/** The answer to a preflight: what a cross-origin GET may send. */
export function preflightResponse(): Response {
  return new Response(null, {
    status: 204,
    headers: {
      ...CORS_HEADERS,
      Allow: ALLOWED_METHODS,
      "Access-Control-Allow-Methods": ALLOWED_METHODS,
      // If-None-Match for revalidation; Content-Type because some clients send it on GET.
      "Access-Control-Allow-Headers": "If-None-Match, Content-Type",
      "Access-Control-Max-Age": "86400",
    },
  });
}
