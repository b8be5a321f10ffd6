import type { DataSource } from "typeorm";
import { groupLoader } from "../../common/loader.js";
import type { Answer } from "./answer.entity.js";
import type { AttemptScore } from "./attempt-score.entity.js";

/** A stored score with its skill's slug, which recommending lessons needs. */
export type ScoreRow = AttemptScore & { skillSlug: string };

/**
 * Reads of attempts' children by attempt id. Callers hold attempts obtained through
 * `AttemptService`, which only returns the caller's own, so these need no owner check.
 */
export function createAttemptLoaders(dataSource: DataSource) {
  return {
    /** Answers in item order. */
    answersByAttemptId: groupLoader(
      (attemptIds: readonly string[]) =>
        dataSource.query<Answer[]>(
          `SELECT a.attempt_id AS "attemptId", a.item_id AS "itemId",
                  a.organization_id AS "organizationId", a.option_id AS "optionId", a.value,
                  a.text, a.sequence, a.saved_at AS "savedAt"
             FROM answer a JOIN item i ON i.id = a.item_id
            WHERE a.attempt_id = ANY($1) ORDER BY i.position`,
          [attemptIds],
        ),
      (answer) => answer.attemptId,
    ),
    /** Scores in library order of their skills. */
    scoresByAttemptId: groupLoader(
      (attemptIds: readonly string[]) =>
        dataSource.query<ScoreRow[]>(
          `SELECT sc.attempt_id AS "attemptId", sc.skill_id AS "skillId",
                  sc.organization_id AS "organizationId", sc.score, sc.band, sc.answered,
                  sc.raw, sc.min, sc.max, s.slug AS "skillSlug"
             FROM attempt_score sc JOIN skill s ON s.id = sc.skill_id
            WHERE sc.attempt_id = ANY($1) ORDER BY s.position`,
          [attemptIds],
        ),
      (score) => score.attemptId,
    ),
  };
}
