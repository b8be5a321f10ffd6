import { err, isErrorCode, ok } from "@real-skills/shared";
import type { Result } from "@real-skills/shared";
import { CLIENT_ERROR_CODES } from "./api-error.js";
import type { ApiError } from "./api-error.js";

/**
 * A GraphQL operation as text, carrying the types of its result and variables so that
 * `graphqlRequest()` returns typed data without a code generator.
 */
export interface TypedDocument<TData, TVariables extends Record<string, unknown>> {
  readonly operationName: string;
  readonly query: string;
  /** Never set at run time; only here so TypeScript keeps the two type parameters. */
  readonly __types?: { data: TData; variables: TVariables };
}

export interface RequestOptions {
  signal?: AbortSignal | undefined;
  /** An embed token, sent as `Authorization: Bearer …`; reads of the public library need none. */
  token?: string | undefined;
}

// The GraphQL-over-HTTP media type first; plain JSON for servers that predate it.
const ACCEPT = "application/graphql-response+json, application/json";

/**
 * Sends one operation as a JSON POST. Every failure becomes an `ApiError` value: the first
 * GraphQL error's `extensions.code`, `NETWORK_ERROR` when no answer came, `BAD_RESPONSE` when
 * the answer is not a usable GraphQL response. It never throws and never retries.
 */
export async function graphqlRequest<TData, TVariables extends Record<string, unknown>>(
  endpoint: string,
  document: TypedDocument<TData, TVariables>,
  variables: TVariables,
  options: RequestOptions = {},
): Promise<Result<TData, ApiError>> {
  const headers: Record<string, string> = { "Content-Type": "application/json", Accept: ACCEPT };
  if (options.token) headers.Authorization = `Bearer ${options.token}`;
  let response: Response;
  try {
    response = await fetch(endpoint, {
      method: "POST",
      headers,
      body: JSON.stringify({
        query: document.query,
        operationName: document.operationName,
        variables,
      }),
      // The token travels in a header, never in cookies; sending none keeps CORS simple.
      credentials: "omit",
      signal: options.signal ?? null,
    });
  } catch (cause) {
    return err({ code: CLIENT_ERROR_CODES.NETWORK_ERROR, message: describe(cause) });
  }

  let body: unknown;
  try {
    body = await response.json();
  } catch {
    return badResponse(`HTTP ${response.status}: the body is not JSON`);
  }
  return readGraphqlBody<TData>(body, response.status);
}

/**
 * Interprets a parsed response body. GraphQL-over-HTTP sends request errors with a 4xx status
 * and a normal `errors` list, so the list is read before the status is judged.
 */
export function readGraphqlBody<TData>(body: unknown, status: number): Result<TData, ApiError> {
  if (!isRecord(body)) return badResponse(`HTTP ${status}: the body is not a JSON object`);

  const { errors, data } = body;
  if (Array.isArray(errors) && errors.length > 0) return err(toApiError(errors[0]));
  if (status < 200 || status > 299) return badResponse(`HTTP ${status} without GraphQL errors`);
  if (!isRecord(data)) return badResponse(`HTTP ${status}: the body has no data`);
  // The shape of `data` follows the document, which the schema validated on the server.
  return ok(data as TData);
}

function toApiError(error: unknown): ApiError {
  const message =
    isRecord(error) && typeof error.message === "string" ? error.message : "Unknown error";
  const extensions = isRecord(error) ? error.extensions : undefined;
  const code = isRecord(extensions) ? extensions.code : undefined;
  // A code outside the shared closed list breaks the API contract, so callers treat it like any
  // other answer they cannot use; the server's message is kept for whoever debugs it.
  if (!isErrorCode(code)) return { code: CLIENT_ERROR_CODES.BAD_RESPONSE, message };
  const availableAt = isRecord(extensions) ? extensions.availableAt : undefined;
  return typeof availableAt === "string" ? { code, message, availableAt } : { code, message };
}

function badResponse(message: string): Result<never, ApiError> {
  return err({ code: CLIENT_ERROR_CODES.BAD_RESPONSE, message });
}

function describe(cause: unknown): string {
  return cause instanceof Error ? cause.message : String(cause);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
