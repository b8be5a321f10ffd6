import { ERROR_CODES } from "@real-skills/shared";
import type { Result } from "@real-skills/shared";
import type { TokenProvider } from "../config.js";
import type { ApiError } from "./api-error.js";
import { graphqlRequest } from "./graphql-request.js";
import type { TypedDocument } from "./graphql-request.js";
import { currentToken, refreshToken } from "./token-cache.js";

/**
 * Sends one operation with the employee's embed token. When the API refuses the token, it asks
 * the provider once for a new one and sends the request once more: a token that expired since it
 * was cached is the usual cause. A second refusal comes back as the result, since asking again
 * would only repeat it.
 */
export async function authorizedRequest<TData, TVariables extends Record<string, unknown>>(
  endpoint: string,
  document: TypedDocument<TData, TVariables>,
  variables: TVariables,
  provider: TokenProvider | undefined,
  signal?: AbortSignal,
): Promise<Result<TData, ApiError>> {
  const token = await currentToken(provider);
  if (!token.ok) return token;
  const result = await graphqlRequest(endpoint, document, variables, {
    signal,
    token: token.value,
  });
  if (result.ok || result.error.code !== ERROR_CODES.UNAUTHENTICATED) return result;

  const fresh = await refreshToken(provider, token.value);
  if (!fresh.ok) return fresh;
  return graphqlRequest(endpoint, document, variables, { signal, token: fresh.value });
}
