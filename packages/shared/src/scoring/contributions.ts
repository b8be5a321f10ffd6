import { LIKERT_SCALE, SKILL_SLUGS, type SkillSlug } from "../domain.js";
import type { ResolvedAnswer } from "./resolve-answers.js";

/** What one answered item adds to one skill: the points earned and the range it could span. */
export interface Contribution {
  skill: SkillSlug;
  points: number;
  min: number;
  max: number;
}

/**
 * The contributions of one answered item. An item whose range for a skill is empty (every
 * option weighs the same) says nothing about that skill, so it contributes nothing and is not
 * counted as answered for it; this keeps constant weights from inflating `answered`.
 */
export function contributionsOf(answer: ResolvedAnswer): Contribution[] {
  if ("value" in answer) {
    // Agreement maps to 0–4 points; reverse keying mirrors the scale so that 1 earns the most.
    const { value, item } = answer;
    const points = item.reverseKeyed ? LIKERT_SCALE.max - value : value - LIKERT_SCALE.min;
    return [{ skill: item.skill, points, min: 0, max: LIKERT_SCALE.max - LIKERT_SCALE.min }];
  }

  const { item, option } = answer;
  const contributions: Contribution[] = [];
  // SKILL_SLUGS drives the loop so that keys outside the vocabulary in stored weights are ignored.
  for (const skill of SKILL_SLUGS) {
    if (!item.options.some((candidate) => candidate.weights[skill] !== undefined)) continue;
    const weights = item.options.map((candidate) => candidate.weights[skill] ?? 0);
    const min = Math.min(...weights);
    const max = Math.max(...weights);
    if (max > min) contributions.push({ skill, points: option.weights[skill] ?? 0, min, max });
  }
  return contributions;
}
