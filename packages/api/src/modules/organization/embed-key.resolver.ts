import { Arg, Ctx, Mutation, Query, Resolver } from "type-graphql";
import { EmbedKey } from "../../auth/embed-key.entity.js";
import { requireRole } from "../../auth/guards.js";
import type { Context } from "../../context.js";
import {
  CreatedEmbedKey,
  CreateEmbedKeyInput,
  RotatedEmbedKey,
  RotateEmbedKeyInput,
} from "./embed-key.types.js";

/** The organisation's embed-token signing keys. ADMIN only. */
@Resolver()
export class EmbedKeyResolver {
  @Query(() => [EmbedKey], {
    description:
      "The organisation's embed keys, revoked and expired ones included, newest first. ADMIN only.",
  })
  embedKeys(@Ctx() { principal, services }: Context): Promise<EmbedKey[]> {
    return services.embedKeys.list(requireRole(principal, "ADMIN").organizationId);
  }

  @Mutation(() => CreatedEmbedKey, {
    description:
      "Registers an embed key: HS256 with a secret we issue (in the result only), or ES256/RS256 with your public key. ADMIN only.",
  })
  async createEmbedKey(
    @Arg("input", () => CreateEmbedKeyInput, { description: "Algorithm and public key." })
    input: CreateEmbedKeyInput,
    @Ctx() { principal, services }: Context,
  ): Promise<CreatedEmbedKey> {
    const { row, secret } = await services.embedKeys.create(requireRole(principal, "ADMIN"), input);
    return { embedKey: row, secret };
  }

  @Mutation(() => RotatedEmbedKey, {
    description:
      "Replaces an embed key by a new one of the same algorithm; the old one keeps verifying tokens for `overlapHours`. ADMIN only.",
  })
  async rotateEmbedKey(
    @Arg("input", () => RotateEmbedKeyInput, { description: "The key to replace and the overlap." })
    input: RotateEmbedKeyInput,
    @Ctx() { principal, services }: Context,
  ): Promise<RotatedEmbedKey> {
    const { row, secret, previous } = await services.embedKeys.rotate(
      requireRole(principal, "ADMIN"),
      input,
    );
    return { embedKey: row, secret, previous };
  }

  @Mutation(() => EmbedKey, {
    description: "Revokes an embed key: tokens signed with it are refused from now on. ADMIN only.",
  })
  revokeEmbedKey(
    @Arg("kid", { description: "The key's `kid`." }) kid: string,
    @Ctx() { principal, services }: Context,
  ): Promise<EmbedKey> {
    return services.embedKeys.revoke(requireRole(principal, "ADMIN"), kid);
  }
}
