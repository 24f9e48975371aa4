// Who is signing in, as far as the network can tell: the client address and network
// that the sign-in limits count by (docs/decisions/010-sign-in-limits.md).
//
// Only the front server (lib/http-cache/front-server.ts) sees the client's socket. It
// works the address out there: the socket's address, or, when that is one of the
// proxies named in DOCKETLINE_TRUSTED_PROXIES, the X-Forwarded-For entry that proxy
// wrote, and so on leftwards while the entries are trusted proxies too. It hands the
// address to Next.js in one header of ours, signed with the auth secret, in place of
// whatever the client sent in it. Next.js believes that header only when its signature
// holds, and no other: a client that reaches Next.js some other way (`npm run dev` has
// no front server) cannot name its own address, and counts as the one unknown address.
import { createHmac, timingSafeEqual } from "node:crypto";
import type { IncomingMessage } from "node:http";

import ipaddr from "ipaddr.js";
import proxyaddr from "proxy-addr";

export const CLIENT_ADDRESS_HEADER = "x-docketline-client-address";

/** The network of every client whose address could not be told: one bucket for all of them, limited like any other. */
export const UNKNOWN_NETWORK = "unknown";

/** IPv6 clients are counted by their /64, the block one subscriber gets: within it, addresses cost nothing to change. */
const IPV6_NETWORK_PREFIX = 64;

export type TrustedProxies = (address: string, hop: number) => boolean;

/**
 * The trust function for a list of proxy addresses, CIDR ranges and proxy-addr's names
 * (`loopback`, `linklocal`, `uniquelocal`); throws on an entry that is none of these.
 */
export function trustedProxies(list: readonly string[]): TrustedProxies {
  return proxyaddr.compile([...list]);
}

/** The client's address for a request that reached the front server; null when it cannot be told. */
export function clientAddressOf(request: IncomingMessage, trust: TrustedProxies): string | null {
  // proxy-addr reads the socket itself: none when the client has already gone.
  if (!request.socket.remoteAddress) return null;
  return canonicalAddress(proxyaddr(request, trust));
}

/** One spelling per address (IPv4-mapped IPv6 as IPv4, IPv6 compressed); null for anything that is not an address. */
export function canonicalAddress(value: unknown): string | null {
  if (typeof value !== "string" || !(ipaddr.IPv4.isValidFourPartDecimal(value) || ipaddr.IPv6.isValid(value))) return null;
  const address = ipaddr.parse(value);
  if (address instanceof ipaddr.IPv6 && address.isIPv4MappedAddress()) return address.toIPv4Address().toString();
  return address.toString();
}

/** What the limits count a client by: its IPv4 address, its IPv6 /64, or the unknown network. */
export function networkOf(address: string | null): string {
  const canonical = canonicalAddress(address);
  if (!canonical) return UNKNOWN_NETWORK;
  if (ipaddr.IPv4.isValidFourPartDecimal(canonical)) return canonical;
  const network = ipaddr.IPv6.networkAddressFromCIDR(`${canonical.split("%")[0]}/${IPV6_NETWORK_PREFIX}`);
  return `${network.toString()}/${IPV6_NETWORK_PREFIX}`;
}

/** The header value the front server sends: the address (or "unknown") and its signature. */
export function signedClientAddress(address: string | null, secret: string): string {
  const value = address ?? UNKNOWN_NETWORK;
  return `${value} ${signature(value, secret)}`;
}

/** The client address that the front server signed for this request; null when none did, or it could not tell. */
export function readClientAddress(headers: Headers | undefined, secret: string): string | null {
  const [value, given, ...rest] = (headers?.get(CLIENT_ADDRESS_HEADER) ?? "").split(" ");
  if (!value || !given || rest.length) return null;
  const expected = Buffer.from(signature(value, secret));
  const actual = Buffer.from(given);
  if (actual.length !== expected.length || !timingSafeEqual(actual, expected)) return null;
  return canonicalAddress(value);
}

function signature(value: string, secret: string): string {
  // A key of its own, so that no other value signed with the auth secret (a session cookie) passes for an address.
  const key = createHmac("sha256", secret).update("docketline client address").digest();
  return createHmac("sha256", key).update(value).digest("base64url");
}
