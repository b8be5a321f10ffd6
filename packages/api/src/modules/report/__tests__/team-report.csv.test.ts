import { teamReportCsv } from "../team-report.csv.js";
import type { ReportGroup, TeamReport } from "../team-report.types.js";

// Group names come from the customer's tokens, so the CSV must survive any of them: a name a
// spreadsheet would run as a formula, and names that break naive splitting on commas and lines.

function suppressed(key: string): ReportGroup {
  return {
    key,
    suppressed: true,
    suppressionReason: "BELOW_MIN_GROUP_SIZE",
    participants: null,
    skills: [],
    trend: [],
  };
}

function reportWith(keys: readonly string[]): TeamReport {
  return {
    assessmentSlug: "decision-quality",
    groupBy: "TEAM",
    from: "2026-01",
    to: "2026-01",
    months: ["2026-01"],
    minGroupSize: 5,
    overall: suppressed(""),
    groups: keys.map(suppressed),
  };
}

/** The `group` field of each group row, as written. */
function groupFields(csv: string): string[] {
  // Two fields precede the group name and twelve follow it; none of them holds a comma.
  return csv
    .split("\r\n")
    .slice(2, -1)
    .map((line) => line.split(",").slice(2, -12).join(","));
}

describe("teamReportCsv", () => {
  it("prefixes names a spreadsheet would run as a formula with an apostrophe", () => {
    const keys = ["=1+1", "+1", "-2", "@SUM(A1)", "\tTab", "Plain", " =space first"];
    expect(groupFields(teamReportCsv(reportWith(keys), (id) => id))).toEqual([
      "'=1+1",
      "'+1",
      "'-2",
      "'@SUM(A1)",
      "'\tTab",
      "Plain",
      " =space first",
    ]);
  });

  it("quotes names holding quotes, commas or line breaks, doubling the quotes", () => {
    const csv = teamReportCsv(reportWith(['Say "hi"', "a,b", "two\nlines", "\rcr"]), (id) => id);
    expect(csv).toContain(',"Say ""hi""",');
    expect(csv).toContain(',"a,b",');
    expect(csv).toContain(',"two\nlines",');
    expect(csv).toContain(`,"'\rcr",`);
  });

  it("writes one row per suppressed group, with the reason and no figures", () => {
    const csv = teamReportCsv(reportWith(["Blue"]), (id) => id);
    expect(csv.split("\r\n")).toEqual([
      "scope,group_by,group,month,skill,participants,mean,standard_deviation,emerging,developing,strong,cronbach_alpha,alpha_participants,suppressed,suppression_reason",
      "overall,TEAM,,,,,,,,,,,,true,BELOW_MIN_GROUP_SIZE",
      "group,TEAM,Blue,,,,,,,,,,,true,BELOW_MIN_GROUP_SIZE",
      "",
    ]);
  });
});
