import type { ErrorCode } from "@real-skills/shared";

/**
 * Failures that happen before or after the API could answer: no answer at all (offline, DNS,
 * CORS refused), or an answer that is not a GraphQL response we understand.
 */
export const CLIENT_ERROR_CODES = {
  NETWORK_ERROR: "NETWORK_ERROR",
  BAD_RESPONSE: "BAD_RESPONSE",
} as const;

export type ClientErrorCode = (typeof CLIENT_ERROR_CODES)[keyof typeof CLIENT_ERROR_CODES];

export type ApiErrorCode = ErrorCode | ClientErrorCode;

/** The failure of one request; `message` is for logs and developers, not for the reader. */
export interface ApiError {
  code: ApiErrorCode;
  message: string;
  /** `RETAKE_COOLDOWN` only: when a new attempt can start (ISO 8601), if the API said. */
  availableAt?: string;
}

const TRANSIENT_CODES: readonly ApiErrorCode[] = [
  CLIENT_ERROR_CODES.NETWORK_ERROR,
  "SERVICE_UNAVAILABLE",
  "RATE_LIMITED",
];

/** Whether the same request may succeed later: no connection, a busy or overloaded API. */
export function isTransient(error: ApiError): boolean {
  return TRANSIENT_CODES.includes(error.code);
}
