import type { EntityManager } from "typeorm";
import { principalId, type OrganizationPrincipal } from "../../auth/principal.js";
import type { AuditAction, AuditTargetType } from "./audit.actions.js";

export interface AuditRecord {
  action: AuditAction;
  targetType: AuditTargetType;
  targetId: string;
  /** What changed. Never a secret: no keys, no HS256 secrets. */
  details?: Record<string, unknown>;
}

/**
 * Writes one audit entry for a change made by `actor`. Takes the change's own transaction, so
 * that the entry exists exactly when the change does.
 */
export async function recordAudit(
  manager: EntityManager,
  actor: OrganizationPrincipal,
  record: AuditRecord,
): Promise<void> {
  // clock_timestamp(), not now(): several entries of one transaction keep their order.
  await manager.query(
    `INSERT INTO audit_log
       (organization_id, actor_kind, actor_id, action, target_type, target_id, details, created_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, clock_timestamp())`,
    [
      actor.organizationId,
      actor.kind,
      principalId(actor),
      record.action,
      record.targetType,
      record.targetId,
      JSON.stringify(record.details ?? {}),
    ],
  );
}
