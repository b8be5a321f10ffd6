import type { SkillSlug } from "../domain.js";
import type { SkillScore } from "./score-attempt.js";
import { weakestSkills } from "./weakest-skills.js";

/** What recommending needs to know of a lesson. */
export interface RecommendableLesson {
  slug: string;
  skill: SkillSlug;
  /** Order within its skill, starting at 1: the first lesson is the way in. */
  position: number;
}

/** How many of the weakest skills lessons come from, and how many lessons at most. */
export const RECOMMENDATION_LIMITS = { skills: 2, lessons: 3 } as const;

/**
 * Lessons for the weakest skills of a result: the weakest skill's first lesson, then the next
 * weakest skill's first lesson, then second lessons in the same order, until the limit. Taking
 * turns keeps a single weak skill from crowding out the second one; with one skill scored, its
 * lessons fill the list. Deterministic for the same scores and lessons in any order.
 */
export function recommendLessons(
  scores: readonly SkillScore[],
  lessons: readonly RecommendableLesson[],
  limits: { skills: number; lessons: number } = RECOMMENDATION_LIMITS,
): RecommendableLesson[] {
  const queues = weakestSkills(scores, limits.skills).map(({ skill }) =>
    lessons
      .filter((lesson) => lesson.skill === skill)
      .sort((a, b) => a.position - b.position || (a.slug < b.slug ? -1 : 1)),
  );
  const picked: RecommendableLesson[] = [];
  for (let round = 0; picked.length < limits.lessons; round += 1) {
    const turn = queues.map((queue) => queue[round]).filter((lesson) => lesson !== undefined);
    if (turn.length === 0) break;
    picked.push(...turn.slice(0, limits.lessons - picked.length));
  }
  return picked;
}
