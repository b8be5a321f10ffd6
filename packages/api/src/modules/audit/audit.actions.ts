/**
 * Every action the audit log records: `<target type>.<verb>`. A closed list, so that readers of
 * the log (and its documentation) can rely on the names.
 */
export const AUDIT_ACTIONS = [
  "assessment.create",
  "assessment.update_draft",
  "assessment.publish",
  "assessment.archive",
  "organization.update_settings",
  "api_key.create",
  "api_key.revoke",
  "embed_key.create",
  "embed_key.rotate",
  "embed_key.revoke",
  "webhook_endpoint.create",
  "webhook_endpoint.disable",
  "subject.export",
  "subject.erase",
] as const;

export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/** What an action was done to; the part of the action before the dot. */
export type AuditTargetType =
  "assessment" | "organization" | "api_key" | "embed_key" | "webhook_endpoint" | "subject";
