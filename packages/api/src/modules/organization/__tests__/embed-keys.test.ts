import { EMBED_TOKEN_AUDIENCE } from "@real-skills/shared";
import { exportSPKI, generateKeyPair, SignJWT, type CryptoKey } from "jose";
import { EmbedTokenVerifier } from "../../../auth/embed-token.verifier.js";
import { mintEmbedToken } from "../../../auth/token-minter.js";
import { createTestApp, type TestApp } from "../../../test-support/harness.js";
import type { CreatedOrganization } from "../organization.service.js";

let app: TestApp;
let org: CreatedOrganization;
let other: CreatedOrganization;

beforeAll(async () => {
  app = await createTestApp({ importContent: false });
  org = await app.createOrganization();
  other = await app.createOrganization();
});

afterAll(async () => {
  await app.close();
});

const CREATE = `mutation($input: CreateEmbedKeyInput!) {
  createEmbedKey(input: $input) { secret embedKey { kid algorithm publicKey expiresAt revokedAt } }
}`;
const ROTATE = `mutation($input: RotateEmbedKeyInput!) {
  rotateEmbedKey(input: $input) { secret embedKey { kid algorithm } previous { kid expiresAt } }
}`;
const REVOKE = `mutation($kid: String!) { revokeEmbedKey(kid: $kid) { kid revokedAt } }`;
const VIEWER = `{ viewer { kind subject } }`;

interface KeyResult {
  secret: string | null;
  embedKey: { kid: string; algorithm: string; publicKey: string | null };
  previous?: { kid: string; expiresAt: string | null };
}

async function mutate(query: string, variables: Record<string, unknown>, token = org.apiKey) {
  const { body } = await app.http<Record<string, KeyResult>>(query, variables, { token });
  return body;
}

async function created(query: string, variables: Record<string, unknown>): Promise<KeyResult> {
  const body = await mutate(query, variables);
  expect(body.errors).toBeUndefined();
  const [result] = Object.values(body.data ?? {});
  if (!result) throw new Error("no result");
  return result;
}

const hsToken = (kid: string, secret: string) =>
  mintEmbedToken({ kid, secret }, { sub: "employee-7" }, 600);

async function signedWith(key: CryptoKey, alg: "ES256" | "RS256", kid: string): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT({})
    .setProtectedHeader({ alg, kid })
    .setSubject("employee-7")
    .setAudience(EMBED_TOKEN_AUDIENCE)
    .setIssuedAt(now)
    .setExpirationTime(now + 600)
    .sign(key);
}

async function accepted(token: string): Promise<boolean> {
  const { body } = await app.http(VIEWER, {}, { token });
  return body.errors === undefined;
}

describe("HS256 embed keys", () => {
  it("creates a key with a secret shown once that signs working tokens", async () => {
    const key = await created(CREATE, { input: { algorithm: "HS256" } });
    expect(key.embedKey).toMatchObject({ algorithm: "HS256", publicKey: null });
    expect(key.secret).toMatch(/^[\w-]{43}$/);
    expect(await accepted(await hsToken(key.embedKey.kid, key.secret ?? ""))).toBe(true);

    const list = await app.http<{ embedKeys: { kid: string }[] }>(
      `{ embedKeys { kid algorithm createdAt expiresAt revokedAt } }`,
      {},
      { token: org.apiKey },
    );
    expect(list.body.data?.embedKeys.map((k) => k.kid)).toEqual([
      key.embedKey.kid,
      org.embedKey.kid,
    ]);
    expect(JSON.stringify(list.body)).not.toContain(key.secret);
  });

  it("rotates: old and new keys both verify during the overlap; revoking the old one ends it", async () => {
    const oldToken = await app.mintToken(org);
    const before = Date.now();
    const rotated = await created(ROTATE, { input: { kid: org.embedKey.kid, overlapHours: 2 } });
    expect(rotated.embedKey.algorithm).toBe("HS256");
    expect(rotated.embedKey.kid).not.toBe(org.embedKey.kid);
    expect(rotated.previous?.kid).toBe(org.embedKey.kid);
    const expiresAt = Date.parse(rotated.previous?.expiresAt ?? "");
    expect(expiresAt - before).toBeGreaterThan(2 * 3600_000 - 60_000);
    expect(expiresAt - before).toBeLessThan(2 * 3600_000 + 60_000);

    const newToken = await hsToken(rotated.embedKey.kid, rotated.secret ?? "");
    expect(await accepted(oldToken)).toBe(true);
    expect(await accepted(newToken)).toBe(true);

    // After the overlap the old key is gone: its tokens fail like a bad signature.
    const verifier = new EmbedTokenVerifier(app.database.dataSource);
    const afterOverlap = new Date(expiresAt + 1000);
    await expect(verifier.verify(oldToken, afterOverlap)).rejects.toMatchObject({
      reason: "INVALID_SIGNATURE",
    });
    // (The new key is still there; only the token's own lifetime is over by then.)
    await expect(verifier.verify(newToken, afterOverlap)).rejects.toMatchObject({
      reason: "TOKEN_EXPIRED",
    });

    const revoked = await mutate(REVOKE, { kid: org.embedKey.kid });
    expect(revoked.errors).toBeUndefined();
    const refused = await app.http(VIEWER, {}, { token: oldToken });
    expect(refused.body.errors?.[0]?.extensions).toMatchObject({
      code: "UNAUTHENTICATED",
      reason: "INVALID_SIGNATURE",
    });
    expect(await accepted(newToken)).toBe(true);
  });

  it("refuses to rotate a revoked key, and overlaps outside 1–168 hours", async () => {
    const revoked = await mutate(ROTATE, { input: { kid: org.embedKey.kid } });
    expect(revoked.errors?.[0]?.extensions).toMatchObject({
      code: "BAD_USER_INPUT",
      problems: [{ path: "input.kid", message: expect.stringContaining("revoked") }],
    });
    const fresh = await created(CREATE, { input: { algorithm: "HS256" } });
    for (const overlapHours of [0, 169]) {
      const body = await mutate(ROTATE, { input: { kid: fresh.embedKey.kid, overlapHours } });
      expect(body.errors?.[0]?.extensions).toMatchObject({
        code: "BAD_USER_INPUT",
        problems: [{ path: "input.overlapHours", message: "must be 1–168" }],
      });
    }
  });

  it("refuses a public key for HS256", async () => {
    const body = await mutate(CREATE, { input: { algorithm: "HS256", publicKey: "x" } });
    expect(body.errors?.[0]?.extensions?.problems).toEqual([
      { path: "input.publicKey", message: expect.stringContaining("left out for HS256") },
    ]);
  });
});

describe("public-key embed keys", () => {
  it.each(["ES256", "RS256"] as const)(
    "registers an %s public key that verifies tokens",
    async (alg) => {
      const pair = await generateKeyPair(alg);
      const publicKey = await exportSPKI(pair.publicKey);
      const key = await created(CREATE, { input: { algorithm: alg, publicKey } });
      expect(key.secret).toBeNull();
      expect(key.embedKey.publicKey).toBe(publicKey.trim());
      expect(await accepted(await signedWith(pair.privateKey, alg, key.embedKey.kid))).toBe(true);

      // Rotation needs the new public key.
      const missing = await mutate(ROTATE, { input: { kid: key.embedKey.kid } });
      expect(missing.errors?.[0]?.extensions?.problems).toEqual([
        { path: "input.publicKey", message: `is required for ${alg}` },
      ]);
      const next = await generateKeyPair(alg);
      const rotated = await created(ROTATE, {
        input: { kid: key.embedKey.kid, publicKey: await exportSPKI(next.publicKey) },
      });
      expect(rotated.secret).toBeNull();
      expect(await accepted(await signedWith(next.privateKey, alg, rotated.embedKey.kid))).toBe(
        true,
      );
      expect(await accepted(await signedWith(pair.privateKey, alg, key.embedKey.kid))).toBe(true);
    },
  );

  it("rejects a missing, malformed or mismatched public key with its path", async () => {
    const ecKey = await exportSPKI((await generateKeyPair("ES256")).publicKey);
    const cases = [
      [{ algorithm: "ES256" }, "is required for ES256"],
      [{ algorithm: "ES256", publicKey: "hello" }, expect.stringContaining("PEM")],
      [
        {
          algorithm: "ES256",
          publicKey: "-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----",
        },
        "is not a valid ES256 public key",
      ],
      [{ algorithm: "RS256", publicKey: ecKey }, "is not a valid RS256 public key"],
    ] as const;
    for (const [input, message] of cases) {
      const body = await mutate(CREATE, { input });
      expect(body.errors?.[0]?.extensions).toMatchObject({
        code: "BAD_USER_INPUT",
        problems: [{ path: "input.publicKey", message }],
      });
    }
  });
});

describe("another organisation's embed keys", () => {
  it("behave exactly like unknown ones", async () => {
    const theirs = other.embedKey.kid;
    for (const [query, variables] of [
      [REVOKE, { kid: theirs }],
      [ROTATE, { input: { kid: theirs } }],
      [REVOKE, { kid: "ek_unknown" }],
    ] as const) {
      const body = await mutate(query, variables);
      expect(body).toEqual({
        data: null,
        errors: [
          expect.objectContaining({
            message: "Your organisation has no embed key with this kid.",
            extensions: { code: "NOT_FOUND" },
          }),
        ],
      });
    }
    expect(await accepted(await app.mintToken(other))).toBe(true);
  });

  it("are forbidden to embed tokens, even analyst ones", async () => {
    const analyst = await app.mintToken(other, { role: "analyst" });
    for (const query of [`{ embedKeys { kid } }`, REVOKE]) {
      const { body } = await app.http(query, { kid: other.embedKey.kid }, { token: analyst });
      expect(body.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    }
  });
});
