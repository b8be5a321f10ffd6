import {
  itemPointsOf,
  type Answer as ScoringAnswer,
  type ItemPoints,
  type SkillScore,
} from "@real-skills/shared";
import type { EntityManager } from "typeorm";
import type { VersionItemsCache } from "../attempt/version-items.js";

/** The attempt fields that decide which report cell its scores go into. */
export interface CountedAttempt {
  id: string;
  organizationId: string;
  subject: string;
  assessmentId: string;
  versionId: string;
  team: string | null;
  department: string | null;
}

/** What one response adds to (or removes from) its cells. */
interface Contribution {
  attempt: CountedAttempt;
  scores: readonly Pick<SkillScore, "skill" | "score" | "band" | "raw">[];
  items: readonly ItemPoints[];
}

// The cell of a counted attempt: its month of submission (UTC) and the token's team and
// department ("" when the token named none).
const CELL_OF = `date_trunc('month', t.submitted_at AT TIME ZONE 'UTC')::date AS month,
  COALESCE(t.team, '') AS team, COALESCE(t.department, '') AS department`;

const SAME_CELL = `(r.organization_id, r.assessment_id, r.month, r.team, r.department)
  = (c.organization_id, c.assessment_id, c.month, c.team, c.department)`;

// A change to a month that has ended (an erasure, a seeded response) makes every team report
// kept in memory stale: it counts up the organisation's report revision. $5 is the first day of
// the running month as team reports see it. Submits in the running month, the usual case, match
// nothing here and take no lock.
const ENDED_MONTH_CHANGED = `
  revised AS (
    UPDATE organization o SET report_revision = o.report_revision + 1 FROM cell c
     WHERE o.id = c.organization_id AND c.month < $5::date
    RETURNING 1)`;

/**
 * Maintains the report cells (docs/decisions/0012-privacy-safe-aggregates.md). Every method
 * runs inside the caller's transaction, so the cells change exactly when attempts do.
 */
export class ReportCells {
  constructor(
    private readonly versionItems: VersionItemsCache,
    /** The current time as team reports see it (`TeamReportService`): which months have ended. */
    private readonly now: () => Date = () => new Date(),
  ) {}

  /**
   * Counts a just-submitted attempt: adds its scores to its cell and, when the same person
   * already has a counted attempt at the assessment this month, removes that one's, so that a
   * cell counts each person at most once per month.
   */
  async countSubmission(
    manager: EntityManager,
    attempt: CountedAttempt,
    scores: readonly SkillScore[],
    answers: readonly ScoringAnswer[],
  ): Promise<void> {
    await lockCellsShared(manager, attempt.organizationId);
    const earlier = await manager.query<CountedAttempt[]>(
      `SELECT t.id, t.organization_id AS "organizationId", t.subject,
              t.assessment_id AS "assessmentId", t.version_id AS "versionId", t.team, t.department
         FROM attempt t
        WHERE t.organization_id = $1 AND t.subject = $2 AND t.assessment_id = $3 AND t.counted
          AND t.id <> $4
          AND date_trunc('month', t.submitted_at AT TIME ZONE 'UTC')
            = (SELECT date_trunc('month', submitted_at AT TIME ZONE 'UTC') FROM attempt WHERE id = $4)
        FOR UPDATE`,
      [attempt.organizationId, attempt.subject, attempt.assessmentId, attempt.id],
    );
    for (const replaced of earlier) await this.uncount(manager, replaced);

    const version = await this.versionItems.get(attempt.versionId, manager);
    const items = itemPointsOf(version.items, answers);
    if (!items.ok)
      throw new Error(`Answers that scored do not give item points: ${items.error.code}`);
    await manager.query(`UPDATE attempt SET counted = true WHERE id = $1`, [attempt.id]);
    await this.apply(manager, { attempt, scores, items: items.value }, 1);
  }

  /** Removes a counted attempt's scores from its cell (a retake replacing it, or an erasure). */
  async uncount(manager: EntityManager, attempt: CountedAttempt): Promise<void> {
    await lockCellsShared(manager, attempt.organizationId);
    const version = await this.versionItems.get(attempt.versionId, manager);
    const [scores, answers] = await Promise.all([
      manager.query<Contribution["scores"][number][]>(
        `SELECT s.slug AS skill, x.score, x.band, x.raw
           FROM attempt_score x JOIN skill s ON s.id = x.skill_id WHERE x.attempt_id = $1`,
        [attempt.id],
      ),
      storedAnswers(manager, attempt.id),
    ]);
    const items = itemPointsOf(version.items, answers);
    if (!items.ok) throw new Error(`Stored answers do not give item points: ${items.error.code}`);
    await manager.query(`UPDATE attempt SET counted = false WHERE id = $1`, [attempt.id]);
    await this.apply(manager, { attempt, scores, items: items.value }, -1);
  }

  /**
   * Adds (`sign` 1) or removes (-1) one response: an upsert or an update of the three tables
   * in one statement. Rows a removal leaves at zero are deleted, so the cells always equal what
   * a recount of the counted attempts gives.
   */
  private async apply(manager: EntityManager, contribution: Contribution, sign: 1 | -1) {
    const { attempt, scores, items } = contribution;
    const today = this.now();
    const runningMonth = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), 1));
    const params = [
      attempt.id,
      JSON.stringify(scores),
      JSON.stringify(items),
      attempt.versionId,
      runningMonth.toISOString().slice(0, 10),
    ];
    // The cell key comes from the attempt row itself, so adding and removing agree on it.
    const inputs = `
      cell AS (SELECT t.organization_id, t.assessment_id, ${CELL_OF}
                 FROM attempt t WHERE t.id = $1),
      scores AS (
        SELECT s.id AS skill_id, v.score::bigint AS score, v.raw::bigint AS raw, v.band
          FROM jsonb_to_recordset($2::jsonb) AS v(skill text, score int, band text, raw int)
          JOIN skill s ON s.slug = v.skill),
      items AS (
        SELECT s.id AS skill_id, v."itemId"::uuid AS item_id, v.points::bigint AS points
          FROM jsonb_to_recordset($3::jsonb) AS v(skill text, "itemId" text, points int)
          JOIN skill s ON s.slug = v.skill),
      ${ENDED_MONTH_CHANGED}`;
    const counts = `SELECT (SELECT count(*) FROM responses)::int AS responses,
                           (SELECT count(*) FROM skills)::int AS skills,
                           (SELECT count(*) FROM item_points)::int AS items`;
    const key = `organization_id, assessment_id, month, team, department`;

    if (sign === 1) {
      await manager.query(
        `WITH ${inputs},
              responses AS (
                INSERT INTO report_cell AS r (${key}, responses) SELECT ${key}, 1 FROM cell
                ON CONFLICT (${key}) DO UPDATE SET responses = r.responses + 1
                RETURNING 1),
              skills AS (
                INSERT INTO report_skill_cell AS r (${key}, skill_id, version_id, n, score_sum,
                  score_sum_squares, raw_sum, raw_sum_squares, emerging, developing, strong)
                SELECT ${key}, x.skill_id, $4, 1, x.score, x.score * x.score, x.raw,
                       x.raw * x.raw, (x.band = 'EMERGING')::int, (x.band = 'DEVELOPING')::int,
                       (x.band = 'STRONG')::int
                  FROM cell, scores x
                ON CONFLICT (${key}, skill_id, version_id) DO UPDATE SET
                  n = r.n + 1, score_sum = r.score_sum + EXCLUDED.score_sum,
                  score_sum_squares = r.score_sum_squares + EXCLUDED.score_sum_squares,
                  raw_sum = r.raw_sum + EXCLUDED.raw_sum,
                  raw_sum_squares = r.raw_sum_squares + EXCLUDED.raw_sum_squares,
                  emerging = r.emerging + EXCLUDED.emerging,
                  developing = r.developing + EXCLUDED.developing,
                  strong = r.strong + EXCLUDED.strong
                RETURNING 1),
              item_points AS (
                INSERT INTO report_item_cell AS r (${key}, skill_id, version_id, item_id, n,
                  points_sum, points_sum_squares)
                SELECT ${key}, x.skill_id, $4, x.item_id, 1, x.points, x.points * x.points
                  FROM cell, items x
                ON CONFLICT (${key}, skill_id, version_id, item_id) DO UPDATE SET
                  n = r.n + 1, points_sum = r.points_sum + EXCLUDED.points_sum,
                  points_sum_squares = r.points_sum_squares + EXCLUDED.points_sum_squares
                RETURNING 1)
         ${counts}`,
        params,
      );
      return;
    }

    const [removed] = await manager.query<{ responses: number; skills: number; items: number }[]>(
      `WITH ${inputs},
            responses AS (
              UPDATE report_cell r SET responses = r.responses - 1 FROM cell c
               WHERE ${SAME_CELL} RETURNING 1),
            skills AS (
              UPDATE report_skill_cell r SET
                n = r.n - 1, score_sum = r.score_sum - x.score,
                score_sum_squares = r.score_sum_squares - x.score * x.score,
                raw_sum = r.raw_sum - x.raw, raw_sum_squares = r.raw_sum_squares - x.raw * x.raw,
                emerging = r.emerging - (x.band = 'EMERGING')::int,
                developing = r.developing - (x.band = 'DEVELOPING')::int,
                strong = r.strong - (x.band = 'STRONG')::int
                FROM cell c, scores x
               WHERE ${SAME_CELL} AND r.skill_id = x.skill_id AND r.version_id = $4
              RETURNING 1),
            item_points AS (
              UPDATE report_item_cell r SET
                n = r.n - 1, points_sum = r.points_sum - x.points,
                points_sum_squares = r.points_sum_squares - x.points * x.points
                FROM cell c, items x
               WHERE ${SAME_CELL} AND r.skill_id = x.skill_id AND r.version_id = $4
                 AND r.item_id = x.item_id
              RETURNING 1)
       ${counts}`,
      params,
    );
    // Every row a response added must be there to remove it from; anything else is a bug that
    // would silently skew HR's figures, so the transaction fails instead.
    if (
      removed?.responses !== 1 ||
      removed.skills !== scores.length ||
      removed.items !== items.length
    ) {
      throw new Error(`Report cells of attempt ${attempt.id} do not hold its response.`);
    }
    await manager.query(
      `WITH cell AS (SELECT t.organization_id, t.assessment_id, ${CELL_OF}
                       FROM attempt t WHERE t.id = $1),
            responses AS (
              DELETE FROM report_cell r USING cell c WHERE ${SAME_CELL} AND r.responses = 0
              RETURNING 1),
            skills AS (
              DELETE FROM report_skill_cell r USING cell c WHERE ${SAME_CELL} AND r.n = 0
              RETURNING 1),
            item_points AS (
              DELETE FROM report_item_cell r USING cell c WHERE ${SAME_CELL} AND r.n = 0
              RETURNING 1)
       ${counts}`,
      [attempt.id],
    );
  }
}

/**
 * Many submits change an organisation's cells at once; a recount (report-recount.ts) rebuilds
 * them alone. A transaction-scoped advisory lock, shared here and exclusive there.
 */
async function lockCellsShared(manager: EntityManager, organizationId: string): Promise<void> {
  await manager.query(`SELECT pg_advisory_xact_lock_shared(hashtext('report-cells:' || $1))`, [
    organizationId,
  ]);
}

/** An attempt's stored answers in the shape scoring takes. */
export async function storedAnswers(
  manager: EntityManager,
  attemptId: string,
): Promise<ScoringAnswer[]> {
  const rows = await manager.query<
    { itemId: string; optionId: string | null; value: number | null; text: string | null }[]
  >(
    `SELECT item_id AS "itemId", option_id AS "optionId", value, text
       FROM answer WHERE attempt_id = $1`,
    [attemptId],
  );
  return rows.map(({ itemId, optionId, value, text }) =>
    optionId !== null
      ? { itemId, optionId }
      : value !== null
        ? { itemId, value }
        : { itemId, text: text ?? "" },
  );
}
