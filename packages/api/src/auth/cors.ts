import type { RequestHandler } from "express";
import type { Authenticator } from "./authenticator.js";

const PUBLIC_HEADERS = "content-type, accept-language, apollo-require-preflight";
const CREDENTIAL_HEADERS = `${PUBLIC_HEADERS}, authorization`;
const EXPOSED_HEADERS = "Retry-After";

/**
 * CORS for browser calls. Without credentials the public library is readable from any page
 * (`*`). With credentials (an `Authorization` header, announced in the preflight) only origins
 * that an organisation lists are allowed; which organisation is checked when the token is
 * verified, because a preflight carries no token.
 */
export function corsMiddleware(authenticator: Authenticator): RequestHandler {
  return (req, res, next) => {
    const origin = req.headers.origin;
    if (origin === undefined) {
      next();
      return;
    }
    const preflight = req.method === "OPTIONS";
    const wantsCredentials = preflight
      ? /\bauthorization\b/i.test(req.headers["access-control-request-headers"] ?? "")
      : req.headers.authorization !== undefined;
    const answer = (allowed: boolean) => {
      res.vary("Origin");
      if (preflight) res.vary("Access-Control-Request-Headers");
      if (allowed) {
        res.setHeader("Access-Control-Allow-Origin", wantsCredentials ? origin : "*");
        res.setHeader("Access-Control-Expose-Headers", EXPOSED_HEADERS);
      }
      if (!preflight) {
        next();
        return;
      }
      if (allowed) {
        res.setHeader("Access-Control-Allow-Methods", "GET, POST");
        // Only a credentialed answer lists `authorization`, so a cached answer for anonymous
        // reads never stands in for the credentialed preflight of an unlisted origin.
        res.setHeader(
          "Access-Control-Allow-Headers",
          wantsCredentials ? CREDENTIAL_HEADERS : PUBLIC_HEADERS,
        );
        res.setHeader("Access-Control-Max-Age", "600");
      }
      res.status(204).end();
    };
    if (!wantsCredentials) {
      answer(true);
      return;
    }
    authenticator.anyOrganizationAllows(origin).then(answer, next);
  };
}

/**
 * The CORS headers of an answer to a request without credentials from a page (`Origin` set),
 * readable by any page, as a flat name, value list: for answers sent before this middleware
 * runs (the response cache), which also add `Origin` to `Vary`.
 */
export const PUBLIC_CORS: readonly string[] = [
  "Access-Control-Allow-Origin",
  "*",
  "Access-Control-Expose-Headers",
  EXPOSED_HEADERS,
];
