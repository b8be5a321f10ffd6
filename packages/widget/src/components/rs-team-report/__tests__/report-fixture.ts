import type { ReportGroup, ReportSkill, TeamReport } from "../../../api-client/index.js";

/** A skill's figures in the API's shape; the band counts add up to `participants`. */
export function skillFigures(slug: string, mean: number, participants = 6): ReportSkill {
  return {
    skill: { slug, name: slug.toUpperCase() },
    participants,
    mean,
    bands: { emerging: 1, developing: 2, strong: participants - 3 },
    reliability: { cronbachAlpha: 0.8123, participants },
  };
}

export function shownGroup(key: string, means: Record<string, number>): ReportGroup {
  const skills = Object.entries(means).map(([slug, mean]) => skillFigures(slug, mean));
  return { key, suppressed: false, participants: 6, skills };
}

export function hiddenGroup(key: string): ReportGroup {
  return { key, suppressed: true, participants: null, skills: [] };
}

/** A mocked `teamReport` answer: three months, one big team, one hidden, one not set. */
export function teamReport(overrides: Partial<TeamReport> = {}): TeamReport {
  return {
    groupBy: "TEAM",
    from: "2026-09",
    to: "2026-11",
    minGroupSize: 5,
    overall: {
      ...shownGroup("", { responsibility: 61.6, "decision-quality": 48.2 }),
      trend: [
        {
          month: "2026-09",
          participants: 4,
          skills: [{ skill: { slug: "responsibility" }, mean: 58.4 }],
        },
        { month: "2026-10", participants: 0, skills: [] },
        {
          month: "2026-11",
          participants: 8,
          skills: [
            { skill: { slug: "responsibility" }, mean: 63.5 },
            { skill: { slug: "decision-quality" }, mean: 48.2 },
          ],
        },
      ],
    },
    groups: [
      shownGroup("", { responsibility: 70, "decision-quality": 40 }),
      shownGroup("blue", { responsibility: 55, "decision-quality": 52 }),
      hiddenGroup("green"),
    ],
    ...overrides,
  };
}
