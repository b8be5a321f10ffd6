import { Arg, Args, Ctx, ID, Mutation, Query, Resolver } from "type-graphql";
import { requireRole } from "../../auth/guards.js";
import {
  connectionTypes,
  toConnection,
  validatePageSize,
  type ConnectionShape,
} from "../../common/connection.js";
import type { Context } from "../../context.js";
import { WebhookDelivery } from "./webhook-delivery.entity.js";
import { WebhookEndpoint } from "./webhook-endpoint.entity.js";
import {
  CreatedWebhookEndpoint,
  CreateWebhookEndpointInput,
  WebhookDeliveriesArgs,
} from "./webhook.types.js";

const WebhookDeliveryConnection = connectionTypes(WebhookDelivery, "WebhookDelivery");

/** The organisation's webhook endpoints and delivery log. ADMIN only. */
@Resolver()
export class WebhookResolver {
  @Query(() => [WebhookEndpoint], {
    description:
      "The organisation's webhook endpoints, disabled ones included, newest first. ADMIN only.",
  })
  webhookEndpoints(@Ctx() { principal, services }: Context): Promise<WebhookEndpoint[]> {
    return services.webhooks.list(requireRole(principal, "ADMIN").organizationId);
  }

  @Query(() => WebhookDeliveryConnection, {
    description:
      "The delivery log: every event queued for the organisation's endpoints and how sending it went, newest first. ADMIN only.",
  })
  async webhookDeliveries(
    @Args() { first, after, endpointId, status }: WebhookDeliveriesArgs,
    @Ctx() { principal, services }: Context,
  ): Promise<ConnectionShape<WebhookDelivery>> {
    const admin = requireRole(principal, "ADMIN");
    const page = await services.webhooks.deliveries(admin.organizationId, {
      first: validatePageSize(first),
      after,
      endpointId,
      status,
    });
    return toConnection(page);
  }

  @Mutation(() => CreatedWebhookEndpoint, {
    description:
      "Creates a webhook endpoint. Its signing secret is in the result only: store it at once. ADMIN only.",
  })
  createWebhookEndpoint(
    @Arg("input", () => CreateWebhookEndpointInput, {
      description: "URL, events and description of the endpoint.",
    })
    input: CreateWebhookEndpointInput,
    @Ctx() { principal, services }: Context,
  ): Promise<CreatedWebhookEndpoint> {
    return services.webhooks.create(requireRole(principal, "ADMIN"), input);
  }

  @Mutation(() => WebhookEndpoint, {
    description:
      "Disables a webhook endpoint: it receives no new events, and its pending deliveries are given up. ADMIN only.",
  })
  disableWebhookEndpoint(
    @Arg("id", () => ID, { description: "The endpoint's `id`." }) id: string,
    @Ctx() { principal, services }: Context,
  ): Promise<WebhookEndpoint> {
    return services.webhooks.disable(requireRole(principal, "ADMIN"), id);
  }
}
