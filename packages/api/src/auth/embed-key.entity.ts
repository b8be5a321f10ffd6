import { Field, ObjectType } from "type-graphql";
import { Column, Entity, PrimaryGeneratedColumn } from "typeorm";
import { EmbedKeyAlgorithmEnum, type EmbedKeyAlgorithm } from "./auth.enums.js";

@ObjectType({
  description:
    "A key that signs embed tokens. Its `kid` goes into each token's header and selects the key.",
})
@Entity({ name: "embed_key" })
export class EmbedKey {
  @PrimaryGeneratedColumn("uuid")
  id: string;

  @Column({ name: "organization_id", type: "uuid" })
  organizationId: string;

  @Field({ description: "Key id: put it in the `kid` header of every token signed with this key." })
  @Column({ type: "text", unique: true })
  kid: string;

  @Field(() => EmbedKeyAlgorithmEnum, { description: "The only algorithm accepted for this key." })
  @Column({ type: "text" })
  algorithm: EmbedKeyAlgorithm;

  /** The HS256 shared secret (base64url); null for public-key algorithms. */
  @Column({ type: "text", nullable: true })
  secret: string | null;

  @Field(() => String, {
    nullable: true,
    description: "The registered public key (PEM, SPKI) for ES256 and RS256; null for HS256.",
  })
  @Column({ name: "public_key", type: "text", nullable: true })
  publicKey: string | null;

  @Field({ description: "When the key was created." })
  @Column({ name: "created_at", type: "timestamptz", insert: false, update: false })
  createdAt: Date;

  @Field(() => Date, {
    nullable: true,
    description: "After this moment tokens signed with the key are refused (set by a rotation).",
  })
  @Column({ name: "expires_at", type: "timestamptz", nullable: true })
  expiresAt: Date | null;

  @Field(() => Date, {
    nullable: true,
    description: "When the key was revoked; null while active.",
  })
  @Column({ name: "revoked_at", type: "timestamptz", nullable: true })
  revokedAt: Date | null;
}
