import type { TeamReport } from "./team-report.types.js";

const COLUMNS = [
  "scope",
  "group_by",
  "group",
  "month",
  "skill",
  "participants",
  "mean",
  "standard_deviation",
  "emerging",
  "developing",
  "strong",
  "cronbach_alpha",
  "alpha_participants",
  "suppressed",
  "suppression_reason",
] as const;

type Cell = string | number | boolean | null | undefined;

/**
 * A team report as CSV (RFC 4180, CRLF): for the overall group and each group, one row per
 * skill over the whole range (`month` empty) and one per skill and month of the trend; a
 * suppressed group is one row with no figures. Exactly what `teamReport` shows, nothing more.
 */
export function teamReportCsv(report: TeamReport, slugOf: (skillId: string) => string): string {
  const lines: Cell[][] = [[...COLUMNS]];
  const groups = [
    { scope: "overall", group: report.overall },
    ...report.groups.map((group) => ({ scope: "group", group })),
  ];
  for (const { scope, group } of groups) {
    const base = { scope, group_by: report.groupBy, group: group.key };
    if (group.suppressed) {
      lines.push(row({ ...base, suppressed: true, suppression_reason: group.suppressionReason }));
      continue;
    }
    for (const skill of group.skills) {
      lines.push(
        row({
          ...base,
          skill: slugOf(skill.skillId),
          participants: skill.participants,
          mean: round(skill.mean),
          standard_deviation: round(skill.standardDeviation),
          emerging: skill.bands.emerging,
          developing: skill.bands.developing,
          strong: skill.bands.strong,
          cronbach_alpha: round(skill.reliability?.cronbachAlpha),
          alpha_participants: skill.reliability?.participants,
          suppressed: false,
        }),
      );
    }
    for (const point of group.trend) {
      for (const skill of point.skills) {
        lines.push(
          row({
            ...base,
            month: point.month,
            skill: slugOf(skill.skillId),
            participants: point.participants,
            mean: round(skill.mean),
            suppressed: false,
          }),
        );
      }
    }
  }
  return lines.map((line) => line.map(field).join(",")).join("\r\n") + "\r\n";
}

function row(values: Partial<Record<(typeof COLUMNS)[number], Cell>>): Cell[] {
  return COLUMNS.map((column) => values[column]);
}

function round(value: number | null | undefined): number | null {
  return value == null ? null : Math.round(value * 1000) / 1000;
}

/**
 * One CSV field. Team and department names come from tokens, so a name that a spreadsheet
 * would run as a formula (`=`, `+`, `-`, `@`, tab, CR) is prefixed with `'` (OWASP CSV
 * injection); numbers are written as they are.
 */
function field(value: Cell): string {
  if (value === null || value === undefined) return "";
  if (typeof value !== "string") return String(value);
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}
