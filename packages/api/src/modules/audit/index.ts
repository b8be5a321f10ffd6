export { AUDIT_ACTIONS, type AuditAction, type AuditTargetType } from "./audit.actions.js";
export { AuditEntry } from "./audit-entry.entity.js";
export { recordAudit, type AuditRecord } from "./audit.recorder.js";
export { AuditService } from "./audit.service.js";
