import type { EntityManager } from "typeorm";
import type { Attempt } from "../attempt/attempt.entity.js";
import type { WebhookEventData } from "./webhook.outbox.js";

/**
 * The `attempt` of an `attempt.completed` event. HR never sees an individual's results (design
 * §4), so it says that the employee finished, and nothing about how: no scores, bands or answers.
 * `subject` is the organisation's own pseudonymous id of the employee.
 */
export async function attemptCompletedData(
  manager: EntityManager,
  attempt: Pick<Attempt, "id" | "subject" | "versionId" | "submittedAt" | "team" | "department">,
): Promise<WebhookEventData> {
  const [assessment] = await manager.query<{ slug: string; version: number }[]>(
    `SELECT a.slug, v.version FROM assessment_version v JOIN assessment a ON a.id = v.assessment_id
      WHERE v.id = $1`,
    [attempt.versionId],
  );
  return {
    attempt: {
      id: attempt.id,
      subject: attempt.subject,
      assessment: { slug: assessment?.slug, version: assessment?.version },
      submittedAt: isoTime(attempt.submittedAt),
      team: attempt.team,
      department: attempt.department,
    },
  };
}

/** The `assessment` of an `assessment.published` event, for the version just published. */
export async function assessmentPublishedData(
  manager: EntityManager,
  versionId: string,
): Promise<WebhookEventData> {
  const [version] = await manager.query<{ slug: string; version: number; publishedAt: Date }[]>(
    `SELECT a.slug, v.version, v.published_at AS "publishedAt"
       FROM assessment_version v JOIN assessment a ON a.id = v.assessment_id
      WHERE v.id = $1`,
    [versionId],
  );
  return {
    assessment: {
      slug: version?.slug,
      version: version?.version,
      publishedAt: isoTime(version?.publishedAt ?? null),
    },
  };
}

// Drivers differ: node-postgres returns Date objects, other clients may return strings.
function isoTime(value: Date | string | null): string | null {
  return value === null ? null : new Date(value).toISOString();
}
