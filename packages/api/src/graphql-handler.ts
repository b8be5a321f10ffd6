import { HeaderMap, type ApolloServer, type HTTPGraphQLResponse } from "@apollo/server";
import type { Request, RequestHandler, Response } from "express";
import { AuthFailure } from "./auth/embed-token.verifier.js";
import type { Principal } from "./auth/principal.js";
import { isStorable } from "./caching/cache-policy.plugin.js";
import { isCacheableGet, sendCached, varyWith } from "./caching/cached-get.js";
import { ResponseCache } from "./caching/response-cache.js";
import type { Context } from "./context.js";

export interface GraphqlHandlerOptions {
  /** Absent when response caching is off. */
  cache: ResponseCache | undefined;
  /** The request's principal; throws {@link AuthFailure} for credentials that are not accepted. */
  authenticate(req: Request): Promise<Principal>;
  /** The locale a request resolves to before any `locale` argument. */
  localeOf(req: Request, principal: Principal): string;
  /** The operation's context; `principal` when the caller was authenticated already. */
  context(req: Request, principal: Principal | undefined): Promise<Context>;
}

/**
 * Apollo's Express integration, plus the response cache for callers with credentials (an
 * employee's widget, a customer's backend): a cacheable GET is authenticated first, answered
 * from the cache of the caller's organisation when it can be, else executed and stored.
 * Anonymous GETs are answered before Express even runs (`answerPublicFromCache`); they land here
 * on a miss and fill the cache the same way.
 */
export function graphqlHandler(
  apollo: ApolloServer<Context>,
  options: GraphqlHandlerOptions,
): RequestHandler {
  return async (req, res, next) => {
    try {
      let principal: Principal | undefined;
      let cacheKey: string | undefined;
      const { cache } = options;
      const generation = cache?.generation ?? 0;
      if (cache !== undefined && isCacheableGet(req, req.originalUrl)) {
        principal = await authenticatedOrUndefined(options, req);
        if (principal !== undefined) {
          const scope = ResponseCache.scopeOf(principal);
          cacheKey = ResponseCache.key(scope, options.localeOf(req, principal), req.originalUrl);
          const entry = cache.get(cacheKey);
          if (entry !== undefined) {
            sendCached(req, res, entry);
            return;
          }
        }
      }
      const response = await apollo.executeHTTPGraphQLRequest({
        httpGraphQLRequest: {
          method: req.method.toUpperCase(),
          headers: headersOf(req),
          search: searchOf(req.originalUrl),
          body: req.body as unknown,
        },
        context: () => options.context(req, principal),
      });
      await send(req, res, response, (body) => {
        const cacheControl = response.headers.get("cache-control");
        if (cache === undefined || cacheKey === undefined || !isStorable(cacheControl)) return;
        if ((response.status ?? 200) !== 200) return;
        const entry = cache.store(cacheKey, generation, {
          body,
          contentType: response.headers.get("content-type") ?? "application/json",
          cacheControl: cacheControl ?? "",
        });
        res.setHeader("ETag", entry.etag);
      });
    } catch (error) {
      next(error);
    }
  };
}

/** A failed authentication is left for the operation's context to report, as without a cache. */
async function authenticatedOrUndefined(
  options: GraphqlHandlerOptions,
  req: Request,
): Promise<Principal | undefined> {
  try {
    return await options.authenticate(req);
  } catch (error) {
    if (error instanceof AuthFailure) return undefined;
    throw error;
  }
}

async function send(
  req: Request,
  res: Response,
  response: HTTPGraphQLResponse,
  beforeComplete: (body: string) => void,
): Promise<void> {
  for (const [name, value] of response.headers) res.setHeader(name, value);
  if (response.headers.has("cache-control") && req.method === "GET") {
    res.setHeader("Vary", varyWith(res.getHeader("Vary")));
  }
  res.statusCode = response.status ?? 200;
  if (response.body.kind === "complete") {
    beforeComplete(response.body.string);
    // Express adds a validator when none is set and answers 304 to a matching If-None-Match.
    res.send(response.body.string);
    return;
  }
  for await (const chunk of response.body.asyncIterator) res.write(chunk);
  res.end();
}

function headersOf(req: Request): HeaderMap {
  const headers = new HeaderMap();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(", ") : value);
  }
  return headers;
}

function searchOf(url: string): string {
  const start = url.indexOf("?");
  return start === -1 ? "" : url.slice(start);
}
