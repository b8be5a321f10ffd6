import { Field, ID, ObjectType } from "type-graphql";
import { Column, Entity, PrimaryGeneratedColumn } from "typeorm";
import { WebhookEventTypeEnum, type WebhookEventType } from "./webhook.enums.js";

@ObjectType({
  description:
    "A URL of yours that receives signed event notifications. Its signing secret is shown once, at creation.",
})
@Entity({ name: "webhook_endpoint" })
export class WebhookEndpoint {
  @Field(() => ID, { description: "Stable identifier." })
  @PrimaryGeneratedColumn("uuid")
  id: string;

  @Column({ name: "organization_id", type: "uuid" })
  organizationId: string;

  @Field({ description: "Where the events are POSTed (`https://` only)." })
  @Column({ type: "text" })
  url: string;

  /** Signs every delivery (HMAC-SHA256), so it is stored as is; never returned after creation. */
  @Column({ type: "text" })
  secret: string;

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
