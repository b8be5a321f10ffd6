import { ArgsType, Field, ID, InputType, ObjectType } from "type-graphql";
import { ConnectionArgs } from "../../common/connection.js";
import { WebhookEndpoint } from "./webhook-endpoint.entity.js";
import {
  WebhookDeliveryStatusEnum,
  WebhookEventTypeEnum,
  WebhookFormatEnum,
  type WebhookDeliveryStatus,
  type WebhookEventType,
  type WebhookFormat,
} from "./webhook.enums.js";

@InputType({ description: "A new webhook endpoint." })
export class CreateWebhookEndpointInput {
  @Field({
    description:
      "Where to POST the events: an `https://` URL without user name or password, e.g. `https://hr.example.com/hooks/real-skills`. For XAPI, the LRS's base URL, e.g. `https://lrs.example.com/xapi`: statements go to `<url>/statements`.",
  })
  url: string;

  @Field(() => [WebhookEventTypeEnum], {
    description: "The events to send, at least one. XAPI endpoints take `ATTEMPT_COMPLETED` only.",
  })
  events: WebhookEventType[];

  @Field(() => WebhookFormatEnum, {
    defaultValue: "REAL_SKILLS",
    description:
      "How deliveries are shaped: signed Real Skills events (default) or xAPI statements.",
  })
  format: WebhookFormat;

  @Field(() => String, {
    nullable: true,
    description:
      "XAPI only, and required there: the `Authorization` header value your LRS expects, e.g. `Basic <base64 of key:secret>`. Write-only, like the signing secret: stored and sent to the LRS, never returned by any query, the delivery log or the audit log.",
  })
  authorization?: string | null;

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
      "The signing secret (`whsec_…`): verify `X-RealSkills-Signature` with it. Store it now. XAPI endpoints are not signed (their requests carry your `authorization`), so it is unused there.",
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
