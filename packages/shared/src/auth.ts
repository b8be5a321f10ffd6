/** The audience every embed token must name. */
export const EMBED_TOKEN_AUDIENCE = "real-skills";

/** Longest allowed embed token lifetime (`exp - iat`), in seconds. */
export const MAX_EMBED_TOKEN_LIFETIME_SECONDS = 24 * 60 * 60;

/** Clock skew tolerated when checking `exp`, `nbf` and `iat`, in seconds. */
export const EMBED_TOKEN_CLOCK_SKEW_SECONDS = 60;

/** Roles an embed token may carry in its `role` claim. */
export const EMBED_TOKEN_ROLES = ["employee", "analyst"] as const;
export type EmbedTokenRole = (typeof EMBED_TOKEN_ROLES)[number];

/** Roles of API keys. */
export const API_KEY_ROLES = ["ADMIN", "ANALYST"] as const;
export type ApiKeyRole = (typeof API_KEY_ROLES)[number];

/**
 * The claims of an embed token, as a customer's backend mints them with any JWT library. Header:
 * `alg` (HS256, ES256 or RS256, as registered for the key) and `kid` (the embed key's id).
 */
export interface EmbedTokenClaims {
  /** Pseudonymous, stable id of the employee in the customer's systems. Required. */
  sub: string;
  /** Always `real-skills`. */
  aud: typeof EMBED_TOKEN_AUDIENCE;
  /** Issued at, seconds since the epoch. Required. */
  iat: number;
  /** Expiry, seconds since the epoch; at most 24 h after `iat`. Required. */
  exp: number;
  /** Team, for aggregate reports. */
  team?: string;
  /** Department, for aggregate reports. */
  department?: string;
  /** Preferred language, `en` or `de`. */
  locale?: string;
  /** `employee` (default) or `analyst` (may read aggregate reports). */
  role?: EmbedTokenRole;
}
