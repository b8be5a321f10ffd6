/** The claims of an embed token that the widget reads. */
export interface TokenClaims {
  sub?: string;
  exp?: number;
  /** The employee's language, e.g. `de`; the element's attribute and `configure()` outrank it. */
  locale?: string;
}

/**
 * Reads a JWT's payload without verifying it. The widget never trusts these claims: it only uses
 * `sub` to keep one employee's outbox apart from another's, `exp` to skip a request that would
 * certainly be refused, and `locale` to pick a language. The API verifies every token it receives.
 */
export function readClaims(token: string): TokenClaims {
  const payload = token.split(".")[1];
  if (!payload) return {};
  try {
    const binary = atob(payload.replace(/-/g, "+").replace(/_/g, "/"));
    const bytes = Uint8Array.from(binary, (char) => char.charCodeAt(0));
    const claims: unknown = JSON.parse(new TextDecoder().decode(bytes));
    if (typeof claims !== "object" || claims === null) return {};
    const { sub, exp, locale } = claims as Record<string, unknown>;
    return {
      ...(typeof sub === "string" ? { sub } : {}),
      ...(typeof exp === "number" ? { exp } : {}),
      ...(typeof locale === "string" ? { locale } : {}),
    };
  } catch {
    return {};
  }
}

/** True when the token's `exp` lies in the past by the browser's clock. */
export function hasExpired(token: string, now = Date.now()): boolean {
  const { exp } = readClaims(token);
  return exp !== undefined && exp * 1000 <= now;
}
