import { ArgsType, Field, ID, InputType, ObjectType } from "type-graphql";
import { ConnectionArgs } from "../../common/connection.js";
import { WebhookEndpoint } from "./webhook-endpoint.entity.js";
import {
  WebhookDeliveryStatusEnum,
  WebhookEventTypeEnum,
  type WebhookDeliveryStatus,
  type WebhookEventType,
} from "./webhook.enums.js";

@InputType({ description: "A new webhook endpoint." })
export class CreateWebhookEndpointInput {
  @Field({
    description:
      "Where to POST the events: an `https://` URL without user name or password, e.g. `https://hr.example.com/hooks/real-skills`.",
  })
  url: string;

  @Field(() => [WebhookEventTypeEnum], { description: "The events to send, at least one." })
  events: WebhookEventType[];

  @Field(() => String, {
    nullable: true,
    description: "What the endpoint is for, up to 200 characters.",
  })
  description?: string | null;
}

@ObjectType({
  description: "A new webhook endpoint with its signing secret, which is shown this once.",
})
export class CreatedWebhookEndpoint {
  @Field(() => WebhookEndpoint, { description: "The endpoint, as `webhookEndpoints` lists it." })
  endpoint: WebhookEndpoint;

  @Field({
    description:
      "The signing secret (`whsec_…`): verify `X-RealSkills-Signature` with it. Store it now.",
  })
  secret: string;
}

@ArgsType()
export class WebhookDeliveriesArgs extends ConnectionArgs {
  @Field(() => ID, { nullable: true, description: "Only deliveries to this endpoint." })
  endpointId?: string | null;

  @Field(() => WebhookDeliveryStatusEnum, {
    nullable: true,
    description: "Only deliveries with this status.",
  })
  status?: WebhookDeliveryStatus | null;
}
