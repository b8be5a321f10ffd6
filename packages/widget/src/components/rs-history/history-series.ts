import type { Band } from "@real-skills/shared";
import type { HistoryAttempt } from "../../api-client/index.js";

/** One score of one skill in one submitted attempt. */
export interface HistoryPoint {
  attemptId: string;
  submittedAt: string;
  assessment: string;
  score: number;
  band: Band;
}

export interface SkillSeries {
  slug: string;
  name: string;
  /** Oldest first, the way a chart over time reads. */
  points: HistoryPoint[];
}

/**
 * Regroups attempts (the API lists them newest first) into one series per skill, oldest point
 * first. Skills keep the order in which they first appear, so the chart order is stable.
 */
export function toSeries(attempts: readonly HistoryAttempt[]): SkillSeries[] {
  const series = new Map<string, SkillSeries>();
  for (const attempt of [...attempts].reverse()) {
    for (const { skill, score, band } of attempt.result?.scores ?? []) {
      let entry = series.get(skill.slug);
      if (!entry) {
        entry = { slug: skill.slug, name: skill.name, points: [] };
        series.set(skill.slug, entry);
      }
      entry.points.push({
        attemptId: attempt.id,
        submittedAt: attempt.submittedAt,
        assessment: attempt.assessment.title,
        score,
        band,
      });
    }
  }
  return [...series.values()];
}
