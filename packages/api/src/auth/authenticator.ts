import { AUTH_FAILURE_REASONS } from "@real-skills/shared";
import type { DataSource } from "typeorm";
import type { ApiKeyRole, Locale } from "@real-skills/shared";
import type { Change } from "../caching/change-notices.js";
import { AuthFailure, EmbedTokenVerifier } from "./embed-token.verifier.js";
import { ANONYMOUS, type Principal } from "./principal.js";
import { hashApiKey } from "./secrets.js";

interface ApiKeyRow {
  id: string;
  organization_id: string;
  role: ApiKeyRole;
  last_used_at: Date | null;
  default_locale: Locale;
}

/** How often `last_used_at` is written for a busy key: a write per request would be waste. */
const LAST_USED_RESOLUTION_MS = 60_000;

/**
 * Turns a request's credentials into a {@link Principal}. API keys are looked up by hash on every
 * request (no cache), so a revoked key stops working at once on every instance. Embed tokens are
 * verified, and then the page's origin must be one the organisation allows; their signing keys
 * are kept in memory, and dropped on every instance when they change ({@link forget}).
 */
export class Authenticator {
  private readonly embedTokens: EmbedTokenVerifier;

  constructor(private readonly dataSource: DataSource) {
    this.embedTokens = new EmbedTokenVerifier(dataSource);
  }

  /** Drops cached signing keys that `change` makes stale. */
  forget(change: Change | "everything"): void {
    this.embedTokens.forget(change);
  }

  async authenticate(request: {
    authorization: string | undefined;
    origin: string | undefined;
  }): Promise<Principal> {
    if (request.authorization === undefined || request.authorization === "") return ANONYMOUS;
    // The scheme name is case-insensitive (RFC 9110 §11.1); the credential is printable ASCII.
    const match = /^Bearer ([\x21-\x7e]{1,4096})$/i.exec(request.authorization);
    const credential = match?.[1];
    if (!credential) throw new AuthFailure(AUTH_FAILURE_REASONS.MALFORMED_CREDENTIALS);
    if (credential.startsWith("rsk_")) return this.apiKey(credential);

    const { principal, allowedOrigins } = await this.embedTokens.verify(credential);
    if (request.origin !== undefined && !allowedOrigins.includes(request.origin)) {
      throw new AuthFailure(AUTH_FAILURE_REASONS.ORIGIN_NOT_ALLOWED);
    }
    return principal;
  }

  private async apiKey(key: string): Promise<Principal> {
    const [row] = await this.dataSource.query<ApiKeyRow[]>(
      `SELECT k.id, k.organization_id, k.role, k.last_used_at, o.default_locale
         FROM api_key k JOIN organization o ON o.id = k.organization_id
        WHERE k.secret_hash = $1 AND k.revoked_at IS NULL`,
      [hashApiKey(key)],
    );
    if (!row) throw new AuthFailure(AUTH_FAILURE_REASONS.INVALID_API_KEY);
    if (!row.last_used_at || Date.now() - row.last_used_at.getTime() > LAST_USED_RESOLUTION_MS) {
      await this.dataSource.query(`UPDATE api_key SET last_used_at = now() WHERE id = $1`, [
        row.id,
      ]);
    }
    return {
      kind: "API_KEY",
      organizationId: row.organization_id,
      role: row.role,
      apiKeyId: row.id,
      defaultLocale: row.default_locale,
    };
  }

  /** Whether any organisation allows `origin`: decides CORS preflights, which carry no token. */
  async anyOrganizationAllows(origin: string): Promise<boolean> {
    const rows: unknown[] = await this.dataSource.query(
      `SELECT 1 FROM organization WHERE allowed_origins @> ARRAY[$1]::text[] LIMIT 1`,
      [origin],
    );
    return rows.length > 0;
  }
}
