/**
 * The closed list of error codes the API puts in `extensions.code`. Clients may switch on them;
 * a code is never renamed or reused for another meaning. Apollo Server's own codes are included
 * so that every error a client can see is listed here.
 */
export const ERROR_CODES = {
  /** The request body or query text is not valid GraphQL or JSON. */
  GRAPHQL_PARSE_FAILED: "GRAPHQL_PARSE_FAILED",
  /** The operation does not match the schema. */
  GRAPHQL_VALIDATION_FAILED: "GRAPHQL_VALIDATION_FAILED",
  /** An argument or input value is malformed or out of range; `extensions.field` names it. */
  BAD_USER_INPUT: "BAD_USER_INPUT",
  /** The HTTP request itself is unusable (method, content type, missing query). */
  BAD_REQUEST: "BAD_REQUEST",
  /** A persisted query hash was sent without its text and is not known yet. */
  PERSISTED_QUERY_NOT_FOUND: "PERSISTED_QUERY_NOT_FOUND",
  /** Persisted queries are switched off. */
  PERSISTED_QUERY_NOT_SUPPORTED: "PERSISTED_QUERY_NOT_SUPPORTED",
  /** `operationName` names no operation in the document. */
  OPERATION_RESOLUTION_FAILURE: "OPERATION_RESOLUTION_FAILURE",
  /**
   * No valid credentials, or credentials that were rejected. `extensions.reason` says why (one of
   * `AUTH_FAILURE_REASONS`) without revealing whether an organisation or key exists.
   */
  UNAUTHENTICATED: "UNAUTHENTICATED",
  /** The caller is known but its role may not do this. */
  FORBIDDEN: "FORBIDDEN",
  /** Too many requests; retry after `extensions.retryAfterSeconds` (also the `Retry-After` header). */
  RATE_LIMITED: "RATE_LIMITED",
  /** The referenced object does not exist (or is not visible to the caller). */
  NOT_FOUND: "NOT_FOUND",
  /**
   * The attempt is already submitted: its answers can no longer change, and a submit with another
   * idempotency key is refused. Its result stays readable through `attempt(id)`.
   */
  ATTEMPT_SUBMITTED: "ATTEMPT_SUBMITTED",
  /** A submit came before every required item was answered; `extensions.itemIds` lists them. */
  REQUIRED_ITEMS_MISSING: "REQUIRED_ITEMS_MISSING",
  /**
   * The organisation's retake cooldown has not passed since the last submitted attempt on this
   * assessment; `extensions.availableAt` says when a new attempt can start.
   */
  RETAKE_COOLDOWN: "RETAKE_COOLDOWN",
  /** The database is unreachable for the moment, or the request lost a race with another; the same request may be retried. */
  SERVICE_UNAVAILABLE: "SERVICE_UNAVAILABLE",
  /** Anything unexpected. Details are logged on the server, never sent to the client. */
  INTERNAL_SERVER_ERROR: "INTERNAL_SERVER_ERROR",
} as const;

export type ErrorCode = (typeof ERROR_CODES)[keyof typeof ERROR_CODES];

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === "string" && Object.hasOwn(ERROR_CODES, value);
}

/** Codes after which sending the same request again can succeed. */
export const RETRIABLE_ERROR_CODES: readonly ErrorCode[] = [ERROR_CODES.SERVICE_UNAVAILABLE];

/** Why credentials were rejected: `extensions.reason` of an UNAUTHENTICATED error. */
export const AUTH_FAILURE_REASONS = {
  /** The operation needs credentials and none were sent. */
  CREDENTIALS_REQUIRED: "CREDENTIALS_REQUIRED",
  /** The Authorization header is not `Bearer <API key or embed token>`. */
  MALFORMED_CREDENTIALS: "MALFORMED_CREDENTIALS",
  /** The API key is unknown or revoked. */
  INVALID_API_KEY: "INVALID_API_KEY",
  /** The token is not a well-formed JWT. */
  MALFORMED_TOKEN: "MALFORMED_TOKEN",
  /** The signature does not verify with a current key for the token's `kid`, or the algorithm is not allowed. */
  INVALID_SIGNATURE: "INVALID_SIGNATURE",
  /** `exp` has passed (beyond 60 s of clock skew). */
  TOKEN_EXPIRED: "TOKEN_EXPIRED",
  /** `nbf` or `iat` lies in the future (beyond 60 s of clock skew). */
  TOKEN_NOT_YET_VALID: "TOKEN_NOT_YET_VALID",
  /** `exp` is more than 24 hours after `iat`. */
  TOKEN_LIFETIME_TOO_LONG: "TOKEN_LIFETIME_TOO_LONG",
  /** `aud` is not `real-skills`. */
  INVALID_AUDIENCE: "INVALID_AUDIENCE",
  /** A required claim (`sub`, `exp`, `iat`) is missing. */
  MISSING_CLAIM: "MISSING_CLAIM",
  /** A claim has a value outside its documented range (e.g. `role`, `locale`). */
  INVALID_CLAIM: "INVALID_CLAIM",
  /** The page's origin is not on the organisation's list of allowed embed origins. */
  ORIGIN_NOT_ALLOWED: "ORIGIN_NOT_ALLOWED",
} as const;

export type AuthFailureReason = (typeof AUTH_FAILURE_REASONS)[keyof typeof AUTH_FAILURE_REASONS];
