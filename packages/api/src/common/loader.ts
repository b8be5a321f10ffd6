import DataLoader from "dataloader";
import type { LRUCache } from "lru-cache";
import { cachedBatch } from "./shared-reads.js";

/**
 * A DataLoader that fetches many keys with one query and groups the rows by a key of their own.
 * Lives for one request: its cache must never outlive the request that filled it.
 */
export function groupLoader<K, V>(
  fetch: (keys: readonly K[]) => Promise<V[]>,
  keyOf: (row: V) => K,
): DataLoader<K, V[]> {
  return new DataLoader<K, V[]>(groupBatch(fetch, keyOf));
}

/** A DataLoader for one row per key; missing rows load as `null`. */
export function rowLoader<K, V>(
  fetch: (keys: readonly K[]) => Promise<V[]>,
  keyOf: (row: V) => K,
): DataLoader<K, V | null> {
  return new DataLoader<K, V | null>(rowBatch(fetch, keyOf));
}

/**
 * A {@link groupLoader} over rows that never change (published versions, the library): groups
 * come from the process-wide `cache` when it holds them (see `SharedReads`). An empty group is
 * never kept, since a later publish could fill it.
 */
export function sharedGroupLoader<V>(
  cache: LRUCache<string, { value: V[] }>,
  fetch: (keys: readonly string[]) => Promise<V[]>,
  keyOf: (row: V) => string,
): DataLoader<string, V[]> {
  return new DataLoader<string, V[]>(
    cachedBatch(cache, groupBatch(fetch, keyOf), (rows) => rows.length > 0),
  );
}

/** A {@link rowLoader} over rows that never change; a missing row is never kept. */
export function sharedRowLoader<V>(
  cache: LRUCache<string, { value: V | null }>,
  fetch: (keys: readonly string[]) => Promise<V[]>,
  keyOf: (row: V) => string,
): DataLoader<string, V | null> {
  return new DataLoader<string, V | null>(
    cachedBatch(cache, rowBatch(fetch, keyOf), (row) => row !== null),
  );
}

function groupBatch<K, V>(
  fetch: (keys: readonly K[]) => Promise<V[]>,
  keyOf: (row: V) => K,
): (keys: readonly K[]) => Promise<V[][]> {
  return async (keys) => {
    const groups = new Map<K, V[]>(keys.map((key) => [key, []]));
    for (const row of await fetch(keys)) groups.get(keyOf(row))?.push(row);
    return keys.map((key) => groups.get(key) ?? []);
  };
}

function rowBatch<K, V>(
  fetch: (keys: readonly K[]) => Promise<V[]>,
  keyOf: (row: V) => K,
): (keys: readonly K[]) => Promise<(V | null)[]> {
  return async (keys) => {
    const rows = new Map<K, V>((await fetch(keys)).map((row) => [keyOf(row), row]));
    return keys.map((key) => rows.get(key) ?? null);
  };
}
