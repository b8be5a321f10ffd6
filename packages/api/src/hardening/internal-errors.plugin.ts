import type { ApolloServerPlugin } from "@apollo/server";
import { ERROR_CODES } from "@real-skills/shared";
import type { Logger } from "pino";
import type { GraphQLFormattedError } from "graphql";
import { isUnexpectedError, UNAVAILABLE_RETRY_AFTER_SECONDS } from "../common/errors.js";

/** What the plugin needs of the per-request context. */
export interface RequestScope {
  /** Equals pino-http's `req.id` and the `X-Request-Id` response header. */
  requestId: string;
  /** A child logger that stamps every line with the request id. */
  logger: Logger;
}

/**
 * Unexpected errors in an operation: their details go to the log, with the request id, and the
 * client gets INTERNAL_SERVER_ERROR (masked by `formatError`) with `extensions.requestId` to quote
 * in a bug report. `formatError` cannot do this alone: it never sees the request. An operation
 * that did nothing because the database was away is answered 503 with `Retry-After`.
 */
export function internalErrorsPlugin<
  TContext extends RequestScope,
>(): ApolloServerPlugin<TContext> {
  return {
    requestDidStart() {
      return Promise.resolve({
        didEncounterErrors({ errors, contextValue }) {
          for (const error of errors) {
            if (isUnexpectedError(error)) {
              contextValue.logger.error(
                { err: error.originalError ?? error, path: error.path },
                "unexpected error in a GraphQL request",
              );
            }
          }
          return Promise.resolve();
        },
        willSendResponse({ response, contextValue }) {
          // Incremental delivery (@defer) is not enabled, so every response is a single result.
          if (response.body.kind !== "single") return Promise.resolve();
          const result = response.body.singleResult;
          if (!result.errors) return Promise.resolve();
          // Nothing done, only because the database was away: 503, as before GraphQL.
          const unavailable = (error: GraphQLFormattedError) =>
            error.extensions?.code === ERROR_CODES.SERVICE_UNAVAILABLE;
          const nothingDone =
            result.data == null || Object.values(result.data).every((value) => value === null);
          if (nothingDone && result.errors.every(unavailable)) {
            response.http.status = 503;
            response.http.headers.set("retry-after", String(UNAVAILABLE_RETRY_AFTER_SECONDS));
          }
          result.errors = result.errors.map((error) =>
            error.extensions?.code === ERROR_CODES.INTERNAL_SERVER_ERROR
              ? { ...error, extensions: { ...error.extensions, requestId: contextValue.requestId } }
              : error,
          );
          return Promise.resolve();
        },
      });
    },
  };
}
