import { ERROR_CODES, LIMITS, scoreAttempt } from "@real-skills/shared";
import { LRUCache } from "lru-cache";
import type { DataSource } from "typeorm";
import type { EmbedTokenPrincipal } from "../../auth/principal.js";
import type { Page } from "../../common/connection.js";
import { apiError, badInput } from "../../common/errors.js";
import { timeCursor } from "../../common/time-cursor.js";
import { isUuid } from "../../common/uuid.js";
import type { AssessmentService } from "../assessment/assessment.service.js";
import { storedAnswers, type ReportCells } from "../report/report-cells.js";
import { attemptCompletedData } from "../webhook/webhook.events.js";
import { WebhookOutbox } from "../webhook/webhook.outbox.js";
import { checkAnswer, type AnswerFields } from "./answer-check.js";
import type { AttemptStatus } from "./attempt.enums.js";
import type { Attempt } from "./attempt.entity.js";
import type { VersionItemsCache } from "./version-items.js";

const COLUMNS = `t.id, t.organization_id AS "organizationId", t.subject,
  t.assessment_id AS "assessmentId", t.version_id AS "versionId", t.status, t.team, t.department,
  t.idempotency_key AS "idempotencyKey", t.started_at AS "startedAt",
  t.updated_at AS "updatedAt", t.submitted_at AS "submittedAt"`;

/** What never changes about an attempt: whose it is and the version it is pinned to. */
interface Pin {
  organizationId: string;
  subject: string;
  versionId: string;
}

// Attempts being answered right now across the instance; one falls out only to be read again.
const MAX_PINNED_ATTEMPTS = 50_000;

/** An attempt with its exact sort time (microseconds since the epoch) for cursors. */
export type ListedAttempt = Attempt & { micros: string };

/**
 * The rules of attempts (docs/decisions/0010-attempts-and-answers.md). Every method takes the
 * employee from the principal and only ever touches that employee's attempts; an attempt of
 * anyone else is reported as not found, so ids reveal nothing.
 */
export class AttemptService {
  /**
   * Saving an answer needs the attempt's version to check the answer against. It never
   * changes, so it is kept from the start (or first save) on, and a save is one statement.
   */
  private readonly pins = new LRUCache<string, Pin>({ max: MAX_PINNED_ATTEMPTS });

  constructor(
    private readonly dataSource: DataSource,
    private readonly assessments: AssessmentService,
    private readonly versionItems: VersionItemsCache,
    private readonly reportCells: ReportCells,
  ) {}

  /** Resumes the employee's unfinished attempt at the assessment, else starts one. */
  async start(employee: EmbedTokenPrincipal, slug: string): Promise<Attempt> {
    const assessment = await this.assessments.bySlug(employee, slug);
    if (assessment === null) {
      throw apiError(ERROR_CODES.NOT_FOUND, `No assessment "${slug}" is available to you.`);
    }
    const open = await this.openAttempt(employee, assessment.id);
    if (open) return this.pinned(open);

    await this.checkCooldown(employee, assessment.id);
    // The partial unique index admits one open attempt: of two concurrent starts, one inserts
    // and the other finds that one.
    const [inserted] = await this.dataSource.query<Attempt[]>(
      `INSERT INTO attempt AS t (organization_id, subject, assessment_id, version_id, status)
       VALUES ($1, $2, $3, $4, 'IN_PROGRESS')
       ON CONFLICT (organization_id, subject, assessment_id) WHERE status = 'IN_PROGRESS'
       DO NOTHING RETURNING ${COLUMNS}`,
      [employee.organizationId, employee.subject, assessment.id, assessment.versionId],
    );
    if (inserted) return this.pinned(inserted);
    const raced = await this.openAttempt(employee, assessment.id);
    if (!raced) throw new Error("An open attempt vanished between insert and read.");
    return this.pinned(raced);
  }

  /**
   * Saves one answer: an upsert keyed by attempt and item, ignored when the stored answer has a
   * higher sequence. The attempt row is locked in the same statement, so a save and a submit of
   * one attempt never interleave.
   */
  async saveAnswer(
    employee: EmbedTokenPrincipal,
    input: AnswerFields & { attemptId: string; itemId: string; sequence?: number | null },
  ): Promise<Attempt> {
    const pin = await this.pinOf(employee, input.attemptId);
    if (!isUuid(input.itemId)) throw badInput("input.itemId", "is not an item id");
    const { byId } = await this.versionItems.get(pin.versionId);
    const item = byId.get(input.itemId);
    if (item === undefined) {
      throw badInput("input.itemId", "is not an item of the assessment version this attempt uses");
    }
    const answer = checkAnswer(item, input);
    const sequence = input.sequence ?? 0;
    if (!Number.isInteger(sequence) || sequence < 0) {
      throw badInput("input.sequence", "must be a whole number, 0 or more");
    }

    const params: unknown[] = [
      input.attemptId,
      employee.organizationId,
      employee.subject,
      item.id,
      sequence,
    ];
    // Locks the attempt (FOR UPDATE) and re-checks its status in the same statement as the write.
    const target = `SELECT id FROM attempt
                     WHERE id = $1 AND organization_id = $2 AND subject = $3 AND status = 'IN_PROGRESS'
                     FOR UPDATE`;
    const write =
      answer === null
        ? `DELETE FROM answer a USING target
            WHERE a.attempt_id = target.id AND a.item_id = $4 AND a.sequence <= $5`
        : `INSERT INTO answer (attempt_id, item_id, organization_id, option_id, value, text, sequence)
           SELECT target.id, $4, $2, $6, $7, $8, $5 FROM target
           ON CONFLICT (attempt_id, item_id) DO UPDATE
              SET option_id = EXCLUDED.option_id, value = EXCLUDED.value, text = EXCLUDED.text,
                  sequence = EXCLUDED.sequence, saved_at = now()
            WHERE answer.sequence <= EXCLUDED.sequence`;
    if (answer !== null) params.push(answer.optionId, answer.value, answer.text);
    // The statement ends in a SELECT, so the driver returns rows, as for every other read.
    const [updated] = await this.dataSource.query<Attempt[]>(
      `WITH target AS (${target}), saved AS (${write} RETURNING 1),
            touched AS (UPDATE attempt SET updated_at = now() FROM target
                         WHERE attempt.id = target.id RETURNING attempt.*)
       SELECT ${COLUMNS} FROM touched t`,
      params,
    );
    if (!updated) {
      // Not open (any more): submitted, or gone (erased), or never the employee's.
      this.pins.delete(input.attemptId);
      const attempt = await this.ownAttempt(employee, input.attemptId, "input.attemptId");
      throw attempt.status === "SUBMITTED" ? submittedError() : notFound();
    }
    return updated;
  }

  /** The attempt's pin, from memory or its row: only the employee's own, else NOT_FOUND. */
  private async pinOf(employee: EmbedTokenPrincipal, attemptId: string): Promise<Pin> {
    const pin = this.pins.get(attemptId);
    if (pin === undefined) {
      const attempt = await this.ownAttempt(employee, attemptId, "input.attemptId");
      if (attempt.status === "SUBMITTED") throw submittedError();
      return this.pinned(attempt);
    }
    if (pin.organizationId !== employee.organizationId || pin.subject !== employee.subject) {
      throw notFound();
    }
    return pin;
  }

  private pinned<T extends Attempt>(attempt: T): T {
    const { organizationId, subject, versionId } = attempt;
    this.pins.set(attempt.id, { organizationId, subject, versionId });
    return attempt;
  }

  /**
   * Scores and closes an attempt, once, and counts it in HR's report cells in the same
   * transaction. The row lock serialises concurrent submits; the one that comes second sees
   * SUBMITTED and returns the stored result (same key) or refuses.
   */
  async submit(
    employee: EmbedTokenPrincipal,
    attemptId: string,
    key: string,
    /**
     * For seeders (the demo's sample responses, benchmark data) only, never from a request: the
     * time the attempt counts as submitted, which also decides its report month.
     */
    options: { submittedAt?: Date } = {},
  ): Promise<Attempt> {
    if (key.length < 1 || key.length > LIMITS.maxIdempotencyKeyLength) {
      throw badInput(
        "input.idempotencyKey",
        `must be 1–${LIMITS.maxIdempotencyKeyLength} characters`,
      );
    }
    const before = await this.ownAttempt(employee, attemptId, "input.attemptId");
    // Answers to a submitted attempt are refused before anything else is checked.
    this.pins.delete(before.id);
    if (before.status === "SUBMITTED") return replayed(before, key);
    // Read before the transaction: an embedded database serves one connection at a time, so
    // the transaction must not wait on another connection.
    const version = await this.versionItems.get(before.versionId);

    return this.dataSource.transaction(async (manager) => {
      const [attempt] = await manager.query<Attempt[]>(
        `SELECT ${COLUMNS} FROM attempt t WHERE t.id = $1 FOR UPDATE`,
        [before.id],
      );
      if (!attempt) throw notFound();
      if (attempt.status === "SUBMITTED") return replayed(attempt, key);

      const answers = await storedAnswers(manager, attempt.id);
      const answered = new Set(answers.map((answer) => answer.itemId));
      const missing = version.requiredIds.filter((itemId) => !answered.has(itemId));
      if (missing.length > 0) {
        throw apiError(
          ERROR_CODES.REQUIRED_ITEMS_MISSING,
          `${missing.length} required item(s) still need an answer.`,
          { itemIds: missing },
        );
      }
      const scored = scoreAttempt(version.items, answers);
      // Every stored answer passed the same rules when it was saved, and the version is frozen.
      if (!scored.ok) {
        throw new Error(`Stored answers do not score: ${scored.error.code} ${scored.error.itemId}`);
      }
      await manager.query(
        `INSERT INTO attempt_score
           (attempt_id, skill_id, organization_id, score, band, answered, raw, min, max)
         SELECT $1, s.id, $2, x.score, x.band, x.answered, x.raw, x.min, x.max
           FROM jsonb_to_recordset($3::jsonb)
                AS x(skill text, score int, band text, answered int, raw int, min int, max int)
           JOIN skill s ON s.slug = x.skill`,
        [attempt.id, attempt.organizationId, JSON.stringify(scored.value)],
      );
      const [submitted] = await manager.query<Attempt[]>(
        `WITH closed AS (
           UPDATE attempt
              SET status = 'SUBMITTED', submitted_at = COALESCE($5, now()),
                  updated_at = COALESCE($5, now()),
                  idempotency_key = $2, team = $3, department = $4
            WHERE id = $1 RETURNING *)
         SELECT ${COLUMNS} FROM closed t`,
        [attempt.id, key, employee.team, employee.department, options.submittedAt ?? null],
      );
      if (!submitted) throw notFound();
      await this.reportCells.countSubmission(manager, submitted, scored.value, answers);
      await WebhookOutbox.enqueue(
        manager,
        submitted.organizationId,
        "attempt.completed",
        await attemptCompletedData(manager, submitted),
      );
      return submitted;
    });
  }

  /** The employee's own attempt, or null (also for a malformed id: it cannot exist). */
  async byId(employee: EmbedTokenPrincipal, id: string): Promise<Attempt | null> {
    if (!isUuid(id)) return null;
    const [attempt] = await this.dataSource.query<Attempt[]>(
      `SELECT ${COLUMNS} FROM attempt t
        WHERE t.id = $1 AND t.organization_id = $2 AND t.subject = $3`,
      [id, employee.organizationId, employee.subject],
    );
    return attempt ?? null;
  }

  /** The employee's attempts, newest first (submitted, else started), keyset-paged. */
  async listMine(
    employee: EmbedTokenPrincipal,
    args: {
      first: number;
      after?: string | null;
      assessmentSlug?: string | null;
      status?: AttemptStatus | null;
    },
  ): Promise<Page<ListedAttempt>> {
    const params: unknown[] = [employee.organizationId, employee.subject];
    const filters = [`t.organization_id = $1`, `t.subject = $2`];
    if (args.assessmentSlug) {
      params.push(args.assessmentSlug);
      filters.push(`t.assessment_id IN (SELECT id FROM assessment WHERE slug = $${params.length})`);
    }
    if (args.status) {
      params.push(args.status);
      filters.push(`t.status = $${params.length}`);
    }
    const countSql = `SELECT count(*)::int AS total FROM attempt t WHERE ${filters.join(" AND ")}`;
    const countParams = [...params];
    const sortTime = `COALESCE(t.submitted_at, t.started_at)`;
    if (args.after) {
      const after = timeCursor.decode(args.after);
      params.push(after.micros, after.id);
      filters.push(
        `(${sortTime}, t.id) < (timestamptz 'epoch' + $${params.length - 1}::bigint * interval '1 microsecond', $${params.length}::uuid)`,
      );
    }
    params.push(args.first + 1);
    const [rows, [count]] = await Promise.all([
      this.dataSource.query<ListedAttempt[]>(
        `SELECT ${COLUMNS}, ((extract(epoch FROM ${sortTime}) * 1000000)::bigint)::text AS micros
           FROM attempt t WHERE ${filters.join(" AND ")}
          ORDER BY ${sortTime} DESC, t.id DESC LIMIT $${params.length}`,
        params,
      ),
      this.dataSource.query<{ total: number }[]>(countSql, countParams),
    ]);
    return {
      nodes: rows.slice(0, args.first),
      hasNextPage: rows.length > args.first,
      totalCount: count?.total ?? 0,
      cursorOf: (attempt) => timeCursor.encode({ micros: attempt.micros, id: attempt.id }),
    };
  }

  private async ownAttempt(
    employee: EmbedTokenPrincipal,
    id: string,
    field: string,
  ): Promise<Attempt> {
    if (!isUuid(id)) throw badInput(field, "is not an attempt id");
    const attempt = await this.byId(employee, id);
    if (attempt === null) throw notFound();
    return attempt;
  }

  private async openAttempt(
    employee: EmbedTokenPrincipal,
    assessmentId: string,
  ): Promise<Attempt | null> {
    const [open] = await this.dataSource.query<Attempt[]>(
      `SELECT ${COLUMNS} FROM attempt t
        WHERE t.organization_id = $1 AND t.subject = $2 AND t.assessment_id = $3
          AND t.status = 'IN_PROGRESS'`,
      [employee.organizationId, employee.subject, assessmentId],
    );
    return open ?? null;
  }

  /** RETAKE_COOLDOWN while the organisation's cooldown since the last submission runs. */
  private async checkCooldown(employee: EmbedTokenPrincipal, assessmentId: string): Promise<void> {
    const [row] = await this.dataSource.query<{ availableAt: Date | null }[]>(
      `SELECT max(t.submitted_at) + o.retake_cooldown_days * interval '1 day' AS "availableAt"
         FROM organization o
         LEFT JOIN attempt t ON t.organization_id = o.id AND t.subject = $2
                            AND t.assessment_id = $3 AND t.status = 'SUBMITTED'
        WHERE o.id = $1 AND o.retake_cooldown_days > 0
        GROUP BY o.retake_cooldown_days
       HAVING max(t.submitted_at) + o.retake_cooldown_days * interval '1 day' > now()`,
      [employee.organizationId, employee.subject, assessmentId],
    );
    if (row?.availableAt) {
      const availableAt = new Date(row.availableAt).toISOString();
      throw apiError(
        ERROR_CODES.RETAKE_COOLDOWN,
        `You can take this assessment again from ${availableAt}.`,
        { availableAt },
      );
    }
  }
}

/** A submit of an attempt that is already submitted: its result again, or a refusal. */
function replayed(attempt: Attempt, key: string): Attempt {
  if (attempt.idempotencyKey === key) return attempt;
  throw apiError(
    ERROR_CODES.ATTEMPT_SUBMITTED,
    "This attempt was already submitted with another idempotency key. Read its result with attempt(id).",
  );
}

function submittedError() {
  return apiError(
    ERROR_CODES.ATTEMPT_SUBMITTED,
    "This attempt is submitted: its answers can no longer change.",
  );
}

function notFound() {
  return apiError(ERROR_CODES.NOT_FOUND, "You have no attempt with this id.");
}
