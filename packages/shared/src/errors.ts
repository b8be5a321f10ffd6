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
  /** The referenced object does not exist (or is not visible to the caller). */
  NOT_FOUND: "NOT_FOUND",
  /** The database is unreachable for the moment; the same request may be retried. */
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
