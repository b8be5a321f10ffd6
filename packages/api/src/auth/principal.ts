import type { Locale } from "@real-skills/shared";

/** Who is calling. Decided once per request from its credentials; never changes after. */
export type Principal = AnonymousPrincipal | ApiKeyPrincipal | EmbedTokenPrincipal;

export interface AnonymousPrincipal {
  kind: "ANONYMOUS";
}

export interface ApiKeyPrincipal {
  kind: "API_KEY";
  organizationId: string;
  role: "ADMIN" | "ANALYST";
  apiKeyId: string;
  /** The organisation's language for requests that name none. */
  defaultLocale: Locale;
}

export interface EmbedTokenPrincipal {
  kind: "EMBED_TOKEN";
  organizationId: string;
  role: "EMPLOYEE" | "ANALYST";
  /** The pseudonymous employee id from the token's `sub`. */
  subject: string;
  team: string | null;
  department: string | null;
  locale: Locale | null;
  /** The embed key that signed the token. */
  kid: string;
  /** The organisation's language for requests that name none. */
  defaultLocale: Locale;
}

export type OrganizationPrincipal = ApiKeyPrincipal | EmbedTokenPrincipal;

export const ANONYMOUS: AnonymousPrincipal = Object.freeze({ kind: "ANONYMOUS" });

/** A stable id of the caller for rate limits and audit entries. */
export function principalId(principal: Principal): string {
  switch (principal.kind) {
    case "ANONYMOUS":
      return "anonymous";
    case "API_KEY":
      return `key:${principal.apiKeyId}`;
    case "EMBED_TOKEN":
      return `sub:${principal.organizationId}:${principal.subject}`;
  }
}
