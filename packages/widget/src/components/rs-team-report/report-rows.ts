import type { ReportGroup, ReportSkill, TeamReport } from "../../api-client/index.js";
import type { Messages } from "../../i18n/index.js";
import type { Bar } from "../charts/bar-chart.js";
import type { TrendPoint } from "../charts/trend-chart.js";

/** A group as the report shows it: its name in words, and its figures if it has any. */
export interface GroupRow {
  name: string;
  group: ReportGroup;
}

/**
 * Everyone first, then each team or department in the API's order. Grouped by organisation,
 * the one group is everyone, so it is not listed twice. A key of "" is a team or department
 * that the embed tokens left out.
 */
export function groupRows(report: TeamReport, messages: Messages): GroupRow[] {
  const everyone = { name: messages.everyone, group: report.overall };
  if (report.groupBy === "ORGANIZATION") return [everyone];
  return [
    everyone,
    ...report.groups.map((group) => ({ name: group.key || messages.notSet, group })),
  ];
}

/** The skills the report has figures for, in skill order; none when every group is hidden. */
export function reportSkills(report: TeamReport): ReportSkill["skill"][] {
  const shown = [report.overall, ...report.groups].find((group) => group.skills.length > 0);
  return shown?.skills.map(({ skill }) => skill) ?? [];
}

export function skillOf(group: ReportGroup, slug: string): ReportSkill | undefined {
  return group.skills.find(({ skill }) => skill.slug === slug);
}

/**
 * One bar per group for one skill: its rounded average, or for a hidden group `hidden` (the
 * reason in words) and no figure at all. A shown group without answers to the skill gets "–".
 */
export function barsFor(rows: readonly GroupRow[], slug: string, hidden: string): Bar[] {
  return rows.map(({ name, group }) => {
    const mean = skillOf(group, slug)?.mean;
    return mean === undefined
      ? { name, note: group.suppressed ? hidden : "–" }
      : { name, score: Math.round(mean) };
  });
}

/**
 * Everyone's rounded average of one skill per month with responses. Each point keeps its
 * month's slot, so a month without responses leaves a gap in time rather than closing up.
 */
export function trendOf(report: TeamReport, slug: string): TrendPoint[] {
  return report.overall.trend.flatMap(({ month, participants, skills }, slot) => {
    const mean = skills.find(({ skill }) => skill.slug === slug)?.mean;
    return participants > 0 && mean !== undefined
      ? [{ at: month, score: Math.round(mean), slot }]
      : [];
  });
}
