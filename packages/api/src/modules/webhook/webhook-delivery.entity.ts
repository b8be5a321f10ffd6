import { GraphQLJSONObject } from "graphql-scalars";
import { Field, ID, Int, ObjectType } from "type-graphql";
import { Column, Entity, PrimaryGeneratedColumn } from "typeorm";
import {
  WebhookDeliveryStatusEnum,
  WebhookEventTypeEnum,
  type WebhookDeliveryStatus,
  type WebhookEventType,
} from "./webhook.enums.js";

@ObjectType({
  description:
    "One event for one endpoint, and how sending it went. Its `id` is the `X-RealSkills-Delivery` header.",
})
@Entity({ name: "webhook_delivery" })
export class WebhookDelivery {
  @Field(() => ID, {
    description: "Stable identifier; also the event's `id` and the `X-RealSkills-Delivery` header.",
  })
  @PrimaryGeneratedColumn("uuid")
  id: string;

  @Column({ name: "organization_id", type: "uuid" })
  organizationId: string;

  @Field(() => ID, { description: "The endpoint this delivery goes to." })
  @Column({ name: "endpoint_id", type: "uuid" })
  endpointId: string;

  @Field(() => WebhookEventTypeEnum, { description: "What happened." })
  @Column({ name: "event_type", type: "text" })
  eventType: WebhookEventType;

  @Field(() => GraphQLJSONObject, {
    description:
      "The event: for REAL_SKILLS endpoints the JSON body exactly as sent; for XAPI endpoints the event the statement was built from.",
  })
  @Column({ type: "jsonb" })
  payload: Record<string, unknown>;

  @Field(() => WebhookDeliveryStatusEnum, { description: "Where the delivery stands." })
  @Column({ type: "text" })
  status: WebhookDeliveryStatus;

  @Field(() => Int, { description: "How many times sending was tried so far." })
  @Column({ type: "integer" })
  attempts: number;

  @Field({ description: "When the next try is due (for PENDING deliveries)." })
  @Column({ name: "next_attempt_at", type: "timestamptz" })
  nextAttemptAt: Date;

  /** Until when a worker holds the delivery; after that another worker may send it again. */
  @Column({ name: "locked_until", type: "timestamptz", nullable: true })
  lockedUntil: Date | null;

  @Field(() => Int, {
    nullable: true,
    description: "The HTTP status of the last try; null when no response came.",
  })
  @Column({ name: "last_status_code", type: "integer", nullable: true })
  lastStatusCode: number | null;

  @Field(() => String, {
    nullable: true,
    description: "Why the last try failed (status, timeout, connection error); null on success.",
  })
  @Column({ name: "last_error", type: "text", nullable: true })
  lastError: string | null;

  @Field({ description: "When the event happened and the delivery was queued." })
  @Column({ name: "created_at", type: "timestamptz" })
  createdAt: Date;

  @Field(() => Date, { nullable: true, description: "When the endpoint accepted it." })
  @Column({ name: "delivered_at", type: "timestamptz", nullable: true })
  deliveredAt: Date | null;
}
