import type { EntityManager } from "typeorm";

/** The version of the export's JSON shape; a change to the shape gets a new one. */
export const SUBJECT_DATA_FORMAT = "real-skills.subject-data/1";

/**
 * The `attempt.completed` deliveries that name a subject. Every other event carries no subject,
 * so this is every delivery about them. `$1` is the organisation, `$2` the subject.
 */
export const SUBJECT_DELIVERIES = `webhook_delivery d
  WHERE d.organization_id = $1 AND d.event_type = 'attempt.completed'
    AND d.payload -> 'attempt' ->> 'subject' = $2`;

interface AttemptRow {
  id: string;
  slug: string;
  version: number;
  versionId: string;
  status: string;
  team: string | null;
  department: string | null;
  idempotencyKey: string | null;
  counted: boolean;
  startedAt: Date;
  updatedAt: Date;
  submittedAt: Date | null;
}

interface AnswerRow {
  attemptId: string;
  itemId: string;
  itemKey: string;
  kind: string;
  optionId: string | null;
  optionKey: string | null;
  value: number | null;
  text: string | null;
  sequence: number;
  savedAt: Date;
}

interface ScoreRow {
  attemptId: string;
  skill: string;
  score: number;
  band: string;
  answered: number;
  raw: number;
  min: number;
  max: number;
}

interface DeliveryRow {
  id: string;
  endpointId: string;
  eventType: string;
  status: string;
  attempts: number;
  lastStatusCode: number | null;
  lastError: string | null;
  createdAt: Date;
  nextAttemptAt: Date;
  deliveredAt: Date | null;
  payload: unknown;
}

/**
 * Everything stored about one subject of one organisation, as one JSON-ready object: every
 * column of their attempts, answers and scores, and the webhook deliveries that named them.
 * Reads through `manager`, so that all of it comes from one transaction's snapshot.
 */
export async function subjectDocument(
  manager: EntityManager,
  organizationId: string,
  subject: string,
  exportedAt: Date,
): Promise<Record<string, unknown>> {
  const params = [organizationId, subject];
  const ofSubject = `t.organization_id = $1 AND t.subject = $2`;
  const attempts = await manager.query<AttemptRow[]>(
    `SELECT t.id, a.slug, v.version, t.version_id AS "versionId", t.status, t.team,
            t.department, t.idempotency_key AS "idempotencyKey", t.counted,
            t.started_at AS "startedAt", t.updated_at AS "updatedAt",
            t.submitted_at AS "submittedAt"
       FROM attempt t
       JOIN assessment a ON a.id = t.assessment_id
       JOIN assessment_version v ON v.id = t.version_id
      WHERE ${ofSubject}
      ORDER BY t.started_at, t.id`,
    params,
  );
  const answers = await manager.query<AnswerRow[]>(
    `SELECT n.attempt_id AS "attemptId", i.id AS "itemId", i.key AS "itemKey", i.kind,
            o.id AS "optionId", o.key AS "optionKey", n.value, n.text, n.sequence,
            n.saved_at AS "savedAt"
       FROM answer n
       JOIN attempt t ON t.id = n.attempt_id
       JOIN item i ON i.id = n.item_id
       LEFT JOIN item_option o ON o.id = n.option_id
      WHERE ${ofSubject}
      ORDER BY n.attempt_id, i.position`,
    params,
  );
  const scores = await manager.query<ScoreRow[]>(
    `SELECT x.attempt_id AS "attemptId", s.slug AS skill, x.score, x.band, x.answered, x.raw,
            x.min, x.max
       FROM attempt_score x
       JOIN attempt t ON t.id = x.attempt_id
       JOIN skill s ON s.id = x.skill_id
      WHERE ${ofSubject}
      ORDER BY x.attempt_id, s.position`,
    params,
  );
  const deliveries = await manager.query<DeliveryRow[]>(
    `SELECT d.id, d.endpoint_id AS "endpointId", d.event_type AS "eventType", d.status,
            d.attempts, d.last_status_code AS "lastStatusCode", d.last_error AS "lastError",
            d.created_at AS "createdAt", d.next_attempt_at AS "nextAttemptAt",
            d.delivered_at AS "deliveredAt", d.payload
       FROM ${SUBJECT_DELIVERIES}
      ORDER BY d.created_at, d.id`,
    params,
  );

  return {
    format: SUBJECT_DATA_FORMAT,
    organizationId,
    subject,
    exportedAt: exportedAt.toISOString(),
    attempts: attempts.map((attempt) => ({
      id: attempt.id,
      assessment: { slug: attempt.slug, version: attempt.version, versionId: attempt.versionId },
      status: attempt.status,
      team: attempt.team,
      department: attempt.department,
      startedAt: isoTime(attempt.startedAt),
      updatedAt: isoTime(attempt.updatedAt),
      submittedAt: isoTime(attempt.submittedAt),
      idempotencyKey: attempt.idempotencyKey,
      countedInReports: attempt.counted,
      answers: answers
        .filter((answer) => answer.attemptId === attempt.id)
        .map((answer) => ({
          item: { id: answer.itemId, key: answer.itemKey, kind: answer.kind },
          option: answer.optionId === null ? null : { id: answer.optionId, key: answer.optionKey },
          value: answer.value,
          text: answer.text,
          sequence: answer.sequence,
          savedAt: isoTime(answer.savedAt),
        })),
      scores: scores
        .filter((score) => score.attemptId === attempt.id)
        .map((score) => ({
          skill: score.skill,
          score: score.score,
          band: score.band,
          answeredItems: score.answered,
          raw: score.raw,
          min: score.min,
          max: score.max,
        })),
    })),
    webhookDeliveries: deliveries.map((delivery) => ({
      id: delivery.id,
      endpointId: delivery.endpointId,
      event: delivery.eventType,
      status: delivery.status,
      attempts: delivery.attempts,
      lastStatusCode: delivery.lastStatusCode,
      lastError: delivery.lastError,
      createdAt: isoTime(delivery.createdAt),
      nextAttemptAt: isoTime(delivery.nextAttemptAt),
      deliveredAt: isoTime(delivery.deliveredAt),
      payload: delivery.payload,
    })),
  };
}

// Drivers differ: node-postgres returns Date objects, other clients may return strings.
function isoTime(value: Date | string | null): string | null {
  return value === null ? null : new Date(value).toISOString();
}
