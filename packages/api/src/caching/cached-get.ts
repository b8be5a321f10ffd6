import { randomUUID } from "node:crypto";
import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from "node:http";
import { ANONYMOUS } from "../auth/principal.js";
import { PUBLIC_CORS } from "../auth/cors.js";
import { localeFromHeader } from "../common/locale.js";
import { ResponseCache, type CachedResponse } from "./response-cache.js";

const GRAPHQL_GET = "/graphql?";
const SIMPLE_CONTENT_TYPES = [
  "text/plain",
  "application/x-www-form-urlencoded",
  "multipart/form-data",
] as const;

/**
 * Whether a request is a GET of the GraphQL endpoint that Apollo would execute: Apollo's CSRF
 * prevention runs no GET that a page could send cross-site without a CORS preflight, so neither
 * does the cache answer one (it would answer what Apollo refuses).
 */
export function isCacheableGet(req: IncomingMessage, url = req.url): boolean {
  return (
    req.method === "GET" && url?.startsWith(GRAPHQL_GET) === true && forcesPreflight(req.headers)
  );
}

function forcesPreflight(headers: IncomingHttpHeaders): boolean {
  if (headers["apollo-require-preflight"] || headers["x-apollo-operation-name"]) return true;
  const contentType = headers["content-type"]?.split(";")[0]?.trim().toLowerCase();
  return contentType !== undefined && !SIMPLE_CONTENT_TYPES.some((type) => type === contentType);
}

/**
 * Answers anonymous GETs of public content from the cache, in front of Express and Apollo:
 * returns whether it answered. Everything else — credentials, a miss, another method — goes on
 * to the full stack, which also fills the cache. These answers are not rate-limited or logged
 * per request: each costs less than a rate-limit check would (ADR 0013).
 */
export function answerPublicFromCache(
  cache: ResponseCache,
  req: IncomingMessage,
  res: ServerResponse,
): boolean {
  if (req.headers.authorization !== undefined || !isCacheableGet(req)) return false;
  const locale = localeFromHeader(req.headers["accept-language"]);
  const entry = cache.get(
    ResponseCache.key(ResponseCache.scopeOf(ANONYMOUS), locale, req.url ?? ""),
  );
  if (entry === undefined) return false;
  // Headers as one flat list, written at once: this path is the API's hottest.
  const headers = [
    "X-Request-Id",
    randomUUID(),
    ...(req.headers.origin === undefined ? [] : PUBLIC_CORS),
    "Vary",
    req.headers.origin === undefined ? VARY : `Origin, ${VARY}`,
    ...entry.headers,
  ];
  if (matchesEtag(req.headers["if-none-match"], entry.etag)) {
    res.writeHead(304, headers).end();
  } else {
    res.writeHead(200, [...headers, "Content-Length", String(entry.body.length)]).end(entry.body);
  }
  return true;
}

/** Sends a stored answer, or 304 when the client already holds these bytes. */
export function sendCached(req: IncomingMessage, res: ServerResponse, entry: CachedResponse): void {
  for (let i = 0; i < entry.headers.length; i += 2) {
    res.setHeader(entry.headers[i] ?? "", entry.headers[i + 1] ?? "");
  }
  res.setHeader("Vary", varyWith(res.getHeader("Vary")));
  if (matchesEtag(req.headers["if-none-match"], entry.etag)) {
    res.statusCode = 304;
    res.removeHeader("Content-Type");
    res.end();
    return;
  }
  res.statusCode = 200;
  res.setHeader("Content-Length", entry.body.length);
  res.end(entry.body);
}

/** The request headers an answer depends on besides the URL (CORS adds `Origin`). */
const VARY = "Accept-Language, Authorization";

export function varyWith(existing: string | number | string[] | undefined): string {
  const current = Array.isArray(existing) ? existing.join(", ") : String(existing ?? "");
  return current === "" ? VARY : `${current}, ${VARY}`;
}

function matchesEtag(ifNoneMatch: string | undefined, etag: string): boolean {
  if (ifNoneMatch === undefined) return false;
  return ifNoneMatch
    .split(",")
    .some((candidate) => candidate.trim().replace(/^W\//, "") === etag || candidate.trim() === "*");
}
