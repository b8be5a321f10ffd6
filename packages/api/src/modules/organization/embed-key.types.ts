import { Field, InputType, Int, ObjectType } from "type-graphql";
import { EmbedKeyAlgorithmEnum, type EmbedKeyAlgorithm } from "../../auth/auth.enums.js";
import { EmbedKey } from "../../auth/embed-key.entity.js";
import { OVERLAP_HOURS } from "./embed-key.service.js";

@InputType({ description: "A new embed key." })
export class CreateEmbedKeyInput {
  @Field(() => EmbedKeyAlgorithmEnum, { description: "The algorithm tokens signed with it use." })
  algorithm: EmbedKeyAlgorithm;

  @Field(() => String, {
    nullable: true,
    description:
      "ES256 and RS256 only, required: your public key, PEM-encoded SPKI (`-----BEGIN PUBLIC KEY-----`). Leave out for HS256.",
  })
  publicKey?: string | null;
}

@InputType({ description: "Replaces an embed key by a new one of the same algorithm." })
export class RotateEmbedKeyInput {
  @Field({ description: "The key to replace." })
  kid: string;

  @Field(() => Int, {
    defaultValue: OVERLAP_HOURS.default,
    description: `How long the old key keeps verifying tokens, in hours (${OVERLAP_HOURS.min}–${OVERLAP_HOURS.max}).`,
  })
  overlapHours: number;

  @Field(() => String, {
    nullable: true,
    description:
      "ES256 and RS256 only, required: the new public key (PEM, SPKI). Leave out for HS256.",
  })
  publicKey?: string | null;
}

@ObjectType({ description: "A new embed key; for HS256 with its secret, shown this once." })
export class CreatedEmbedKey {
  @Field(() => EmbedKey, { description: "The key's record; put its `kid` in every token header." })
  embedKey: EmbedKey;

  @Field(() => String, {
    nullable: true,
    description:
      "HS256 only: the shared secret (base64url) to sign tokens with. Store it now; null otherwise.",
  })
  secret: string | null;
}

@ObjectType({
  description: "The result of a rotation: the new key, and the old one with its expiry.",
})
export class RotatedEmbedKey extends CreatedEmbedKey {
  @Field(() => EmbedKey, {
    description: "The replaced key; it verifies tokens until its `expiresAt`.",
  })
  previous: EmbedKey;
}
