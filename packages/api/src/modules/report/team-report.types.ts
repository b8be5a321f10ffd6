import { Field, Float, InputType, Int, ObjectType } from "type-graphql";
import {
  ReportGroupingEnum,
  SuppressionReasonEnum,
  type ReportGrouping,
  type SuppressionReason,
} from "./report.enums.js";

@InputType({ description: "Which assessment, grouped how, over which months." })
export class TeamReportInput {
  @Field({ description: "The assessment reported on (a library one or the organisation's own)." })
  assessmentSlug: string;

  @Field(() => ReportGroupingEnum, { defaultValue: "TEAM", description: "How to group people." })
  groupBy: ReportGrouping;

  @Field(() => String, {
    nullable: true,
    description:
      "First month counted, `YYYY-MM` (UTC), inclusive. Default: 11 months before `to`, so a year.",
  })
  from?: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      "Last month counted, `YYYY-MM` (UTC), inclusive: a month that has ended, as the current month is reported once it is over. Default: last month. At most 36 months after `from`.",
  })
  to?: string | null;
}

@ObjectType({ description: "How many people of a group fell in each band of a skill." })
export class BandDistribution {
  @Field(() => Int, { description: "Scores below 40." })
  emerging: number;

  @Field(() => Int, { description: "Scores of 40–69." })
  developing: number;

  @Field(() => Int, { description: "Scores of 70 and above." })
  strong: number;
}

@ObjectType({ description: "Cronbach's α of a skill's items: how consistently they measure it." })
export class ScaleReliability {
  @Field(() => Float, {
    description:
      "Cronbach's α over the group's responses to the skill's items. Around 0.7 or more is usually read as consistent; it can be negative.",
  })
  cronbachAlpha: number;

  @Field(() => Int, { description: "Responses α was computed from." })
  participants: number;

  @Field(() => Int, { description: "Items in the skill's scale." })
  items: number;

  @Field(() => Int, {
    description:
      "The assessment version whose items these are: the one with the most responses in the range, as versions may differ in items.",
  })
  versionNumber: number;
}

@ObjectType({ description: "One skill's figures for one group." })
export class ReportSkill {
  skillId: string;

  @Field(() => Int, { description: "Responses behind the figures." })
  participants: number;

  @Field(() => Float, { description: "Mean score, 0–100." })
  mean: number;

  @Field(() => Float, {
    nullable: true,
    description: "Sample standard deviation of the scores; null below two responses.",
  })
  standardDeviation: number | null;

  @Field(() => BandDistribution, { description: "How the responses spread over the bands." })
  bands: BandDistribution;

  @Field(() => ScaleReliability, {
    nullable: true,
    description: "Cronbach's α of the skill's items; null when it cannot be computed.",
  })
  reliability: ScaleReliability | null;
}

@ObjectType({ description: "One skill's mean score in one month." })
export class ReportSkillMean {
  skillId: string;

  @Field(() => Float, { description: "Mean score, 0–100." })
  mean: number;
}

@ObjectType({ description: "One month of a group's trend." })
export class ReportTrendPoint {
  @Field({ description: "The month, `YYYY-MM` (UTC)." })
  month: string;

  @Field(() => Int, { description: "Responses counted in the month; 0 when none." })
  participants: number;

  @Field(() => [ReportSkillMean], { description: "Mean score per skill, in library order." })
  skills: ReportSkillMean[];
}

@ObjectType({ description: "One group of a team report, or the organisation as a whole." })
export class ReportGroup {
  @Field({
    description:
      'The team or department as the embed tokens name it. "" is the group of tokens that named none, and the organisation in `overall` and ORGANIZATION reports.',
  })
  key: string;

  @Field({ description: "True when the group shows no figures; `suppressionReason` says why." })
  suppressed: boolean;

  @Field(() => SuppressionReasonEnum, { nullable: true, description: "Why it is suppressed." })
  suppressionReason: SuppressionReason | null;

  @Field(() => Int, {
    nullable: true,
    description:
      "Responses counted: one per person and month (a retake in the same month replaces the earlier response). Null when suppressed.",
  })
  participants: number | null;

  @Field(() => [ReportSkill], {
    description: "Per-skill figures in library order; none when suppressed.",
  })
  skills: ReportSkill[];

  @Field(() => [ReportTrendPoint], {
    description: "One point per month of the range, oldest first; none when suppressed.",
  })
  trend: ReportTrendPoint[];
}

@ObjectType({
  description:
    "Aggregates of one assessment for HR: never an individual, never free text. Only team-department-month cells with at least `minGroupSize` responses are counted, in groups and totals alike, so no difference of figures (between groups, against a total, or between date ranges) describes fewer people.",
})
export class TeamReport {
  @Field({ description: "The assessment reported on." })
  assessmentSlug: string;

  @Field(() => ReportGroupingEnum, { description: "How the groups are formed." })
  groupBy: ReportGrouping;

  @Field({ description: "First month counted, `YYYY-MM`." })
  from: string;

  @Field({ description: "Last month counted, `YYYY-MM`." })
  to: string;

  @Field(() => [String], { description: "Every month of the range, `YYYY-MM`, oldest first." })
  months: string[];

  @Field(() => Int, { description: "The organisation's minimum group size the report applied." })
  minGroupSize: number;

  @Field(() => ReportGroup, { description: "Everyone counted, over all groups." })
  overall: ReportGroup;

  @Field(() => [ReportGroup], {
    description: "The groups, by key; suppressed ones are listed, without figures.",
  })
  groups: ReportGroup[];
}
