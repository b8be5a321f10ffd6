import { API_KEY_ROLES, type ApiKeyRole } from "@real-skills/shared";
import { registerEnumType } from "type-graphql";
import { asEnum } from "../common/enum.js";

export const EMBED_KEY_ALGORITHMS = ["HS256", "ES256", "RS256"] as const;
export type EmbedKeyAlgorithm = (typeof EMBED_KEY_ALGORITHMS)[number];

export const ApiKeyRoleEnum = asEnum<ApiKeyRole>(API_KEY_ROLES);
export const EmbedKeyAlgorithmEnum = asEnum(EMBED_KEY_ALGORITHMS);
export const PrincipalKindEnum = asEnum(["ANONYMOUS", "API_KEY", "EMBED_TOKEN"] as const);
export const PrincipalRoleEnum = asEnum(["ADMIN", "ANALYST", "EMPLOYEE"] as const);

registerEnumType(ApiKeyRoleEnum, {
  name: "ApiKeyRole",
  description: "What an API key may do.",
  valuesConfig: {
    ADMIN: { description: "Everything: settings, keys, authoring, reports." },
    ANALYST: { description: "Read aggregate reports." },
  },
});

registerEnumType(EmbedKeyAlgorithmEnum, {
  name: "EmbedKeyAlgorithm",
  description: "Signature algorithm of an embed key.",
  valuesConfig: {
    HS256: { description: "HMAC with SHA-256 over a secret we issue." },
    ES256: { description: "ECDSA P-256 with SHA-256; the organisation registers its public key." },
    RS256: {
      description: "RSA PKCS#1 v1.5 with SHA-256; the organisation registers its public key.",
    },
  },
});

registerEnumType(PrincipalKindEnum, {
  name: "PrincipalKind",
  description: "How the caller authenticated.",
  valuesConfig: {
    ANONYMOUS: { description: "No credentials: only the public library is readable." },
    API_KEY: { description: "An organisation's API key (server to server)." },
    EMBED_TOKEN: { description: "An embed token minted by the organisation's backend (browser)." },
  },
});

registerEnumType(PrincipalRoleEnum, {
  name: "PrincipalRole",
  description: "What the caller may do.",
  valuesConfig: {
    ADMIN: { description: "Administer the organisation." },
    ANALYST: { description: "Read aggregate reports." },
    EMPLOYEE: { description: "Take assessments and see their own results." },
  },
});
