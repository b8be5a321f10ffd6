import { AUTH_FAILURE_REASONS, ERROR_CODES } from "@real-skills/shared";
import { apiError } from "../common/errors.js";
import type { EmbedTokenPrincipal, OrganizationPrincipal, Principal } from "./principal.js";

type Role = OrganizationPrincipal["role"];

/**
 * The caller's organisation, or UNAUTHENTICATED for anonymous calls. Every organisation-owned
 * read and write takes its organisation id from here, never from an argument.
 */
export function requireOrganization(principal: Principal): OrganizationPrincipal {
  if (principal.kind === "ANONYMOUS") {
    throw apiError(
      ERROR_CODES.UNAUTHENTICATED,
      "This operation needs an API key or an embed token.",
      {
        reason: AUTH_FAILURE_REASONS.CREDENTIALS_REQUIRED,
      },
    );
  }
  return principal;
}

/** The caller's organisation when its role is one of `roles`; FORBIDDEN otherwise. */
export function requireRole(principal: Principal, ...roles: Role[]): OrganizationPrincipal {
  const caller = requireOrganization(principal);
  if (!roles.includes(caller.role)) {
    throw apiError(ERROR_CODES.FORBIDDEN, `This operation needs the role ${roles.join(" or ")}.`);
  }
  return caller;
}

/**
 * The employee behind an embed token: only they have attempts and individual results. API keys
 * are FORBIDDEN, because HR tools and developers never read an individual's answers.
 */
export function requireEmployee(principal: Principal): EmbedTokenPrincipal {
  const caller = requireOrganization(principal);
  if (caller.kind !== "EMBED_TOKEN") {
    throw apiError(
      ERROR_CODES.FORBIDDEN,
      "Attempts and individual results belong to employees: call with an embed token.",
    );
  }
  return caller;
}
