import type { ApiKeyRole } from "@real-skills/shared";
import { Field, ID, ObjectType } from "type-graphql";
import { Column, Entity, PrimaryGeneratedColumn } from "typeorm";
import { ApiKeyRoleEnum } from "./auth.enums.js";

@ObjectType({
  description: "An API key for server-to-server calls. The secret is shown once, at creation.",
})
@Entity({ name: "api_key" })
export class ApiKey {
  @Field(() => ID, { description: "Stable identifier." })
  @PrimaryGeneratedColumn("uuid")
  id: string;

  @Column({ name: "organization_id", type: "uuid" })
  organizationId: string;

  @Field({ description: "What the key is for, as its creator named it." })
  @Column({ type: "text" })
  name: string;

  @Field(() => ApiKeyRoleEnum, { description: "What the key may do." })
  @Column({ type: "text" })
  role: ApiKeyRole;

  @Field({ description: "The first characters of the key, to recognise it in lists." })
  @Column({ type: "text" })
  prefix: string;

  /** SHA-256 of the key; the key itself is never stored. */
  @Column({ name: "secret_hash", type: "text" })
  secretHash: string;

  @Field({ description: "When the key was created." })
  @Column({ name: "created_at", type: "timestamptz", insert: false, update: false })
  createdAt: Date;

  @Field(() => Date, { nullable: true, description: "When the key was last used (to the minute)." })
  @Column({ name: "last_used_at", type: "timestamptz", nullable: true })
  lastUsedAt: Date | null;

  @Field(() => Date, {
    nullable: true,
    description: "When the key was revoked; null while active.",
  })
  @Column({ name: "revoked_at", type: "timestamptz", nullable: true })
  revokedAt: Date | null;
}
