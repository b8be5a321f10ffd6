import { SKILL_SLUGS, type SkillSlug } from "../domain.js";
import { ok, type Result } from "../result.js";
import type { Answer } from "./answer.js";
import { bandFor, type Band } from "./band.js";
import { contributionsOf } from "./contributions.js";
import { normaliseScore } from "./normalise-score.js";
import { resolveAnswers } from "./resolve-answers.js";
import type { ScoringError } from "./scoring-error.js";
import type { ScoringItem } from "./scoring-item.js";

/** The result of one skill in one attempt. */
export interface SkillScore {
  skill: SkillSlug;
  /** 0–100 integer: where `raw` lies between `min` and `max`. */
  score: number;
  band: Band;
  /** Answered items that could tell something about this skill. */
  answered: number;
  /** Points earned over the answered items. */
  raw: number;
  /** Lowest and highest points the answered items could have earned. */
  min: number;
  max: number;
}

/**
 * Scores an attempt per skill (design §3). Only answered items count, so a partial attempt is
 * normalised against what its answered items could have earned, not against the whole
 * assessment.
 *
 * A skill is left out of the result, rather than given a made-up score, when no answered item
 * can tell anything about it: it has no answered items, or their minimum equals their maximum.
 * REFLECTION answers are checked but never scored.
 *
 * Skills come in `SKILL_SLUGS` order, which does not depend on how the items or answers were
 * ordered. Answers may come in any order; unknown items, answers that do not fit their item
 * and second answers to one item are returned as a `ScoringError` (never thrown).
 */
export function scoreAttempt(
  items: readonly ScoringItem[],
  answers: readonly Answer[],
): Result<SkillScore[], ScoringError> {
  const resolved = resolveAnswers(items, answers);
  if (!resolved.ok) return resolved;

  const totals = new Map<SkillSlug, { answered: number; raw: number; min: number; max: number }>();
  for (const answer of resolved.value) {
    for (const { skill, points, min, max } of contributionsOf(answer)) {
      const total = totals.get(skill) ?? { answered: 0, raw: 0, min: 0, max: 0 };
      total.answered += 1;
      total.raw += points;
      total.min += min;
      total.max += max;
      totals.set(skill, total);
    }
  }

  const scores: SkillScore[] = [];
  for (const skill of SKILL_SLUGS) {
    const total = totals.get(skill);
    // Every contribution has max > min, so any total here is informative.
    if (total === undefined) continue;
    const score = normaliseScore(total.raw, total.min, total.max);
    scores.push({ skill, score, band: bandFor(score), ...total });
  }
  return ok(scores);
}
