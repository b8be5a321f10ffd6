import { createHash } from "node:crypto";
import { LRUCache } from "lru-cache";
import type { Principal } from "../auth/principal.js";
import type { Change } from "./change-notices.js";

/** One stored answer to a GET of public content: the exact bytes Apollo sent, and its headers. */
export interface CachedResponse {
  body: Buffer;
  /** A strong validator of `body`, for `If-None-Match`. */
  etag: string;
  /** Content-Type, Cache-Control and ETag as a flat name, value list, ready to write. */
  headers: readonly string[];
}

export interface ResponseCacheSettings {
  /** How long an answer may be served; also the `max-age` clients are told. */
  ttlSeconds: number;
  /** Upper bound of the stored bodies together. */
  maxBytes: number;
}

const PUBLIC_SCOPE = "public";

/**
 * Process-wide cache of whole GraphQL responses to GETs of public content (the library and an
 * organisation's published assessments), answered before GraphQL runs (ADR 0013). An entry is
 * keyed by who may see it — everyone, or one organisation — the locale the request resolved to,
 * and the request URL (persisted-query hash, variables, operation name). No entry holds anything
 * personal: which operations may be stored is decided by `cachePolicyPlugin`, and only for
 * fields whose answer depends on nothing but the organisation and the locale.
 *
 * Entries go when content changes ({@link invalidate}, driven by {@link ChangeNotices} on every
 * instance) and after `ttlSeconds` at the latest. A response computed while a change happened is
 * not stored: it may hold the content from before ({@link generation}).
 */
export class ResponseCache {
  private readonly entries: LRUCache<string, CachedResponse>;
  private changes = 0;

  constructor(settings: ResponseCacheSettings) {
    this.entries = new LRUCache<string, CachedResponse>({
      maxSize: settings.maxBytes,
      sizeCalculation: (entry, key) => entry.body.length + key.length,
      ttl: settings.ttlSeconds * 1000,
      // Expiry is checked on read; no timers per entry.
      ttlAutopurge: false,
    });
  }

  /** Who an answer is for: everyone (no credentials) or the caller's organisation. */
  static scopeOf(principal: Principal): string {
    return principal.kind === "ANONYMOUS"
      ? PUBLIC_SCOPE
      : organizationScope(principal.organizationId);
  }

  static key(scope: string, locale: string, url: string): string {
    return `${scope}\n${locale}\n${url}`;
  }

  /** Counts content changes; take it before computing a response and hand it to {@link store}. */
  get generation(): number {
    return this.changes;
  }

  get(key: string): CachedResponse | undefined {
    return this.entries.get(key);
  }

  /** Stores `body` unless content changed since `generation` was read. */
  store(
    key: string,
    generation: number,
    response: { body: string; contentType: string; cacheControl: string },
  ): CachedResponse {
    const body = Buffer.from(response.body);
    const etag = etagOf(body);
    const headers = [
      "Content-Type",
      response.contentType,
      "Cache-Control",
      response.cacheControl,
      "ETag",
      etag,
    ];
    const entry: CachedResponse = { body, etag, headers };
    if (generation === this.changes) this.entries.set(key, entry);
    return entry;
  }

  /**
   * Drops what a change can have made stale: everything for the library, an organisation's
   * entries for its content. Its keys and origins are checked before the cache is consulted.
   */
  invalidate(change: Change | "everything"): void {
    if (change !== "everything" && change.kind === "access") return;
    this.changes += 1;
    if (change === "everything" || change.kind === "library") {
      this.entries.clear();
      return;
    }
    // Every key starts with its scope (see `key`).
    const prefix = `${organizationScope(change.organizationId)}\n`;
    for (const key of [...this.entries.keys()]) {
      if (key.startsWith(prefix)) this.entries.delete(key);
    }
  }
}

function organizationScope(organizationId: string): string {
  return `organization:${organizationId}`;
}

function etagOf(body: Buffer): string {
  return `"${createHash("sha256").update(body).digest("base64url").slice(0, 27)}"`;
}
