import { HeaderMap } from "@apollo/server";
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

// Codes of the `pg` driver and Node's socket layer that mean "the database is away right now",
// and the two that mean "this transaction lost a race; the same request again will work"
// (every write the API offers is safe to repeat: idempotency keys, sequences, upserts).
const UNAVAILABLE_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "EPIPE",
  "57P01", // admin_shutdown
  "57P02", // crash_shutdown
  "57P03", // cannot_connect_now
  "53300", // too_many_connections
  "40001", // serialization_failure
  "40P01", // deadlock_detected
]);

const RELEASED_RUNNER_ERRORS = new Set([
  "QueryRunnerProviderAlreadyReleasedError",
  "QueryRunnerAlreadyReleasedError",
]);

// The same, told by the driver and TypeORM in words only.
const UNAVAILABLE_MESSAGES = new RegExp(
  [
    "Connection terminated",
    "timeout exceeded when trying to connect",
    "Driver not Connected",
    "Cannot use a pool after calling end",
    "encountered a connection error and is not queryable",
  ].join("|"),
  "i",
);

/** Whether `error` (or one of its causes) is the database being away, or a lost race. */
export function isDatabaseUnavailable(error: unknown): boolean {
  for (let cause = error; cause instanceof Error; cause = cause.cause) {
    const code = (cause as { code?: unknown }).code;
    if (typeof code === "string" && UNAVAILABLE_CODES.has(code)) return true;
    // TypeORM's answers to a statement (or the COMMIT) of a transaction whose connection the
    // server ended: the transaction is gone with it, rolled back.
    if (RELEASED_RUNNER_ERRORS.has(cause.name)) return true;
    // The pool is closed or was never connected (during shutdown, or while a database restarts),
    // or a connection broke under a statement.
    if (UNAVAILABLE_MESSAGES.test(cause.message)) return true;
  }
  return false;
}

function originalOf(error: unknown): unknown {
  return error instanceof GraphQLError ? (error.originalError ?? error) : error;
}

function hasOwnListedCode(code: unknown): boolean {
  return isErrorCode(code) && code !== ERROR_CODES.INTERNAL_SERVER_ERROR;
}

/**
 * Apollo refuses a few requests with an HTTP status of 400 and no code at all: a persisted query
 * of another version than 1, or whose hash does not match its text. They are BAD_REQUEST.
 */
function isCodelessRefusal(error: unknown): boolean {
  if (!(error instanceof GraphQLError) || error.extensions.code !== undefined) return false;
  const status = (error.extensions.http as { status?: unknown } | undefined)?.status;
  return typeof status === "number" && status >= 400 && status < 500;
}

/**
 * Whether an error leaves the API as INTERNAL_SERVER_ERROR: it carries no listed code of its own,
 * is no refusal of Apollo's, and is not the database being away. Such errors are bugs or outages
 * nobody planned for; whoever sees one first logs it with its request id (see
 * `hardening/internal-errors.plugin.ts`).
 */
export function isUnexpectedError(error: unknown): boolean {
  const code = error instanceof GraphQLError ? error.extensions.code : undefined;
  return (
    !hasOwnListedCode(code) &&
    !isCodelessRefusal(error) &&
    !isDatabaseUnavailable(originalOf(error))
  );
}

/** How long a client waits before sending a SERVICE_UNAVAILABLE request again. */
export const UNAVAILABLE_RETRY_AFTER_SECONDS = 1;

export const UNAVAILABLE_MESSAGE = "The service is briefly unavailable. Please retry.";

/**
 * SERVICE_UNAVAILABLE for a request that could not even start because the database is away:
 * HTTP 503 with `Retry-After`, which proxies and clients understand without reading the body.
 */
export function serviceUnavailable(): GraphQLError {
  const retryAfter = String(UNAVAILABLE_RETRY_AFTER_SECONDS);
  return apiError(ERROR_CODES.SERVICE_UNAVAILABLE, UNAVAILABLE_MESSAGE, {
    retryAfterSeconds: UNAVAILABLE_RETRY_AFTER_SECONDS,
    http: { status: 503, headers: new HeaderMap([["retry-after", retryAfter]]) },
  });
}

/**
 * An INTERNAL_SERVER_ERROR for an unexpected error that was already logged: the client learns
 * only the request id to quote, which finds the log entry with the details.
 */
export function internalError(requestId: string): GraphQLError {
  return apiError(ERROR_CODES.INTERNAL_SERVER_ERROR, INTERNAL_MESSAGE, { requestId });
}

const INTERNAL_MESSAGE = "Internal server error.";

/**
 * Apollo's `formatError`: every error leaves with a listed code and without internals. Anything
 * unexpected is reported as INTERNAL_SERVER_ERROR with a generic message; its details are logged
 * elsewhere, with the request id, because this function does not know the request.
 */
export function formatError(
  formatted: GraphQLFormattedError,
  error: unknown,
): GraphQLFormattedError {
  const code = formatted.extensions?.code;
  if (hasOwnListedCode(code)) {
    const { stacktrace: _omitted, ...extensions } = formatted.extensions ?? {};
    return { ...formatted, extensions };
  }
  if (isCodelessRefusal(error)) {
    return { message: formatted.message, extensions: { code: ERROR_CODES.BAD_REQUEST } };
  }
  if (isDatabaseUnavailable(originalOf(error))) {
    return {
      message: UNAVAILABLE_MESSAGE,
      ...(formatted.path ? { path: formatted.path } : {}),
      extensions: {
        code: ERROR_CODES.SERVICE_UNAVAILABLE,
        retryAfterSeconds: UNAVAILABLE_RETRY_AFTER_SECONDS,
      },
    };
  }
  // Only a request id set by `internalError` survives; every other detail is dropped.
  const requestId =
    code === ERROR_CODES.INTERNAL_SERVER_ERROR ? formatted.extensions?.requestId : undefined;
  return {
    message: INTERNAL_MESSAGE,
    // Where in the caller's own operation it failed: nothing the caller does not know.
    ...(formatted.locations ? { locations: formatted.locations } : {}),
    ...(formatted.path ? { path: formatted.path } : {}),
    extensions: {
      code: ERROR_CODES.INTERNAL_SERVER_ERROR,
      ...(typeof requestId === "string" ? { requestId } : {}),
    },
  };
}
