import { createHmac, randomUUID } from "node:crypto";
import type { EmbedKey } from "./embed-token.js";
import { operationBody, type HostileRequest } from "./abuse-request.js";
import { INTRANET_ORIGIN } from "./reliability.js";

const VIEWER_BODY = operationBody("{ viewer { kind role subject team department } }");

function base64url(value: unknown): string {
  return Buffer.from(typeof value === "string" ? value : JSON.stringify(value)).toString(
    "base64url",
  );
}

/**
 * A token signed with an HMAC as an organisation's backend would, but with any header and claims
 * (a JWT library refuses to sign most of these): valid ones for ten minutes unless `claims` say
 * otherwise, with the organisation's key unless `secret` is another.
 */
function signed(
  embedKey: EmbedKey,
  claims: Record<string, unknown>,
  header: Record<string, unknown> = {},
  { secret = Buffer.from(embedKey.secret, "base64url"), hash = "sha256" } = {},
): string {
  const now = Math.floor(Date.now() / 1000);
  const content = [
    base64url({ alg: "HS256", kid: embedKey.kid, ...header }),
    base64url({ sub: "abuse-forger", aud: "real-skills", iat: now, exp: now + 600, ...claims }),
  ].join(".");
  return `${content}.${createHmac(hash, secret).update(content).digest("base64url")}`;
}

/** A token whose parts are whatever we say, unsigned or signed with nothing. */
function unsigned(header: unknown, claims: unknown, signature = ""): string {
  return `${base64url(header)}.${base64url(claims)}.${signature}`;
}

/**
 * Hostile credentials (transport category): malformed and oversized Authorization headers, API
 * keys made of SQL, embed tokens forged (algorithm `none`, another key, a `kid` of SQL) or with
 * claims out of bounds, pages of origins no one allows, and other headers the API reads.
 */
export function credentialCorpus(embedKey: EmbedKey): HostileRequest[] {
  const now = Math.floor(Date.now() / 1000);
  const claims = { sub: "abuse-forger", aud: "real-skills", iat: now, exp: now + 600 };
  const authorizations: [string, string][] = [
    ["an empty Bearer", "Bearer"],
    ["Bearer and a space", "Bearer "],
    ["two spaces after Bearer", "Bearer  rsk_x"],
    ["a tab after Bearer", "Bearer\trsk_x"],
    ["Basic credentials", `Basic ${base64url("admin:admin")}`],
    ["two credentials", "Bearer rsk_a, Bearer rsk_b"],
    ["an API key of SQL with spaces", "Bearer rsk_' OR 1=1 --"],
    ["an API key of SQL without spaces", "Bearer rsk_'OR'1'='1'--"],
    ["an API key of a script", "Bearer rsk_<script>alert(1)</script>"],
    ["an API key of 4 000 characters", `Bearer rsk_${"a".repeat(4_000)}`],
    ["a credential of 15 000 characters", `Bearer ${"a".repeat(15_000)}`],
    ["a credential that is not ASCII", "Bearer rsk_\u00e9\u00e8"],
    ["a JWT of three empty parts", "Bearer .."],
    ["a JWT of garbage", "Bearer a.b.c"],
    ["a JWT of five parts", "Bearer a.b.c.d.e"],
    ["a JWT whose header is not JSON", `Bearer ${base64url("{nope")}.${base64url(claims)}.x`],
    [
      "a JWT whose claims are a list",
      `Bearer ${unsigned({ alg: "HS256", kid: embedKey.kid }, [1, 2])}x`,
    ],
    ["a JWT with algorithm none", `Bearer ${unsigned({ alg: "none", kid: embedKey.kid }, claims)}`],
    ["a JWT with algorithm NONE", `Bearer ${unsigned({ alg: "NONE", kid: embedKey.kid }, claims)}`],
    ["a JWT without a kid", `Bearer ${unsigned({ alg: "HS256" }, claims, "x")}`],
  ];
  const forged: [string, string][] = [
    [
      "a token signed with another secret",
      signed(embedKey, {}, {}, { secret: Buffer.alloc(32, 7) }),
    ],
    ["a token signed with an empty secret", signed(embedKey, {}, {}, { secret: Buffer.alloc(0) })],
    ["a token with a kid of SQL", signed(embedKey, {}, { kid: "' OR 1=1 --" })],
    ["a token with a kid of a path", signed(embedKey, {}, { kid: "../../../../etc/passwd" })],
    ["a token with a kid of 3 000 characters", signed(embedKey, {}, { kid: "k".repeat(3_000) })],
    ["a token with a kid that is a number", signed(embedKey, {}, { kid: 1 })],
    ["a token claiming RS256 signed with HMAC", signed(embedKey, {}, { alg: "RS256" })],
    [
      "a token signed HS512 with the right secret",
      signed(embedKey, {}, { alg: "HS512" }, { hash: "sha512" }),
    ],
    ["a token with a critical header", signed(embedKey, {}, { crit: ["exp"], exp: 1 })],
    ["an expired token", signed(embedKey, { iat: now - 7_200, exp: now - 3_600 })],
    ["a token valid for ten years", signed(embedKey, { exp: now + 315_360_000 })],
    ["a token from the future", signed(embedKey, { iat: now + 3_600, exp: now + 4_000 })],
    ["a token not valid before next hour", signed(embedKey, { nbf: now + 3_600 })],
    ["a token for another audience", signed(embedKey, { aud: "someone-else" })],
    ["a token without exp", signed(embedKey, { exp: undefined })],
    ["a token without sub", signed(embedKey, { sub: undefined })],
    ["a token with an empty sub", signed(embedKey, { sub: "" })],
    ["a token with a sub of 201 characters", signed(embedKey, { sub: "s".repeat(201) })],
    ["a token with a sub that is an object", signed(embedKey, { sub: { id: 1 } })],
    ["a token with a team that is a list", signed(embedKey, { team: ["a", "b"] })],
    [
      "a token with a department of 201 characters",
      signed(embedKey, { department: "d".repeat(201) }),
    ],
    ["a token with role admin", signed(embedKey, { role: "admin" })],
    ["a token with role ANALYST", signed(embedKey, { role: "ANALYST" })],
    ["a token with a locale of SQL", signed(embedKey, { locale: "en'; DROP TABLE skill; --" })],
    [
      "a token with a __proto__ claim",
      signed(embedKey, JSON.parse('{"__proto__":{"role":"analyst"}}') as Record<string, unknown>),
    ],
  ];
  const requests: HostileRequest[] = authorizations.map(([name, authorization]) => ({
    category: "transport",
    name: `Authorization: ${name}`,
    caller: "anonymous",
    headers: { authorization, origin: INTRANET_ORIGIN },
    body: VIEWER_BODY,
  }));
  for (const [name, token] of forged) {
    requests.push({
      category: "transport",
      name: `Authorization: ${name}`,
      caller: "anonymous",
      headers: { authorization: `Bearer ${token}`, origin: INTRANET_ORIGIN },
      body: VIEWER_BODY,
    });
  }
  const employee = (name: string, headers: Record<string, string>) =>
    requests.push({ category: "transport", name, caller: "employee", headers, body: VIEWER_BODY });
  employee("an Authorization of 20 000 characters", {
    authorization: `Bearer ${"a".repeat(20_000)}`,
  });
  employee("an employee's token from an origin not allowed", { origin: "https://evil.example" });
  employee("an employee's token from origin null", { origin: "null" });
  employee("an employee's token from an origin of 8 000 characters", {
    origin: `https://${"a".repeat(8_000)}.example`,
  });
  employee("an employee's token from a javascript: origin", { origin: "javascript:alert(1)" });
  employee("an Accept-Language of 8 000 characters", {
    "accept-language": `de;q=0.${"9".repeat(8_000)}`,
  });
  employee("an Accept-Language of SQL", { "accept-language": "' OR 1=1 --, *;q=abc" });
  employee("an X-Request-Id of a script", { "x-request-id": "<script>alert(1)</script>" });
  employee("an X-Request-Id of 10 000 characters", { "x-request-id": "r".repeat(10_000) });
  employee("a forged X-Forwarded-For", {
    "x-forwarded-for": `' OR 1=1 --, ${randomUUID()}, 127.0.0.1`,
  });
  employee("a cookie of 12 000 characters", { cookie: `session=${"c".repeat(12_000)}` });
  employee(
    "400 extra headers",
    Object.fromEntries(Array.from({ length: 400 }, (_, i) => [`x-abuse-${i}`, "v"])),
  );
  return requests;
}
