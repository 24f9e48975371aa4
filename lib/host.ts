// The host a request names (Host, or X-Forwarded-Host behind a proxy) builds the absolute
// links of pages, feeds, sitemaps, exports and the API when DOCKETLINE_PUBLIC_URL is
// unset. Anyone can send any value there, so a host is used only when it is a plain
// host name or address with an optional port (nothing that could break out of a URL,
// an XML document or an HTML attribute), and, when DOCKETLINE_ALLOWED_HOSTS is set,
// only when it is in that list. Anything else gets the safe default (lib/origin.ts).
// This module imports nothing: lib/env.ts validates the allowlist with it.

// A DNS name or IPv4 address (labels of letters, digits and inner hyphens), or an IPv6
// literal in brackets, then an optional port: RFC 3986's host without its rarely used
// percent-encoded and sub-delimiter forms, which no real site name needs.
const LABEL = "[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?";
const HOST_PATTERN = new RegExp(`^(?:${LABEL}(?:\\.${LABEL})*\\.?|\\[[0-9a-f:.]{2,45}\\])(?::(\\d{1,5}))?$`, "i");
/** RFC 1035's limit on a whole name, plus a port. */
const MAX_HOST_LENGTH = 253 + 6;

/** The host in lower case when it is a syntactically valid host[:port], else null. */
export function normalizeHost(value: string): string | null {
  if (value.length > MAX_HOST_LENGTH) return null;
  const match = HOST_PATTERN.exec(value);
  if (!match) return null;
  if (match[1] !== undefined && (Number(match[1]) < 1 || Number(match[1]) > 65535)) return null;
  return value.toLowerCase();
}

/** An allowlist entry without a port allows every port of that name; one with a port, only that port. */
export function isAllowedHost(host: string, allowed: readonly string[]): boolean {
  const name = host.replace(/:\d+$/, "");
  return allowed.some((entry) => entry === host || entry === name);
}

/** Which scheme a proxy says the reader used: only "http" or "https" count. */
export function normalizeProto(value: string | undefined): "http" | "https" | undefined {
  const proto = value?.toLowerCase();
  return proto === "http" || proto === "https" ? proto : undefined;
}
