import { createPublicKey } from "node:crypto";
import { importSPKI } from "jose";
import type { EmbedKeyAlgorithm } from "../../auth/auth.enums.js";

const MAX_PEM_LENGTH = 10_000;
const MIN_RSA_BITS = 2048;

/**
 * Checks a public key an organisation registers for ES256 or RS256 tokens: a PEM `PUBLIC KEY`
 * (SPKI) that `jose` accepts for exactly that algorithm, so the verifier can always use it.
 * Returns the trimmed PEM, or why it is unusable.
 */
export async function checkPublicKey(
  pem: string,
  algorithm: Exclude<EmbedKeyAlgorithm, "HS256">,
): Promise<{ pem: string } | { problem: string }> {
  const trimmed = pem.trim();
  if (trimmed.length > MAX_PEM_LENGTH) {
    return { problem: `must be at most ${MAX_PEM_LENGTH} characters` };
  }
  if (!trimmed.startsWith("-----BEGIN PUBLIC KEY-----")) {
    return { problem: "must be a PEM-encoded SPKI public key (-----BEGIN PUBLIC KEY-----)" };
  }
  try {
    await importSPKI(trimmed, algorithm);
  } catch {
    return { problem: `is not a valid ${algorithm} public key` };
  }
  if (algorithm === "RS256") {
    const bits = createPublicKey(trimmed).asymmetricKeyDetails?.modulusLength ?? 0;
    if (bits < MIN_RSA_BITS)
      return { problem: `must be an RSA key of at least ${MIN_RSA_BITS} bits` };
  }
  return { pem: trimmed };
}
