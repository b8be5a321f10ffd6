import { Field, ID, ObjectType } from "type-graphql";
import { Column, Entity, PrimaryGeneratedColumn } from "typeorm";
import {
  WebhookEventTypeEnum,
  WebhookFormatEnum,
  type WebhookEventType,
  type WebhookFormat,
} from "./webhook.enums.js";

@ObjectType({
  description:
    "A URL of yours that receives event notifications: signed Real Skills events, or xAPI statements for a Learning Record Store. Its signing secret is shown once, at creation; an LRS's authorization is never shown again.",
})
@Entity({ name: "webhook_endpoint" })
export class WebhookEndpoint {
  @Field(() => ID, { description: "Stable identifier." })
  @PrimaryGeneratedColumn("uuid")
  id: string;

  @Column({ name: "organization_id", type: "uuid" })
  organizationId: string;

  @Field(() => WebhookFormatEnum, {
    description: "How deliveries are shaped: Real Skills events, or xAPI statements.",
  })
  @Column({ type: "text" })
  format: WebhookFormat;

  @Field({
    description:
      "Where the events are POSTed (`https://` only); for XAPI, the LRS's base URL, to which `/statements` is added.",
  })
  @Column({ type: "text" })
  url: string;

  /** Signs every delivery (HMAC-SHA256), so it is stored as is; never returned after creation. */
  @Column({ type: "text" })
  secret: string;

  /**
   * The `Authorization` header an XAPI endpoint's LRS expects (null for REAL_SKILLS). A credential
   * like the secret: write-only, never selected unless asked for, never returned or audited.
   */
  @Column({ name: "authorization_header", type: "text", nullable: true, select: false })
  authorization: string | null;

  @Field(() => String, { nullable: true, description: "What the endpoint is for." })
  @Column({ type: "text", nullable: true })
  description: string | null;

  @Field(() => [WebhookEventTypeEnum], { description: "The events sent to this endpoint." })
  @Column({ type: "text", array: true })
  events: WebhookEventType[];

  @Field({ description: "When the endpoint was created." })
  @Column({ name: "created_at", type: "timestamptz", insert: false, update: false })
  createdAt: Date;

  @Field(() => Date, {
    nullable: true,
    description: "When the endpoint was disabled; null while it receives events.",
  })
  @Column({ name: "disabled_at", type: "timestamptz", nullable: true })
  disabledAt: Date | null;
}
