import type { SkillSlug } from "../domain.js";
import { ok, type Result } from "../result.js";
import type { Answer } from "./answer.js";
import { contributionsOf } from "./contributions.js";
import { resolveAnswers } from "./resolve-answers.js";
import type { ScoringError } from "./scoring-error.js";
import type { ScoringItem } from "./scoring-item.js";

/** The points one answered item earned for one skill. */
export interface ItemPoints {
  skill: SkillSlug;
  itemId: string;
  points: number;
}

/**
 * The points behind `scoreAttempt`, item by item: per skill, the items of its scale and what
 * each earned. Summed per skill they give each `SkillScore.raw`; their spread across
 * respondents is what Cronbach's α of the skill's scale is computed from. Same checks and
 * errors as `scoreAttempt`; in item order.
 */
export function itemPointsOf(
  items: readonly ScoringItem[],
  answers: readonly Answer[],
): Result<ItemPoints[], ScoringError> {
  const resolved = resolveAnswers(items, answers);
  if (!resolved.ok) return resolved;
  const points: ItemPoints[] = [];
  for (const answer of resolved.value) {
    for (const contribution of contributionsOf(answer)) {
      points.push({
        skill: contribution.skill,
        itemId: answer.item.id,
        points: contribution.points,
      });
    }
  }
  return ok(points);
}
