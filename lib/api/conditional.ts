// Conditional GET: a strong ETag from the bytes of the body, and 304 Not Modified when
// the client already holds them (RFC 9110 §8.8.3, §13.1.2). Hashing the body rather
// than tracking versions keeps it right for every representation, filters included.
import { createHash } from "node:crypto";

/** A strong entity tag: the quoted SHA-256 of the body, base64url. */
export function entityTag(body: string): string {
  return `"${createHash("sha256").update(body).digest("base64url")}"`;
}

/**
 * Whether If-None-Match matches the current tag. RFC 9110 has If-None-Match use the
 * weak comparison, so `W/"x"` matches `"x"` (proxies may weaken tags they compress).
 */
export function matchesIfNoneMatch(request: Request, etag: string): boolean {
  const header = request.headers.get("if-none-match");
  if (!header) return false;
  if (header.trim() === "*") return true;
  const opaque = (tag: string) => tag.trim().replace(/^W\//, "");
  return header.split(",").some((tag) => opaque(tag) === opaque(etag));
}
