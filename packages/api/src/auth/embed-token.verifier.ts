import {
  AUTH_FAILURE_REASONS,
  EMBED_TOKEN_AUDIENCE,
  EMBED_TOKEN_CLOCK_SKEW_SECONDS,
  EMBED_TOKEN_ROLES,
  isLocale,
  type Locale,
  MAX_EMBED_TOKEN_LIFETIME_SECONDS,
  type AuthFailureReason,
} from "@real-skills/shared";
import { webcrypto } from "node:crypto";
import {
  decodeProtectedHeader,
  errors,
  importSPKI,
  jwtVerify,
  type CryptoKey,
  type JWTPayload,
} from "jose";
import { LRUCache } from "lru-cache";
import type { DataSource } from "typeorm";
import type { Change } from "../caching/change-notices.js";
import { isStorableText } from "../common/storable-text.js";
import type { EmbedKey } from "./embed-key.entity.js";
import type { EmbedTokenPrincipal } from "./principal.js";

/** A verified token: who it names, and the origins its organisation allows pages from. */
export interface VerifiedEmbedToken {
  principal: EmbedTokenPrincipal;
  allowedOrigins: readonly string[];
}

/** An embed key usable now, with the settings of its organisation. */
interface SigningKey {
  kid: string;
  organizationId: string;
  algorithm: EmbedKey["algorithm"];
  secret: string | null;
  publicKey: string | null;
  defaultLocale: Locale;
  allowedOrigins: string[];
  expiresAt: Date | null;
}

/**
 * How long a signing key is used from memory. A revocation, rotation or change of allowed
 * origins drops it at once on every instance (`forget`); this bounds a missed notice.
 */
const KEY_CACHE_MS = 60_000;
const MAX_CACHED_KEYS = 10_000;

export class AuthFailure extends Error {
  override name = "AuthFailure";

  constructor(readonly reason: AuthFailureReason) {
    super(reason);
  }
}

/** Longest `sub`, `team` or `department` claim accepted; also the longest subject an admin can name. */
export const MAX_CLAIM_LENGTH = 200;

/**
 * Verifies embed tokens (JWTs minted by an organisation's backend). The header's `kid` selects the
 * key and with it the organisation and the one algorithm allowed. An unknown, revoked or expired
 * key fails exactly like a bad signature, so a rejection never reveals whether a key exists.
 */
export class EmbedTokenVerifier {
  private readonly keys = new LRUCache<string, SigningKey>({
    max: MAX_CACHED_KEYS,
    ttl: KEY_CACHE_MS,
  });
  /** Keys imported for verifying, once per signing key (an import costs more than a verify). */
  private readonly imported = new WeakMap<SigningKey, Promise<CryptoKey>>();
  private changes = 0;

  constructor(private readonly dataSource: DataSource) {}

  /** Drops the cached keys a change of access makes stale (all of them when unsure). */
  forget(change: Change | "everything"): void {
    if (change !== "everything" && change.kind !== "access") return;
    this.changes += 1;
    for (const [kid, key] of [...this.keys.entries()]) {
      if (change === "everything" || key.organizationId === change.organizationId) {
        this.keys.delete(kid);
      }
    }
  }

  async verify(token: string, now = new Date()): Promise<VerifiedEmbedToken> {
    let kid: unknown;
    try {
      kid = decodeProtectedHeader(token).kid;
    } catch {
      throw new AuthFailure(AUTH_FAILURE_REASONS.MALFORMED_TOKEN);
    }
    if (typeof kid !== "string" || kid.length === 0 || kid.length > 100) {
      throw new AuthFailure(AUTH_FAILURE_REASONS.INVALID_SIGNATURE);
    }
    const key = await this.signingKey(kid);
    if (!key || (key.expiresAt !== null && key.expiresAt <= now)) {
      throw new AuthFailure(AUTH_FAILURE_REASONS.INVALID_SIGNATURE);
    }

    const payload = await verifySignatureAndTimes(token, key, this.verificationKey(key), now);
    // jose leaves a future `iat` alone; a token from the future is not valid yet.
    if (
      typeof payload.iat === "number" &&
      payload.iat > now.getTime() / 1000 + EMBED_TOKEN_CLOCK_SKEW_SECONDS
    ) {
      throw new AuthFailure(AUTH_FAILURE_REASONS.TOKEN_NOT_YET_VALID);
    }
    return { principal: toPrincipal(payload, key), allowedOrigins: key.allowedOrigins };
  }

  private verificationKey(key: SigningKey): Promise<CryptoKey> {
    let imported = this.imported.get(key);
    if (imported === undefined) {
      imported =
        key.algorithm === "HS256"
          ? webcrypto.subtle.importKey(
              "raw",
              Buffer.from(key.secret ?? "", "base64url"),
              { name: "HMAC", hash: "SHA-256" },
              false,
              ["verify"],
            )
          : importSPKI(key.publicKey ?? "", key.algorithm);
      this.imported.set(key, imported);
    }
    return imported;
  }

  /**
   * The unrevoked key `kid` with its organisation's settings, from memory when read recently.
   * Unknown kids are not remembered: nothing a caller sends can fill the cache.
   */
  private async signingKey(kid: string): Promise<SigningKey | undefined> {
    const cached = this.keys.get(kid);
    if (cached !== undefined) return cached;
    const changesBefore = this.changes;
    const [key] = await this.dataSource.query<SigningKey[]>(
      `SELECT k.kid, k.organization_id AS "organizationId", k.algorithm, k.secret,
              k.public_key AS "publicKey", k.expires_at AS "expiresAt",
              o.default_locale AS "defaultLocale", o.allowed_origins AS "allowedOrigins"
         FROM embed_key k JOIN organization o ON o.id = k.organization_id
        WHERE k.kid = $1 AND k.revoked_at IS NULL`,
      [kid],
    );
    // A key read while a change was announced may be the one from before it.
    if (key !== undefined && changesBefore === this.changes) this.keys.set(kid, key);
    return key;
  }
}

async function verifySignatureAndTimes(
  token: string,
  key: SigningKey,
  verificationKey: Promise<CryptoKey>,
  now: Date,
): Promise<JWTPayload> {
  try {
    const { payload } = await jwtVerify(token, await verificationKey, {
      algorithms: [key.algorithm],
      audience: EMBED_TOKEN_AUDIENCE,
      clockTolerance: EMBED_TOKEN_CLOCK_SKEW_SECONDS,
      requiredClaims: ["exp", "iat", "sub"],
      currentDate: now,
    });
    return payload;
  } catch (error) {
    throw new AuthFailure(reasonFor(error));
  }
}

function reasonFor(error: unknown): AuthFailureReason {
  if (error instanceof errors.JWTExpired) return AUTH_FAILURE_REASONS.TOKEN_EXPIRED;
  if (error instanceof errors.JWTClaimValidationFailed) {
    if (error.reason === "missing") return AUTH_FAILURE_REASONS.MISSING_CLAIM;
    if (error.claim === "aud") return AUTH_FAILURE_REASONS.INVALID_AUDIENCE;
    // "check_failed" means a time in the future; "invalid" means no number at all.
    if ((error.claim === "nbf" || error.claim === "iat") && error.reason === "check_failed") {
      return AUTH_FAILURE_REASONS.TOKEN_NOT_YET_VALID;
    }
    return AUTH_FAILURE_REASONS.INVALID_CLAIM;
  }
  if (error instanceof errors.JWTInvalid || error instanceof errors.JWSInvalid) {
    return AUTH_FAILURE_REASONS.MALFORMED_TOKEN;
  }
  // Signature mismatch, an algorithm other than the key's, an unusable key: all look alike.
  return AUTH_FAILURE_REASONS.INVALID_SIGNATURE;
}

function toPrincipal(payload: JWTPayload, key: SigningKey): EmbedTokenPrincipal {
  const { sub, iat, exp } = payload;
  if (!isClaimText(sub) || sub.length === 0) {
    throw new AuthFailure(AUTH_FAILURE_REASONS.INVALID_CLAIM);
  }
  if (iat === undefined || exp === undefined)
    throw new AuthFailure(AUTH_FAILURE_REASONS.MISSING_CLAIM);
  if (exp - iat > MAX_EMBED_TOKEN_LIFETIME_SECONDS) {
    throw new AuthFailure(AUTH_FAILURE_REASONS.TOKEN_LIFETIME_TOO_LONG);
  }
  const role = payload.role ?? "employee";
  if (!(EMBED_TOKEN_ROLES as readonly unknown[]).includes(role)) {
    throw new AuthFailure(AUTH_FAILURE_REASONS.INVALID_CLAIM);
  }
  const locale = payload.locale ?? null;
  if (locale !== null && !isLocale(locale))
    throw new AuthFailure(AUTH_FAILURE_REASONS.INVALID_CLAIM);
  return {
    kind: "EMBED_TOKEN",
    organizationId: key.organizationId,
    role: role === "analyst" ? "ANALYST" : "EMPLOYEE",
    subject: sub,
    team: optionalString(payload.team),
    department: optionalString(payload.department),
    locale,
    kid: key.kid,
    defaultLocale: key.defaultLocale,
  };
}

function optionalString(value: unknown): string | null {
  if (value === undefined || value === null) return null;
  if (!isClaimText(value)) throw new AuthFailure(AUTH_FAILURE_REASONS.INVALID_CLAIM);
  return value;
}

/** `sub`, `team` and `department` are stored with attempts: text the database can hold. */
function isClaimText(value: unknown): value is string {
  return typeof value === "string" && value.length <= MAX_CLAIM_LENGTH && isStorableText(value);
}
