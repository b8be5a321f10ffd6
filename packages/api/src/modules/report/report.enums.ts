import { registerEnumType } from "type-graphql";
import { asEnum } from "../../common/enum.js";

export const REPORT_GROUPINGS = ["ORGANIZATION", "TEAM", "DEPARTMENT"] as const;
export type ReportGrouping = (typeof REPORT_GROUPINGS)[number];
export const ReportGroupingEnum = asEnum(REPORT_GROUPINGS);

export const SUPPRESSION_REASONS = ["BELOW_MIN_GROUP_SIZE"] as const;
export type SuppressionReason = (typeof SUPPRESSION_REASONS)[number];
export const SuppressionReasonEnum = asEnum(SUPPRESSION_REASONS);

registerEnumType(ReportGroupingEnum, {
  name: "ReportGrouping",
  description: "How a team report groups the people counted.",
  valuesConfig: {
    ORGANIZATION: { description: "One group: the whole organisation." },
    TEAM: { description: "By the `team` claim of the embed tokens at submission." },
    DEPARTMENT: { description: "By the `department` claim of the embed tokens at submission." },
  },
});

registerEnumType(SuppressionReasonEnum, {
  name: "SuppressionReason",
  description: "Why a group of a report shows no figures.",
  valuesConfig: {
    BELOW_MIN_GROUP_SIZE: {
      description:
        "Too few people: each of the group's team-department-month cells holds fewer than the organisation's `minGroupSize`, and such a cell is counted nowhere, not in any total either.",
    },
  },
});
