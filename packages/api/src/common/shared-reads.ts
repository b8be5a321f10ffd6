import { LRUCache } from "lru-cache";
import type { Change } from "../caching/change-notices.js";

/**
 * How long a copy is used. Only a library import changes what is kept, and it announces itself;
 * but on the embedded database an import by a separate CLI process cannot reach a running API
 * (see `ChangeNotices`), and this bounds how long that goes unseen.
 */
const KEEP_MS = 60_000;

/** Rows of one kind by key; `undefined` for a key with nothing worth keeping. */
type Kept<V> = { value: V };

/**
 * Process-wide copies of rows that never change once they can be read: published versions
 * (the database refuses changes to them) and the built-in library (changed only by an import,
 * which announces it). Per-request loaders read through these (`cachedBatch`), so a version's
 * items and options are read once per instance, not once per request. Lives as long as the
 * server; a library change empties it on every instance (`ChangeNotices`).
 */
export class SharedReads {
  private readonly caches: LRUCache<string, Kept<unknown>>[] = [];

  /** A cache of `max` entries for one loader. */
  cache<V>(max: number): LRUCache<string, Kept<V>> {
    const cache = new LRUCache<string, Kept<V>>({ max, ttl: KEEP_MS });
    this.caches.push(cache as LRUCache<string, Kept<unknown>>);
    return cache;
  }

  /**
   * Drops everything on a library change (or when changes may have been missed). An
   * organisation's publish or archive changes no published version, so it drops nothing.
   */
  forget(change: Change | "everything"): void {
    if (change !== "everything" && change.kind !== "library") return;
    for (const cache of this.caches) cache.clear();
  }
}

/**
 * A DataLoader batch function that answers from `cache` what it holds and fetches the rest with
 * `fetch` (a batch function itself: results in the order of its keys). Results `keep` rejects —
 * an empty list or a missing row, which a later publish could fill — are not kept.
 */
export function cachedBatch<V>(
  cache: LRUCache<string, Kept<V>>,
  fetch: (keys: readonly string[]) => Promise<V[]>,
  keep: (value: V) => boolean,
): (keys: readonly string[]) => Promise<V[]> {
  return async (keys) => {
    const held = keys.map((key) => cache.get(key));
    const missing = keys.filter((_, index) => held[index] === undefined);
    const fetched = missing.length === 0 ? [] : await fetch(missing);
    const byKey = new Map(missing.map((key, index) => [key, fetched[index] as V]));
    for (const [key, value] of byKey) if (keep(value)) cache.set(key, { value });
    return keys.map((key, index) => held[index]?.value ?? (byKey.get(key) as V));
  };
}
