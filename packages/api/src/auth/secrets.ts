import { createHash, randomBytes } from "node:crypto";

/** A new API key: `rsk_` and 32 random bytes (base64url). Shown once; only its hash is stored. */
export function newApiKey(): { key: string; prefix: string; hash: string } {
  const key = `rsk_${randomBytes(32).toString("base64url")}`;
  return { key, prefix: key.slice(0, 10), hash: hashApiKey(key) };
}

/**
 * SHA-256 is enough for API keys: they carry 256 bits of randomness, so there is nothing for a
 * slow password hash to protect against, and the lookup stays one indexed equality.
 */
export function hashApiKey(key: string): string {
  return createHash("sha256").update(key).digest("hex");
}

/** A new embed key id, e.g. `ek_3m9F…`; public (it travels in every token header). */
export function newKid(): string {
  return `ek_${randomBytes(12).toString("base64url")}`;
}

/** A new HS256 secret: 32 random bytes, base64url. */
export function newHs256Secret(): string {
  return randomBytes(32).toString("base64url");
}
