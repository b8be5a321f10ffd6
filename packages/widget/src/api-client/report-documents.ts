import type { ApiLocale } from "./documents.js";
import type { TypedDocument } from "./graphql-request.js";

/** The API's `ReportGrouping` enum. */
export type ReportGrouping = "TEAM" | "DEPARTMENT" | "ORGANIZATION";

export interface ReportSkill {
  skill: { slug: string; name: string };
  participants: number;
  mean: number;
  bands: { emerging: number; developing: number; strong: number };
  reliability: { cronbachAlpha: number; participants: number } | null;
}

export interface ReportTrendPoint {
  month: string;
  participants: number;
  skills: { skill: { slug: string }; mean: number }[];
}

/** One team, department or the organisation; a suppressed group carries no figures at all. */
export interface ReportGroup {
  key: string;
  suppressed: boolean;
  participants: number | null;
  skills: ReportSkill[];
}

export interface TeamReport {
  groupBy: ReportGrouping;
  from: string;
  to: string;
  minGroupSize: number;
  /** Everyone counted; its monthly trend is the only one the element asks for. */
  overall: ReportGroup & { trend: ReportTrendPoint[] };
  groups: ReportGroup[];
}

export interface TeamReportInput {
  assessmentSlug: string;
  groupBy: ReportGrouping;
  from?: string;
  to?: string;
}

const GROUP_FIELDS = `key suppressed participants
    skills { skill { slug name } participants mean bands { emerging developing strong }
      reliability { cronbachAlpha participants } }`;

/** The aggregate report that `<rs-team-report>` draws: analyst tokens only. */
export const TEAM_REPORT_QUERY: TypedDocument<
  { teamReport: TeamReport },
  { input: TeamReportInput; locale: ApiLocale }
> = {
  operationName: "WidgetTeamReport",
  query: `query WidgetTeamReport($input: TeamReportInput!, $locale: Locale) {
  teamReport(input: $input, locale: $locale) {
    groupBy from to minGroupSize
    overall { ${GROUP_FIELDS} trend { month participants skills { skill { slug } mean } } }
    groups { ${GROUP_FIELDS} }
  }
}`,
};
