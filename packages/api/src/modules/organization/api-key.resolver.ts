import { Arg, Ctx, ID, Mutation, Query, Resolver } from "type-graphql";
import { ApiKey } from "../../auth/api-key.entity.js";
import { requireRole } from "../../auth/guards.js";
import type { Context } from "../../context.js";
import { CreateApiKeyInput, CreatedApiKey } from "./api-key.types.js";

/** The organisation's API keys. ADMIN only. */
@Resolver()
export class ApiKeyResolver {
  @Query(() => [ApiKey], {
    description: "The organisation's API keys, revoked ones included, newest first. ADMIN only.",
  })
  apiKeys(@Ctx() { principal, services }: Context): Promise<ApiKey[]> {
    return services.apiKeys.list(requireRole(principal, "ADMIN").organizationId);
  }

  @Mutation(() => CreatedApiKey, {
    description:
      "Creates an API key. Its secret is in the result only: store it at once. ADMIN only.",
  })
  async createApiKey(
    @Arg("input", () => CreateApiKeyInput, { description: "Name and role of the key." })
    input: CreateApiKeyInput,
    @Ctx() { principal, services }: Context,
  ): Promise<CreatedApiKey> {
    const { row, key } = await services.apiKeys.create(requireRole(principal, "ADMIN"), input);
    return { key, apiKey: row };
  }

  @Mutation(() => ApiKey, {
    description:
      "Revokes an API key: from the next request on it is refused. A key may revoke itself. ADMIN only.",
  })
  revokeApiKey(
    @Arg("id", () => ID, { description: "The key's `id`." }) id: string,
    @Ctx() { principal, services }: Context,
  ): Promise<ApiKey> {
    return services.apiKeys.revoke(requireRole(principal, "ADMIN"), id);
  }
}
