// The memory of rendered responses behind the front server (front-server.ts): bounded
// in entries and bytes, least recently used first out, and emptied at once when the
// content changes (invalidation.ts). Nothing here knows about HTTP requests.
import { LRUCache } from "lru-cache";

export interface CachedResponse {
  status: number;
  /** Response headers as sent, without the ones the server sets per response (length, encoding, ETag). */
  headers: Record<string, string>;
  body: Buffer;
  /** The body gzipped once, for the readers who accept it; null when not worth it. */
  gzip: Buffer | null;
  /** The validator of the body, the same for both encodings. */
  etag: string;
  storedAt: number;
}

export interface ResponseCacheLimits {
  maxBytes: number;
  maxEntries: number;
  /** A response larger than this is served, not kept. */
  maxEntryBytes: number;
}

export class ResponseCache {
  readonly limits: ResponseCacheLimits;
  private readonly entries: LRUCache<string, CachedResponse> | null;
  private generationCount = 0;

  constructor(limits: ResponseCacheLimits) {
    this.limits = limits;
    this.entries =
      limits.maxBytes > 0 && limits.maxEntries > 0
        ? new LRUCache<string, CachedResponse>({
            max: limits.maxEntries,
            maxSize: limits.maxBytes,
            maxEntrySize: limits.maxEntryBytes,
            sizeCalculation: (entry, key) => entry.body.length + (entry.gzip?.length ?? 0) + key.length + 512,
          })
        : null;
  }

  get enabled(): boolean {
    return this.entries !== null;
  }

  /**
   * Counts the times the content changed. A render started before a change may have
   * read the old content: set() keeps a response only if no change came between the
   * start of its render and its end.
   */
  get generation(): number {
    return this.generationCount;
  }

  get(key: string): CachedResponse | undefined {
    return this.entries?.get(key);
  }

  /** Keeps a response rendered since `generation`; false when a change made it stale, or it is too large. */
  set(key: string, entry: CachedResponse, generation: number): boolean {
    if (!this.entries || generation !== this.generationCount) return false;
    this.entries.set(key, entry);
    return this.entries.has(key);
  }

  /** Forgets every response: the content they were rendered from has changed. */
  clear(): void {
    this.generationCount++;
    this.entries?.clear();
  }

  get size(): { entries: number; bytes: number } {
    return { entries: this.entries?.size ?? 0, bytes: this.entries?.calculatedSize ?? 0 };
  }
}
