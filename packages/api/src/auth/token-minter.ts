import {
  EMBED_TOKEN_AUDIENCE,
  MAX_EMBED_TOKEN_LIFETIME_SECONDS,
  type EmbedTokenClaims,
} from "@real-skills/shared";
import { SignJWT } from "jose";

/**
 * Mints an HS256 embed token exactly as a customer's backend would. The API never mints tokens
 * for itself; this serves the operator CLI (development and tests) and the demo.
 */
export function mintEmbedToken(
  key: { kid: string; secret: string },
  claims: Omit<EmbedTokenClaims, "aud" | "iat" | "exp">,
  ttlSeconds: number,
  now = Math.floor(Date.now() / 1000),
): Promise<string> {
  if (
    !Number.isInteger(ttlSeconds) ||
    ttlSeconds < 1 ||
    ttlSeconds > MAX_EMBED_TOKEN_LIFETIME_SECONDS
  ) {
    throw new RangeError(`ttl must be 1 second to 24 hours`);
  }
  const { sub, ...optional } = claims;
  return new SignJWT({ ...optional })
    .setProtectedHeader({ alg: "HS256", kid: key.kid, typ: "JWT" })
    .setSubject(sub)
    .setAudience(EMBED_TOKEN_AUDIENCE)
    .setIssuedAt(now)
    .setExpirationTime(now + ttlSeconds)
    .sign(Buffer.from(key.secret, "base64url"));
}

/** Parses `90`, `90s`, `15m`, `8h`, `1d` into seconds; undefined when malformed. */
export function parseDuration(value: string): number | undefined {
  const match = /^(\d{1,6})([smhd]?)$/.exec(value.trim());
  if (!match) return undefined;
  const unit = { "": 1, s: 1, m: 60, h: 3600, d: 86400 }[match[2] as "" | "s" | "m" | "h" | "d"];
  return Number(match[1]) * unit;
}
