import { ERROR_CODES, LIMITS } from "@real-skills/shared";
import type { DataSource } from "typeorm";
import type { OrganizationPrincipal } from "../../auth/principal.js";
import { apiError, badInput } from "../../common/errors.js";
import type { ReportGrouping } from "./report.enums.js";
import {
  buildGroups,
  type ItemRow,
  type ResponseRow,
  type ScaleRow,
  type SkillRow,
} from "./team-report.build.js";
import type { TeamReport, TeamReportInput } from "./team-report.types.js";

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

/** The group of a cell (table alias `alias`) in a grouping. Constants only, never input. */
function groupKey(grouping: ReportGrouping, alias: string): string {
  switch (grouping) {
    case "ORGANIZATION":
      return `''`;
    case "TEAM":
      return `${alias}.team`;
    case "DEPARTMENT":
      return `${alias}.department`;
  }
}

/** The cells of the organisation, assessment and months of the report ($1–$4). */
function inRange(alias: string): string {
  return `${alias}.organization_id = $1 AND ${alias}.assessment_id = $2
          AND ${alias}.month BETWEEN $3 AND $4`;
}

/**
 * HR's team reports (docs/decisions/0012-privacy-safe-aggregates.md, docs/analytics.md). They
 * read the report cells only, never attempts, so their cost depends on groups × months ×
 * skills, not on how many attempts there are. The privacy rule lives in the SQL below: a
 * team-department-month cell with fewer than `minGroupSize` responses is left out of every
 * figure, in its group and in every total, for every grouping and every range.
 */
export class TeamReportService {
  constructor(
    private readonly dataSource: DataSource,
    /** The current time; tests move it to read a month as if it had ended. */
    private readonly now: () => Date = () => new Date(),
  ) {}

  async report(caller: OrganizationPrincipal, input: TeamReportInput): Promise<TeamReport> {
    const { from, to, months } = monthRange(input.from, input.to, this.now());
    const [target] = await this.dataSource.query<{ assessmentId: string; minGroupSize: number }[]>(
      `SELECT a.id AS "assessmentId", o.min_group_size AS "minGroupSize"
         FROM organization o
         JOIN assessment a ON a.slug = $2 AND (a.organization_id IS NULL OR a.organization_id = o.id)
        WHERE o.id = $1
        ORDER BY a.organization_id IS NULL LIMIT 1`,
      [caller.organizationId, input.assessmentSlug],
    );
    if (!target) {
      throw apiError(
        ERROR_CODES.NOT_FOUND,
        `No assessment "${input.assessmentSlug}" is available to you.`,
      );
    }
    const group = (alias: string) => groupKey(input.groupBy, alias);
    const k = target.minGroupSize;
    const params = [caller.organizationId, target.assessmentId, `${from}-01`, `${to}-01`, k];
    const month = (alias: string) => `to_char(${alias}.month, 'YYYY-MM')`;

    const [responses, skills, scales, items] = await Promise.all([
      this.dataSource.query<ResponseRow[]>(
        `SELECT ${group("r")} AS key, ${month("r")} AS month,
                COALESCE(sum(r.responses) FILTER (WHERE r.responses >= $5), 0)::int AS counted
           FROM report_cell r WHERE ${inRange("r")} GROUP BY 1, 2`,
        params,
      ),
      // A skill counts in a cell when that skill has k responses there, over all versions.
      this.dataSource.query<SkillRow[]>(
        `WITH countable AS (
           SELECT month, team, department, skill_id, sum(n) AS n, sum(score_sum) AS sum,
                  sum(score_sum_squares) AS sum_squares, sum(emerging) AS emerging,
                  sum(developing) AS developing, sum(strong) AS strong
             FROM report_skill_cell x WHERE ${inRange("x")}
            GROUP BY month, team, department, skill_id HAVING sum(n) >= $5)
         SELECT ${group("c")} AS key, ${month("c")} AS month, c.skill_id AS "skillId", s.position,
                sum(c.n)::int AS n, sum(c.sum)::float8 AS sum,
                sum(c.sum_squares)::float8 AS "sumSquares", sum(c.emerging)::int AS emerging,
                sum(c.developing)::int AS developing, sum(c.strong)::int AS strong
           FROM countable c JOIN skill s ON s.id = c.skill_id
          GROUP BY 1, 2, 3, 4`,
        params,
      ),
      // α is per version (versions may differ in items): a cell's version counts when it has k
      // responses there.
      this.dataSource.query<ScaleRow[]>(
        `SELECT ${group("c")} AS key, c.skill_id AS "skillId", c.version_id AS "versionId",
                v.version AS "versionNumber", sum(c.n)::int AS n, sum(c.raw_sum)::float8 AS sum,
                sum(c.raw_sum_squares)::float8 AS "sumSquares"
           FROM report_skill_cell c JOIN assessment_version v ON v.id = c.version_id
          WHERE ${inRange("c")} AND c.n >= $5
          GROUP BY 1, 2, 3, 4`,
        params,
      ),
      this.dataSource.query<ItemRow[]>(
        `SELECT ${group("i")} AS key, i.skill_id AS "skillId",
                i.version_id AS "versionId", i.item_id AS "itemId", sum(i.n)::int AS n,
                sum(i.points_sum)::float8 AS sum, sum(i.points_sum_squares)::float8 AS "sumSquares"
           FROM report_item_cell i
           JOIN report_skill_cell c USING (organization_id, assessment_id, month, team, department,
                                           skill_id, version_id)
          WHERE ${inRange("i")} AND c.n >= $5
          GROUP BY 1, 2, 3, 4`,
        params,
      ),
    ]);

    const { groups, overall } = buildGroups({ responses, skills, scales, items }, months);
    return {
      assessmentSlug: input.assessmentSlug,
      groupBy: input.groupBy,
      from,
      to,
      months,
      minGroupSize: k,
      overall,
      groups,
    };
  }
}

/**
 * The months of the range, `YYYY-MM`, checked; by default the twelve months up to last month.
 * Only months that have ended are reported: a month's cells keep changing while people submit,
 * and two reads of the same report minutes apart would differ by exactly the people who
 * submitted in between. An ended month's cells change only by an erasure.
 */
export function monthRange(
  fromInput: string | null | undefined,
  toInput: string | null | undefined,
  now: Date,
): { from: string; to: string; months: string[] } {
  const lastEnded = monthIndex(now) - 1;
  const to = toInput == null ? lastEnded : parseMonth(toInput, "input.to");
  if (to > lastEnded) {
    throw badInput(
      "input.to",
      `must be a month that has ended (${monthName(lastEnded)} or earlier): a month is reported once it is over`,
    );
  }
  const from = fromInput == null ? to - 11 : parseMonth(fromInput, "input.from");
  if (from > to) throw badInput("input.from", "must not be after `to`");
  if (to - from + 1 > LIMITS.maxReportMonths) {
    throw badInput("input.to", `must be at most ${LIMITS.maxReportMonths} months from \`from\``);
  }
  const months: string[] = [];
  for (let index = from; index <= to; index += 1) months.push(monthName(index));
  return { from: monthName(from), to: monthName(to), months };
}

// Before any response could exist, and far enough from year 0 (which PostgreSQL's dates do not
// have) that a default `from` 11 months earlier is still a date.
const FIRST_YEAR = 2000;

function parseMonth(value: string, field: string): number {
  const match = MONTH.exec(value);
  if (!match) throw badInput(field, "must be a month written `YYYY-MM`, e.g. `2026-09`");
  const year = Number(match[1]);
  if (year < FIRST_YEAR) throw badInput(field, `must be a month from \`${FIRST_YEAR}-01\` on`);
  return year * 12 + Number(match[2]) - 1;
}

function monthIndex(date: Date): number {
  return date.getUTCFullYear() * 12 + date.getUTCMonth();
}

function monthName(index: number): string {
  return `${String(Math.floor(index / 12)).padStart(4, "0")}-${String((index % 12) + 1).padStart(2, "0")}`;
}
