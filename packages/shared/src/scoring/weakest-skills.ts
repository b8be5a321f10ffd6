import type { SkillScore } from "./score-attempt.js";

/**
 * The `n` lowest-scoring skills, lowest first, to pick recommended lessons from. Equal scores are
 * ordered by skill slug (code-unit order, not locale order) so every server recommends the same.
 */
export function weakestSkills(scores: readonly SkillScore[], n: number): SkillScore[] {
  const count = Math.max(0, Math.floor(n));
  return [...scores]
    .sort((a, b) => a.score - b.score || (a.skill < b.skill ? -1 : a.skill > b.skill ? 1 : 0))
    .slice(0, count);
}
