import { GraphQLJSONObject } from "graphql-scalars";
import { Field, ID, ObjectType } from "type-graphql";
import { Column, Entity, PrimaryGeneratedColumn } from "typeorm";
import { PrincipalKindEnum } from "../../auth/auth.enums.js";
import { AUDIT_ACTIONS } from "./audit.actions.js";

@ObjectType({
  description:
    "One change made through the admin API: who did what to which object, and when. Never holds secrets.",
})
@Entity({ name: "audit_log" })
export class AuditEntry {
  @Field(() => ID, { description: "Stable identifier." })
  @PrimaryGeneratedColumn("uuid")
  id: string;

  @Column({ name: "organization_id", type: "uuid" })
  organizationId: string;

  @Field(() => PrincipalKindEnum, { description: "How the actor authenticated." })
  @Column({ name: "actor_kind", type: "text" })
  actorKind: keyof typeof PrincipalKindEnum;

  @Field({
    description:
      "Who acted: `key:<API key id>` for an API key, `sub:<organisation>:<subject>` for a token.",
  })
  @Column({ name: "actor_id", type: "text" })
  actorId: string;

  @Field({
    description: `What was done, \`<target type>.<verb>\`: ${AUDIT_ACTIONS.map((a) => `\`${a}\``).join(", ")}.`,
  })
  @Column({ type: "text" })
  action: string;

  @Field({
    description:
      "The kind of object changed: `assessment`, `organization`, `api_key`, `embed_key`, `webhook_endpoint` or `subject` (an employee's data, exported or erased).",
  })
  @Column({ name: "target_type", type: "text" })
  targetType: string;

  @Field({
    description:
      "The object changed: an assessment's, the organisation's, an API key's or a webhook endpoint's id, an embed key's `kid`, or for a subject the hex SHA-256 of `<organisation id>:<subject>` (never the subject itself).",
  })
  @Column({ name: "target_id", type: "text" })
  targetId: string;

  @Field(() => GraphQLJSONObject, {
    description: "What changed, as far as it is not secret (e.g. the new version number).",
  })
  @Column({ type: "jsonb" })
  details: Record<string, unknown>;

  @Field({ description: "When the change was made." })
  @Column({ name: "created_at", type: "timestamptz" })
  createdAt: Date;
}
