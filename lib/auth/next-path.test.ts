import { describe, expect, it } from "vitest";

import { NEXT_PATH_MAX_LENGTH, safeNextPath } from "./next-path";

describe("where sign-in leads afterwards", () => {
  it("follows a staff path up to its length cap, and nothing longer", () => {
    const longest = `/staff/users?q=${"a".repeat(NEXT_PATH_MAX_LENGTH - "/staff/users?q=".length)}`;
    expect(safeNextPath(longest)).toBe(longest);
    expect(safeNextPath(`${longest}a`)).toBeNull();
  });
});
