import type { GraphQLFormattedError } from "graphql";
import type { CreatedOrganization } from "../../organization/organization.service.js";
import type { TestApp } from "../../../test-support/harness.js";
import {
  countableAttemptIds,
  recountReportCells,
  storedReportCells,
} from "../../../test-support/report-recount.js";
import {
  dataOf,
  Employee,
  type AttemptView,
  type Choice,
  type ResultView,
} from "../../attempt/__tests__/attempt.fixtures.js";

/**
 * Operations, respondents and independent statistics for the team report tests. Everything HR
 * sees is read over real HTTP; everything it is checked against is computed here from what the
 * employees answered and were shown, not from the report code.
 */

const GROUP_FIELDS = `
  key suppressed suppressionReason participants
  skills {
    skill { slug } participants mean standardDeviation
    bands { emerging developing strong }
    reliability { cronbachAlpha participants items versionNumber }
  }
  trend { month participants skills { skill { slug } mean } }`;

export const TEAM_REPORT = `query($input: TeamReportInput!) {
  teamReport(input: $input) {
    assessmentSlug groupBy from to months minGroupSize
    overall { ${GROUP_FIELDS} }
    groups { ${GROUP_FIELDS} }
  }
}`;

export const TEAM_REPORT_CSV = `query($input: TeamReportInput!) { teamReportCsv(input: $input) }`;

export interface ReportSkillView {
  skill: { slug: string };
  participants: number;
  mean: number;
  standardDeviation: number | null;
  bands: { emerging: number; developing: number; strong: number };
  reliability: {
    cronbachAlpha: number;
    participants: number;
    items: number;
    versionNumber: number;
  } | null;
}

export interface ReportGroupView {
  key: string;
  suppressed: boolean;
  suppressionReason: string | null;
  participants: number | null;
  skills: ReportSkillView[];
  trend: {
    month: string;
    participants: number;
    skills: { skill: { slug: string }; mean: number }[];
  }[];
}

export interface TeamReportView {
  assessmentSlug: string;
  groupBy: "ORGANIZATION" | "TEAM" | "DEPARTMENT";
  from: string;
  to: string;
  months: string[];
  minGroupSize: number;
  overall: ReportGroupView;
  groups: ReportGroupView[];
}

export interface ReportInput {
  assessmentSlug: string;
  groupBy?: "ORGANIZATION" | "TEAM" | "DEPARTMENT";
  from?: string | null;
  to?: string | null;
}

export function teamReportCall(app: TestApp, token: string | undefined, input: ReportInput) {
  return app.http<{ teamReport: TeamReportView }>(TEAM_REPORT, { input }, { token });
}

/** The report, failing the test on any error. */
export async function teamReport(app: TestApp, token: string, input: ReportInput) {
  return dataOf(await teamReportCall(app, token, input)).teamReport;
}

export async function teamReportCsv(app: TestApp, token: string, input: ReportInput) {
  const result = await app.http<{ teamReportCsv: string }>(TEAM_REPORT_CSV, { input }, { token });
  return dataOf(result).teamReportCsv;
}

/** The group `key`; fails the test when the report does not list it. */
export function groupOf(report: TeamReportView, key: string): ReportGroupView {
  const group = report.groups.find((candidate) => candidate.key === key);
  if (!group) throw new Error(`no group ${JSON.stringify(key)} in ${report.groupBy} report`);
  return group;
}

/** A group as HR sees it, figures only: what two reports must agree on to reveal nothing. */
export function figuresOf(group: ReportGroupView) {
  const { participants, skills, suppressed } = group;
  return { participants, skills, suppressed };
}

export const errorOf = (result: { body: { errors?: readonly GraphQLFormattedError[] } }) =>
  result.body.errors?.[0]?.extensions;

/** One person who answered: their answers by item key, the attempt and what they were shown. */
export interface Response {
  employee: Employee;
  attempt: AttemptView;
  choices: Record<string, Choice>;
  result: ResultView;
}

/**
 * Answers that differ from person to person (so variances are not zero) but are fixed by
 * `seed`, for every item of the attempt; reflections get `reflection`.
 */
export function variedChoices(
  attempt: AttemptView,
  seed: number,
  reflection: string,
): Record<string, Choice> {
  const choices: Record<string, Choice> = {};
  for (const item of attempt.assessment.items) {
    const turn = seed * (item.position + 2) + item.position;
    if (item.kind === "LIKERT") choices[item.key] = 1 + (turn % 5);
    else if (item.kind === "REFLECTION") choices[item.key] = { text: reflection };
    else {
      const option = item.options[(seed * 3 + item.position) % item.options.length];
      if (!option) throw new Error(`item ${item.key} has no options`);
      choices[item.key] = option.key;
    }
  }
  return choices;
}

let submissions = 0;

/** `employee` starts, answers every item (`choose`) and submits, over HTTP. */
export async function respond(
  employee: Employee,
  assessmentSlug: string,
  choose: (attempt: AttemptView) => Record<string, Choice>,
): Promise<Response> {
  const attempt = await employee.started(assessmentSlug);
  const choices = choose(attempt);
  await employee.answered(attempt, choices);
  submissions += 1;
  const result = await employee.submitted(attempt.id, `report-test-${submissions}`);
  return { employee, attempt, choices, result };
}

/** Employees of one team and department who each answer `assessmentSlug` once, together. */
export async function cohort(
  app: TestApp,
  organization: CreatedOrganization,
  options: {
    prefix: string;
    size: number;
    team?: string;
    department?: string;
    assessmentSlug: string;
    seed?: number;
    reflection?: string;
  },
): Promise<Response[]> {
  const { prefix, size, team, department, assessmentSlug, seed = 0 } = options;
  return Promise.all(
    Array.from({ length: size }, async (_, index) => {
      const employee = await Employee.of(app, organization, `${prefix}-${index}`, {
        ...(team === undefined ? {} : { team }),
        ...(department === undefined ? {} : { department }),
      });
      const reflection = options.reflection ?? "no secret here";
      return respond(employee, assessmentSlug, (attempt) =>
        variedChoices(attempt, seed + index, reflection),
      );
    }),
  );
}

/** The month of a submission, `YYYY-MM` (UTC). */
export const monthOf = (response: Response) => response.result.submittedAt.slice(0, 7);

export function previousMonth(month: string): string {
  const [year, number] = month.split("-").map(Number) as [number, number];
  const index = year * 12 + number - 2;
  return `${String(Math.floor(index / 12))}-${String((index % 12) + 1).padStart(2, "0")}`;
}

/**
 * Moves a cohort's submissions one month back: the attempts' `submitted_at` and the cells of
 * their team and department that month (the cohort must be all of those cells). A recount must
 * still equal the cells afterwards.
 */
export async function moveToPreviousMonth(
  app: TestApp,
  responses: readonly Response[],
  cell: { organizationId: string; team: string; department: string },
): Promise<void> {
  const db = app.database.dataSource;
  const [first] = responses;
  if (!first) throw new Error("no responses to move");
  const month = `${monthOf(first)}-01`;
  const assessmentId = first.attempt.assessment.id;
  await db.transaction(async (manager) => {
    for (const { attempt } of responses) {
      await manager.query(
        `UPDATE attempt SET submitted_at = submitted_at - interval '1 month',
                            started_at = started_at - interval '1 month',
                            updated_at = updated_at - interval '1 month'
          WHERE id = $1`,
        [attempt.id],
      );
    }
    for (const table of ["report_cell", "report_skill_cell", "report_item_cell"]) {
      await manager.query(
        `UPDATE ${table} SET month = (month - interval '1 month')::date
          WHERE organization_id = $1 AND assessment_id = $2 AND team = $3 AND department = $4
            AND month = $5::date`,
        [cell.organizationId, assessmentId, cell.team, cell.department, month],
      );
    }
  });
}

/** The stored cells equal a recount from the attempts, and `counted` marks exactly those. */
export async function expectCellsToMatchRecount(app: TestApp): Promise<void> {
  const db = app.database.dataSource;
  expect(await storedReportCells(db)).toEqual(await recountReportCells(db));
  const counted = await db.query<{ id: string }[]>(
    `SELECT id::text FROM attempt WHERE counted ORDER BY id`,
  );
  expect(counted.map((row) => row.id)).toEqual(await countableAttemptIds(db));
}

// Statistics written out plainly, two-pass, to check the report's running sums against.

export function mean(values: readonly number[]): number {
  return values.reduce((total, value) => total + value, 0) / values.length;
}

export function sampleVariance(values: readonly number[]): number {
  const centre = mean(values);
  return values.reduce((total, value) => total + (value - centre) ** 2, 0) / (values.length - 1);
}

/** Cronbach's α of respondents × items points, or null when it is undefined. */
export function cronbachAlpha(points: readonly (readonly number[])[]): number | null {
  const items = points[0]?.length ?? 0;
  if (items < 2 || points.length < 2) return null;
  const totals = points.map((row) => row.reduce((total, value) => total + value, 0));
  const totalVariance = sampleVariance(totals);
  if (totalVariance === 0) return null;
  let itemVariances = 0;
  for (let item = 0; item < items; item += 1) {
    itemVariances += sampleVariance(points.map((row) => row[item] ?? Number.NaN));
  }
  return (items / (items - 1)) * (1 - itemVariances / totalVariance);
}

/** How an item scores, read from the database as authored. */
export interface ScaleItem {
  id: string;
  key: string;
  kind: string;
  skill: string | null;
  reverseKeyed: boolean;
  options: { key: string; weights: Record<string, number> }[];
}

export async function scaleItems(app: TestApp, versionId: string): Promise<ScaleItem[]> {
  const rows = await app.database.dataSource.query<
    {
      id: string;
      key: string;
      kind: string;
      skill: string | null;
      reverseKeyed: boolean;
      optionKey: string | null;
      weights: Record<string, number> | string | null;
    }[]
  >(
    `SELECT i.id, i.key, i.kind, s.slug AS skill, i.reverse_keyed AS "reverseKeyed",
            o.key AS "optionKey", o.weights
       FROM item i LEFT JOIN skill s ON s.id = i.skill_id
       LEFT JOIN item_option o ON o.item_id = i.id
      WHERE i.version_id = $1 ORDER BY i.position, o.position`,
    [versionId],
  );
  const items = new Map<string, ScaleItem>();
  for (const row of rows) {
    const item = items.get(row.id) ?? {
      id: row.id,
      key: row.key,
      kind: row.kind,
      skill: row.skill,
      reverseKeyed: row.reverseKeyed,
      options: [],
    };
    if (row.optionKey !== null) {
      const weights = typeof row.weights === "string" ? JSON.parse(row.weights) : row.weights;
      item.options.push({ key: row.optionKey, weights: (weights ?? {}) as Record<string, number> });
    }
    items.set(row.id, item);
  }
  return [...items.values()];
}

/**
 * The points one person's answers earned, per skill and item key: LIKERT value − 1 (5 − value
 * reverse-keyed); a choice item the chosen option's weight for each skill its options weigh
 * differently; reflections nothing.
 */
export function pointsOf(
  items: readonly ScaleItem[],
  choices: Record<string, Choice>,
): Map<string, Map<string, number>> {
  const points = new Map<string, Map<string, number>>();
  const add = (skill: string, key: string, value: number) =>
    points.set(skill, (points.get(skill) ?? new Map<string, number>()).set(key, value));
  for (const item of items) {
    const choice = choices[item.key];
    if (choice === undefined) continue;
    if (item.kind === "LIKERT" && typeof choice === "number" && item.skill !== null) {
      add(item.skill, item.key, item.reverseKeyed ? 5 - choice : choice - 1);
    } else if (typeof choice === "string") {
      const chosen = item.options.find((option) => option.key === choice);
      if (!chosen) throw new Error(`no option ${choice} on ${item.key}`);
      const skills = new Set(item.options.flatMap((option) => Object.keys(option.weights)));
      for (const skill of skills) {
        const weights = item.options.map((option) => option.weights[skill] ?? 0);
        if (Math.max(...weights) > Math.min(...weights)) {
          add(skill, item.key, chosen.weights[skill] ?? 0);
        }
      }
    }
  }
  return points;
}

/** What a group's figures add up to: n, Σ and Σ² per skill, recovered from mean and SD. */
export function sumsOf(group: ReportGroupView) {
  return {
    participants: group.participants ?? 0,
    skills: Object.fromEntries(
      group.skills.map((skill) => {
        const { participants: n, mean: m, standardDeviation: sd } = skill;
        return [
          skill.skill.slug,
          {
            n,
            sum: m * n,
            sumSquares: (n - 1) * (sd ?? 0) ** 2 + n * m * m,
            ...skill.bands,
          },
        ];
      }),
    ),
  };
}

/** A moment in the first day of next month (UTC): "now" for reading this month as ended. */
export function startOfNextMonth(): Date {
  const now = new Date();
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 1, 1));
}
