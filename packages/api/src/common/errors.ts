import { ERROR_CODES, isErrorCode, type ErrorCode } from "@real-skills/shared";
import type { GraphQLFormattedError } from "graphql";
import { GraphQLError } from "graphql";

/** A GraphQL error with a code from the closed list in `@real-skills/shared`. */
export function apiError(
  code: ErrorCode,
  message: string,
  extensions: Record<string, unknown> = {},
): GraphQLError {
  return new GraphQLError(message, { extensions: { ...extensions, code } });
}

/** A bad argument; `field` is the argument's path, e.g. `first` or `input.items[2].kind`. */
export function badInput(field: string, message: string): GraphQLError {
  return apiError(ERROR_CODES.BAD_USER_INPUT, `${field}: ${message}`, { field });
}

// Codes of the `pg` driver and Node's socket layer that mean "the database is away right now".
const UNAVAILABLE_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "EPIPE",
  "57P01", // admin_shutdown
  "57P02", // crash_shutdown
  "57P03", // cannot_connect_now
  "53300", // too_many_connections
]);

function isDatabaseUnavailable(error: unknown): boolean {
  for (let cause = error; cause instanceof Error; cause = cause.cause) {
    const code = (cause as { code?: unknown }).code;
    if (typeof code === "string" && UNAVAILABLE_CODES.has(code)) return true;
    // The pool is closed or was never connected: during shutdown, or while a database restarts.
    if (
      /Connection terminated|timeout exceeded when trying to connect|Driver not Connected|Cannot use a pool after calling end/i.test(
        cause.message,
      )
    ) {
      return true;
    }
  }
  return false;
}

/**
 * Apollo's `formatError`: every error leaves with a listed code and without internals. Anything
 * unexpected is logged by the caller and reported as INTERNAL_SERVER_ERROR with a generic message.
 */
export function formatError(
  formatted: GraphQLFormattedError,
  error: unknown,
  onUnexpected: (error: unknown) => void,
): GraphQLFormattedError {
  const original = error instanceof GraphQLError ? (error.originalError ?? error) : error;
  const code = formatted.extensions?.code;
  if (isErrorCode(code) && code !== ERROR_CODES.INTERNAL_SERVER_ERROR) {
    const { stacktrace: _omitted, ...extensions } = formatted.extensions ?? {};
    return { ...formatted, extensions };
  }
  if (isDatabaseUnavailable(original)) {
    return {
      message: "The service is briefly unavailable. Please retry.",
      ...(formatted.path ? { path: formatted.path } : {}),
      extensions: { code: ERROR_CODES.SERVICE_UNAVAILABLE },
    };
  }
  onUnexpected(original);
  return {
    message: "Internal server error.",
    ...(formatted.path ? { path: formatted.path } : {}),
    extensions: { code: ERROR_CODES.INTERNAL_SERVER_ERROR },
  };
}
