import { SignJWT } from "jose";

/** An organisation's HS256 embed key, as `realskills org create --json` prints it. */
export interface EmbedKey {
  kid: string;
  secret: string;
}

/** The claims an intranet puts into an embed token besides the fixed ones. */
export interface EmbedClaims {
  sub: string;
  team?: string;
  department?: string;
  locale?: string;
  role?: "employee" | "analyst";
}

/**
 * Signs an embed token with an organisation's HS256 key, as a customer's backend would: issued
 * at `issuedAt` (now, unless an API with a shifted clock is to accept it) and valid 15 minutes.
 */
export function mintEmbedToken(
  embedKey: EmbedKey,
  { sub, ...claims }: EmbedClaims,
  issuedAt: Date = new Date(),
): Promise<string> {
  const present = Object.fromEntries(Object.entries(claims).filter(([, value]) => value));
  const iat = Math.floor(issuedAt.getTime() / 1000);
  return new SignJWT(present)
    .setProtectedHeader({ alg: "HS256", kid: embedKey.kid })
    .setSubject(sub)
    .setAudience("real-skills")
    .setIssuedAt(iat)
    .setExpirationTime(iat + 15 * 60)
    .sign(Buffer.from(embedKey.secret, "base64url"));
}
