import { ERROR_CODES, type ErrorCode } from "@real-skills/shared";
import type express from "express";
import type { Logger } from "pino";
import {
  isDatabaseUnavailable,
  UNAVAILABLE_MESSAGE,
  UNAVAILABLE_RETRY_AFTER_SECONDS,
} from "../common/errors.js";

/**
 * Answers a request that never reaches GraphQL in the GraphQL error shape, so that clients handle
 * every failure the same way: `{ errors: [{ message, extensions: { code, ... } }] }`.
 */
export function sendHttpError(
  res: express.Response,
  status: number,
  code: ErrorCode,
  message: string,
  extensions: Record<string, unknown> = {},
): void {
  res.status(status).json({ errors: [{ message, extensions: { ...extensions, code } }] });
}

/**
 * An answer to wait out (429, 503) before the CORS middleware has run: `Retry-After`, and the
 * CORS headers a page needs to read it (it carries no data, so any origin may).
 */
export function sendRetryLater(
  req: express.Request,
  res: express.Response,
  status: number,
  code: ErrorCode,
  message: string,
  { retryAfterSeconds }: { retryAfterSeconds: number },
): void {
  res.setHeader("Retry-After", String(retryAfterSeconds));
  if (req.headers.origin !== undefined) {
    res.setHeader("Access-Control-Allow-Origin", "*");
    res.setHeader("Access-Control-Expose-Headers", "Retry-After");
  }
  sendHttpError(res, status, code, message, { retryAfterSeconds });
}

// body-parser's error types (and ours from `rejectInvalidUtf8`) and what the client is told.
const BODY_ERRORS: Record<string, { code: ErrorCode; message: string }> = {
  "entity.too.large": { code: ERROR_CODES.BAD_REQUEST, message: "The request body is too large." },
  "entity.parse.failed": {
    code: ERROR_CODES.GRAPHQL_PARSE_FAILED,
    message: "The request body is not valid JSON.",
  },
  "encoding.invalid": {
    code: ERROR_CODES.BAD_REQUEST,
    message: "The request body is not valid UTF-8.",
  },
  "charset.unsupported": {
    code: ERROR_CODES.BAD_REQUEST,
    message: "The request body must be UTF-8 encoded JSON.",
  },
  "encoding.unsupported": {
    code: ERROR_CODES.BAD_REQUEST,
    message: "The request body's Content-Encoding is not supported.",
  },
};

/**
 * Errors raised before GraphQL runs (body too large, malformed JSON, invalid UTF-8) answer with a
 * listed code, never with an HTML page or a stack trace. The database being away is a 503
 * SERVICE_UNAVAILABLE with `Retry-After`. Anything else is a 500 that carries the request id, so
 * that a report from a client leads to the log entry with the details.
 */
export function httpErrorHandler(logger: Logger): express.ErrorRequestHandler {
  return (error: unknown, req, res, next) => {
    if (res.headersSent) {
      // Too late for an answer of ours; Express's own handler closes the connection.
      next(error);
      return;
    }
    const status = (error as { status?: unknown }).status;
    const type = (error as { type?: unknown }).type;
    if (typeof status === "number" && status >= 400 && status < 500) {
      const known = typeof type === "string" ? BODY_ERRORS[type] : undefined;
      sendHttpError(
        res,
        status,
        known?.code ?? ERROR_CODES.BAD_REQUEST,
        known?.message ?? "The request is not valid.",
      );
      return;
    }
    const requestId = typeof req.id === "string" ? req.id : undefined;
    if (isDatabaseUnavailable(error)) {
      // Authentication or a rate limit needed the database, which is away for the moment. One
      // line per request would flood the log during an outage; the change listener and the
      // pool report the outage itself as warnings.
      logger.debug({ err: error, requestId }, "database unavailable before GraphQL");
      sendRetryLater(req, res, 503, ERROR_CODES.SERVICE_UNAVAILABLE, UNAVAILABLE_MESSAGE, {
        retryAfterSeconds: UNAVAILABLE_RETRY_AFTER_SECONDS,
      });
      return;
    }
    logger.error({ err: error, requestId }, "unexpected error outside GraphQL");
    sendHttpError(res, 500, ERROR_CODES.INTERNAL_SERVER_ERROR, "Internal server error.", {
      ...(requestId ? { requestId } : {}),
    });
  };
}
