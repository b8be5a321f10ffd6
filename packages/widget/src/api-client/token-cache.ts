import { err, ERROR_CODES, ok } from "@real-skills/shared";
import type { Result } from "@real-skills/shared";
import type { TokenProvider } from "../config.js";
import { CLIENT_ERROR_CODES } from "./api-error.js";
import type { ApiError } from "./api-error.js";
import { hasExpired } from "./jwt.js";

/**
 * The last token of one provider. Elements that share a provider share its cache, so a page with
 * `<rs-assessment>` and `<rs-history>` asks the host's backend once, and concurrent requests
 * wait for the same call instead of each making their own.
 */
class TokenCache {
  private token: string | undefined;
  private pending: Promise<string> | undefined;

  constructor(private readonly provider: TokenProvider) {}

  get(): Promise<string> {
    // A token that has visibly expired would only earn a refusal, so it is replaced first.
    if (this.token !== undefined && !hasExpired(this.token)) return Promise.resolve(this.token);
    this.pending ??= this.load();
    return this.pending;
  }

  /** A fresh token, unless a concurrent caller already replaced `stale`. */
  refresh(stale: string): Promise<string> {
    if (this.token === stale) this.token = undefined;
    return this.get();
  }

  private async load(): Promise<string> {
    try {
      const token = await this.provider();
      if (typeof token !== "string" || token === "") throw new Error("getToken gave no token");
      this.token = token;
      return token;
    } finally {
      this.pending = undefined;
    }
  }
}

const caches = new WeakMap<TokenProvider, TokenCache>();

function cacheFor(provider: TokenProvider): TokenCache {
  let cache = caches.get(provider);
  if (!cache) {
    cache = new TokenCache(provider);
    caches.set(provider, cache);
  }
  return cache;
}

/** The provider's current token, or why there is none. */
export function currentToken(
  provider: TokenProvider | undefined,
): Promise<Result<string, ApiError>> {
  return settle(provider, (cache) => cache.get());
}

/** A new token after the API refused `stale`. */
export function refreshToken(
  provider: TokenProvider | undefined,
  stale: string,
): Promise<Result<string, ApiError>> {
  return settle(provider, (cache) => cache.refresh(stale));
}

async function settle(
  provider: TokenProvider | undefined,
  read: (cache: TokenCache) => Promise<string>,
): Promise<Result<string, ApiError>> {
  if (!provider) {
    return err({ code: ERROR_CODES.UNAUTHENTICATED, message: "No getToken function is set" });
  }
  try {
    return ok(await read(cacheFor(provider)));
  } catch (cause) {
    const message = cause instanceof Error ? cause.message : String(cause);
    // fetch() rejects with a TypeError when no answer came; the host's backend may be as
    // unreachable as we are, which is worth retrying. Anything else means "not signed in".
    const code =
      cause instanceof TypeError ? CLIENT_ERROR_CODES.NETWORK_ERROR : ERROR_CODES.UNAUTHENTICATED;
    return err({ code, message: `getToken failed: ${message}` });
  }
}
