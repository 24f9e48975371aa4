// DOCKETLINE_TRUSTED_PROXIES as lib/env.ts reads it: a list, or a start that fails
// naming the variable and the entry.
import { describe, expect, it } from "vitest";

import { getEnv } from "@/lib/env";

const envFor = (variables: Record<string, string>) => getEnv({ NODE_ENV: "test", ...variables });

describe("DOCKETLINE_TRUSTED_PROXIES", () => {
  it("is none unless set", () => {
    expect(envFor({}).DOCKETLINE_TRUSTED_PROXIES).toEqual([]);
    expect(envFor({ DOCKETLINE_TRUSTED_PROXIES: "" }).DOCKETLINE_TRUSTED_PROXIES).toEqual([]);
  });

  it("takes addresses, CIDR ranges and proxy-addr's names, comma-separated", () => {
    expect(envFor({ DOCKETLINE_TRUSTED_PROXIES: " 10.0.0.0/8, loopback,2001:db8::/32 ,192.0.2.7" }).DOCKETLINE_TRUSTED_PROXIES).toEqual([
      "10.0.0.0/8",
      "loopback",
      "2001:db8::/32",
      "192.0.2.7",
    ]);
  });

  it("refuses an entry that is none of these, naming the variable and the entry", () => {
    expect(() => envFor({ DOCKETLINE_TRUSTED_PROXIES: "10.0.0.0/8, proxy.example.org" })).toThrow(
      'DOCKETLINE_TRUSTED_PROXIES: "proxy.example.org" is not an IP address, a CIDR range, loopback, linklocal or uniquelocal',
    );
    expect(() => envFor({ DOCKETLINE_TRUSTED_PROXIES: "10.0.0.0/33" })).toThrow(/DOCKETLINE_TRUSTED_PROXIES: "10.0.0.0\/33"/);
  });
});
