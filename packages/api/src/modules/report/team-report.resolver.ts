import { Arg, Ctx, FieldResolver, Query, Resolver, Root } from "type-graphql";
import { requireRole } from "../../auth/guards.js";
import { LocaleArg } from "../../common/locale-arg.js";
import type { Context } from "../../context.js";
import { Skill } from "../skill/skill.entity.js";
import { teamReportCsv } from "./team-report.csv.js";
import { ReportSkill, ReportSkillMean, TeamReport, TeamReportInput } from "./team-report.types.js";

/** HR's aggregate reports: ADMIN or ANALYST API keys, or an embed token with role analyst. */
@Resolver()
export class TeamReportResolver {
  @Query(() => TeamReport, {
    description:
      "Aggregates of one assessment by team, department or the whole organisation over whole months: participants, per-skill mean, standard deviation, bands, Cronbach's α and a monthly trend. Groups too small for the organisation's `minGroupSize` are suppressed (docs/analytics.md). ADMIN or ANALYST API key, or an embed token with role analyst.",
  })
  teamReport(
    @Arg("input", () => TeamReportInput, { description: "Assessment, grouping and months." })
    input: TeamReportInput,
    @LocaleArg() _locale: string | null,
    @Ctx() { principal, services }: Context,
  ): Promise<TeamReport> {
    return services.teamReports.report(requireRole(principal, "ADMIN", "ANALYST"), input);
  }

  @Query(() => String, {
    description:
      "The same report as CSV (RFC 4180): one row per group and skill over the range, then per month; suppressed groups without figures. ADMIN only.",
  })
  async teamReportCsv(
    @Arg("input", () => TeamReportInput, { description: "Assessment, grouping and months." })
    input: TeamReportInput,
    @Ctx() { principal, services, loaders }: Context,
  ): Promise<string> {
    const report = await services.teamReports.report(requireRole(principal, "ADMIN"), input);
    const ids = new Set(report.overall.skills.map((skill) => skill.skillId));
    for (const group of report.groups) for (const skill of group.skills) ids.add(skill.skillId);
    const skills = await Promise.all([...ids].map((id) => skillOf(id, loaders)));
    const slugs = new Map(skills.map((skill) => [skill.id, skill.slug]));
    return teamReportCsv(report, (id) => slugs.get(id) ?? id);
  }
}

@Resolver(() => ReportSkill)
export class ReportSkillResolver {
  @FieldResolver(() => Skill, { description: "The skill." })
  skill(@Root() row: ReportSkill, @Ctx() { loaders }: Context): Promise<Skill> {
    return skillOf(row.skillId, loaders);
  }
}

@Resolver(() => ReportSkillMean)
export class ReportSkillMeanResolver {
  @FieldResolver(() => Skill, { description: "The skill." })
  skill(@Root() row: ReportSkillMean, @Ctx() { loaders }: Context): Promise<Skill> {
    return skillOf(row.skillId, loaders);
  }
}

async function skillOf(id: string, loaders: Context["loaders"]): Promise<Skill> {
  const skill = await loaders.skillById.load(id);
  if (skill === null) throw new Error(`Report of missing skill ${id}.`);
  return skill;
}
