import { createHash } from "node:crypto";
import type { DataSource } from "typeorm";
import type { OrganizationPrincipal } from "../../auth/principal.js";
import { MAX_CLAIM_LENGTH } from "../../auth/embed-token.verifier.js";
import { badInput } from "../../common/errors.js";
import { recordAudit } from "../audit/index.js";
import type { CountedAttempt, ReportCells } from "../report/report-cells.js";
import { SUBJECT_DELIVERIES, subjectDocument } from "./subject-data.document.js";
import type { SubjectDataExport, SubjectErasure } from "./subject-data.types.js";

/**
 * The audit log's id of a subject: hex SHA-256 of `<organisation id>:<subject>`. The log must
 * outlive an erasure without keeping the erased id, yet let the organisation prove later that
 * a given subject was erased (by computing the same hash); the organisation id keeps equal
 * subjects of different organisations apart.
 */
export function subjectAuditId(organizationId: string, subject: string): string {
  return createHash("sha256").update(`${organizationId}:${subject}`).digest("hex");
}

/**
 * GDPR access and erasure for one pseudonymous subject of the caller's organisation (design
 * §4). Only ever touches rows of the admin's own organisation.
 */
export class SubjectDataService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly reportCells: ReportCells,
  ) {}

  /** Everything stored about the subject, as one JSON document; audited as `subject.export`. */
  async export(admin: OrganizationPrincipal, subject: string): Promise<SubjectDataExport> {
    checkSubject(subject);
    // One transaction: the document is one consistent snapshot, and the audit entry exists
    // exactly when the export was read.
    return this.dataSource.transaction("REPEATABLE READ", async (manager) => {
      const exportedAt = new Date();
      const document = await subjectDocument(manager, admin.organizationId, subject, exportedAt);
      await recordAudit(manager, admin, {
        action: "subject.export",
        targetType: "subject",
        targetId: subjectAuditId(admin.organizationId, subject),
        details: {
          attempts: (document.attempts as unknown[]).length,
          webhookDeliveries: (document.webhookDeliveries as unknown[]).length,
        },
      });
      return { subject, exportedAt, document: JSON.stringify(document) };
    });
  }

  /**
   * Deletes the subject's attempts (answers and scores cascade) and the webhook deliveries
   * naming them, and removes their counted responses from HR's report cells, in one
   * transaction; audited as `subject.erase` under the subject's hash. A subject with nothing
   * stored erases nothing and is audited all the same.
   */
  async erase(admin: OrganizationPrincipal, subject: string): Promise<SubjectErasure> {
    checkSubject(subject);
    const { organizationId } = admin;
    const auditTargetId = subjectAuditId(organizationId, subject);
    return this.dataSource.transaction(async (manager) => {
      // The row locks make a concurrent submit of the subject wait, so the `counted` flags
      // read here are the ones the cells hold.
      const attempts = await manager.query<(CountedAttempt & { counted: boolean })[]>(
        `SELECT t.id, t.organization_id AS "organizationId", t.subject,
                t.assessment_id AS "assessmentId", t.version_id AS "versionId", t.team,
                t.department, t.counted
           FROM attempt t
          WHERE t.organization_id = $1 AND t.subject = $2
          ORDER BY t.id
          FOR UPDATE`,
        [organizationId, subject],
      );
      // Uncounting reads the attempt row for its cell, so it comes before the delete. It uses
      // this transaction's manager only: an embedded database has no second connection to wait on.
      for (const attempt of attempts) {
        if (attempt.counted) await this.reportCells.uncount(manager, attempt);
      }
      const [erased] = await manager.query<{ attempts: number; answers: number }[]>(
        `WITH answers AS (SELECT count(*)::int AS n FROM answer WHERE attempt_id = ANY ($2::uuid[])),
              gone AS (DELETE FROM attempt
                        WHERE organization_id = $1 AND id = ANY ($2::uuid[]) RETURNING 1)
         SELECT (SELECT count(*) FROM gone)::int AS attempts, (SELECT n FROM answers) AS answers`,
        [organizationId, attempts.map((attempt) => attempt.id)],
      );
      // Pending deliveries too: erasure wins over telling the organisation's systems.
      const [deliveries] = await manager.query<{ count: number }[]>(
        `WITH gone AS (DELETE FROM ${SUBJECT_DELIVERIES} RETURNING 1)
         SELECT count(*)::int AS count FROM gone`,
        [organizationId, subject],
      );
      const [clock] = await manager.query<{ now: Date }[]>(`SELECT now() AS now`);
      const result: SubjectErasure = {
        subject,
        attemptsErased: erased?.attempts ?? 0,
        answersErased: erased?.answers ?? 0,
        webhookDeliveriesErased: deliveries?.count ?? 0,
        erasedAt: new Date(clock?.now ?? Date.now()),
        auditTargetId,
      };
      await recordAudit(manager, admin, {
        action: "subject.erase",
        targetType: "subject",
        targetId: auditTargetId,
        details: {
          attempts: result.attemptsErased,
          answers: result.answersErased,
          webhookDeliveries: result.webhookDeliveriesErased,
          countedResponses: attempts.filter((attempt) => attempt.counted).length,
        },
      });
      return result;
    });
  }
}

/** A subject as an embed token's `sub` can carry it; BAD_USER_INPUT on `subject` otherwise. */
function checkSubject(subject: string): void {
  if (subject.length === 0 || subject.length > MAX_CLAIM_LENGTH) {
    throw badInput("subject", `must be 1–${MAX_CLAIM_LENGTH} characters, as the token's sub`);
  }
}
