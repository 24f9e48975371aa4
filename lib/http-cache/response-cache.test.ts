import { describe, expect, it } from "vitest";

import { ResponseCache, type CachedResponse } from "./response-cache";
import { LISTS_TAG } from "./tags";

const response = (text: string): CachedResponse => ({ status: 200, headers: {}, body: Buffer.from(text), gzip: null, etag: `"${text}"`, storedAt: 0 });

function cacheWith(entries: Record<string, string[]>) {
  const cache = new ResponseCache({ maxBytes: 1024 * 1024, maxEntries: 100, maxEntryBytes: 64 * 1024 });
  for (const [key, tags] of Object.entries(entries)) expect(cache.set(key, response(key), cache.generation, tags)).toBe(true);
  return cache;
}

const kept = (cache: ResponseCache, keys: string[]) => keys.filter((key) => cache.get(key) !== undefined);

describe("The cache of rendered responses", () => {
  it("forgets the responses tagged with what changed, and every list, and keeps the rest", () => {
    const cache = cacheWith({
      "/filings/a": ["filing:a", "lawsuit:l"],
      "/filings/b": ["filing:b", "lawsuit:l"],
      "/filings/c": ["filing:c", "filing:a"],
      "/filings/d": ["filing:d"],
      "/states/NM": ["state:NM", "filing:d"],
      "/states/WA": ["state:WA"],
      "/": [LISTS_TAG],
    });
    cache.invalidate({ everything: false, tags: ["filing:a", "lawsuit:l", "state:WA"] });
    expect(kept(cache, ["/filings/a", "/filings/b", "/filings/c", "/filings/d", "/states/NM", "/states/WA", "/"])).toEqual(["/filings/d", "/states/NM"]);

    cache.invalidate({ everything: true });
    expect(cache.size.entries).toBe(0);
  });

  it("does not keep a response rendered across a change of what it shows, and keeps one rendered across another change", () => {
    const cache = cacheWith({});
    const started = cache.generation;
    cache.invalidate({ everything: false, tags: ["filing:a"] });
    expect(cache.set("/filings/a", response("old a"), started, ["filing:a"])).toBe(false);
    expect(cache.set("/", response("old list"), started, [LISTS_TAG])).toBe(false);
    expect(cache.set("/filings/b", response("b"), started, ["filing:b"])).toBe(true);
    cache.invalidate({ everything: true });
    expect(cache.set("/filings/c", response("old c"), started, ["filing:c"])).toBe(false);
  });

  it("keeps each key once in its tags' index, through replacement and eviction", () => {
    const cache = new ResponseCache({ maxBytes: 1024 * 1024, maxEntries: 2, maxEntryBytes: 64 * 1024 });
    cache.set("/filings/a", response("a"), cache.generation, ["filing:a", "filing:x"]);
    cache.set("/filings/a", response("a2"), cache.generation, ["filing:a"]);
    cache.set("/filings/b", response("b"), cache.generation, ["filing:b"]);
    cache.set("/filings/c", response("c"), cache.generation, ["filing:c"]); // evicts /filings/a
    expect(kept(cache, ["/filings/a", "/filings/b", "/filings/c"])).toEqual(["/filings/b", "/filings/c"]);
    // A later entry under an evicted key is not forgotten for the tags the old one had.
    cache.set("/filings/a", response("a3"), cache.generation, ["filing:a"]);
    cache.invalidate({ everything: false, tags: ["filing:x"] });
    expect(cache.get("/filings/a")?.body.toString()).toBe("a3");
  });
});
