import { Args, Ctx, Query, Resolver } from "type-graphql";
import { requireRole } from "../../auth/guards.js";
import {
  ConnectionArgs,
  connectionTypes,
  toConnection,
  validatePageSize,
  type ConnectionShape,
} from "../../common/connection.js";
import type { Context } from "../../context.js";
import { AuditEntry } from "./audit-entry.entity.js";

const AuditEntryConnection = connectionTypes(AuditEntry, "AuditEntry");

@Resolver(() => AuditEntry)
export class AuditResolver {
  @Query(() => AuditEntryConnection, {
    description:
      "Changes made through the admin API in the caller's organisation, newest first. ADMIN only.",
  })
  async auditLog(
    @Args() { first, after }: ConnectionArgs,
    @Ctx() { principal, services }: Context,
  ): Promise<ConnectionShape<AuditEntry>> {
    const admin = requireRole(principal, "ADMIN");
    const page = await services.audit.list(admin.organizationId, {
      first: validatePageSize(first),
      after,
    });
    return toConnection(page);
  }
}
