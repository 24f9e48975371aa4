// The memory of rendered responses behind the front server (front-server.ts): bounded
// in entries and bytes, least recently used first out. Each response is kept with the
// tags of what it shows (tags.ts), and a change of the content (invalidation.ts) forgets
// the responses tagged with what it changed, and every list. Nothing here knows about
// HTTP requests.
import { LRUCache } from "lru-cache";

import { LISTS_TAG, type ContentChange } from "@/lib/http-cache/tags";

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

interface Kept extends CachedResponse {
  tags: readonly string[];
}

/** The changes a render may have missed, one per notification: enough for renders of a few seconds under a save a second. */
const REMEMBERED_CHANGES = 1_000;

export interface ResponseCacheLimits {
  maxBytes: number;
  maxEntries: number;
  /** A response larger than this is served, not kept. */
  maxEntryBytes: number;
}

export class ResponseCache {
  readonly limits: ResponseCacheLimits;
  private readonly entries: LRUCache<string, Kept> | null;
  /** The keys of the responses that carry each tag; a key leaves it with its entry (dispose). */
  private readonly keysByTag = new Map<string, Set<string>>();
  /** The latest changes, oldest first, numbered by `generation`: null for everything. */
  private readonly changes: { generation: number; tags: ReadonlySet<string> | null }[] = [];
  private generationCount = 0;

  constructor(limits: ResponseCacheLimits) {
    this.limits = limits;
    this.entries =
      limits.maxBytes > 0 && limits.maxEntries > 0
        ? new LRUCache<string, Kept>({
            max: limits.maxEntries,
            maxSize: limits.maxBytes,
            maxEntrySize: limits.maxEntryBytes,
            sizeCalculation: (entry, key) => entry.body.length + (entry.gzip?.length ?? 0) + key.length + 512 + entry.tags.reduce((sum, tag) => sum + tag.length + 64, 0),
            dispose: (entry, key) => this.unindex(key, entry.tags),
          })
        : null;
  }

  get enabled(): boolean {
    return this.entries !== null;
  }

  /**
   * Counts the times the content changed. A render started before a change may have
   * read the old content: set() keeps a response only if no change of what it shows
   * came between the start of its render and its end.
   */
  get generation(): number {
    return this.generationCount;
  }

  get(key: string): CachedResponse | undefined {
    return this.entries?.get(key);
  }

  /**
   * Keeps a response rendered since `generation`, showing what `tags` name; false when a
   * change since then touched it (or the changes since then are no longer remembered),
   * or it is too large.
   */
  set(key: string, entry: CachedResponse, generation: number, tags: readonly string[]): boolean {
    if (!this.entries || this.changedSince(generation, tags)) return false;
    this.entries.set(key, { ...entry, tags });
    if (!this.entries.has(key)) return false;
    for (const tag of tags) {
      let keys = this.keysByTag.get(tag);
      if (!keys) this.keysByTag.set(tag, (keys = new Set()));
      keys.add(key);
    }
    return true;
  }

  /** Forgets the responses that show what changed, and every list; everything when the change does not say. */
  invalidate(change: ContentChange): void {
    this.generationCount++;
    const tags = change.everything ? null : new Set([...change.tags, LISTS_TAG]);
    this.changes.push({ generation: this.generationCount, tags });
    if (this.changes.length > REMEMBERED_CHANGES) this.changes.shift();
    if (!this.entries) return;
    if (!tags) return this.entries.clear();
    for (const tag of tags) {
      // A copy: deleting an entry removes its key from these sets (dispose).
      for (const key of [...(this.keysByTag.get(tag) ?? [])]) this.entries.delete(key);
    }
  }

  private changedSince(generation: number, tags: readonly string[]): boolean {
    if (generation === this.generationCount) return false;
    const oldest = this.changes[0]?.generation ?? Infinity;
    if (generation + 1 < oldest) return true;
    return this.changes.some((change) => change.generation > generation && (change.tags === null || tags.some((tag) => change.tags!.has(tag))));
  }

  private unindex(key: string, tags: readonly string[]) {
    for (const tag of tags) {
      const keys = this.keysByTag.get(tag);
      keys?.delete(key);
      if (keys?.size === 0) this.keysByTag.delete(tag);
    }
  }

  get size(): { entries: number; bytes: number } {
    return { entries: this.entries?.size ?? 0, bytes: this.entries?.calculatedSize ?? 0 };
  }
}
