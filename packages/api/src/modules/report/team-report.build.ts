import {
  combineMoments,
  cronbachAlpha,
  EMPTY_MOMENTS,
  meanOf,
  standardDeviationOf,
  type Moments,
} from "@real-skills/shared";
import type { ReportGroup, ReportSkill, ScaleReliability } from "./team-report.types.js";

// What the report queries return. Every figure is already a sum over countable cells only
// (docs/decisions/0012-privacy-safe-aggregates.md); this module only combines and divides.

/** Responses of one group in one month: all of them, and those in countable cells. */
export interface ResponseRow {
  key: string;
  month: string;
  counted: number;
}

/** One skill in one group and month, over countable cells. */
export interface SkillRow {
  key: string;
  month: string;
  skillId: string;
  position: number;
  n: number;
  sum: number;
  sumSquares: number;
  emerging: number;
  developing: number;
  strong: number;
}

/** The scale total (raw points) of one skill and version in one group, over countable cells. */
export interface ScaleRow {
  key: string;
  skillId: string;
  versionId: string;
  versionNumber: number;
  n: number;
  sum: number;
  sumSquares: number;
}

/** One item of a skill's scale in one version and group, over the same cells as its scale row. */
export interface ItemRow {
  key: string;
  skillId: string;
  versionId: string;
  itemId: string;
  n: number;
  sum: number;
  sumSquares: number;
}

export interface ReportRows {
  responses: ResponseRow[];
  skills: SkillRow[];
  scales: ScaleRow[];
  items: ItemRow[];
}

/** The groups of a report, by key, and everyone together. */
export function buildGroups(
  rows: ReportRows,
  months: readonly string[],
): { groups: ReportGroup[]; overall: ReportGroup } {
  // One pass per table: a report can have thousands of groups.
  const responses = byKey(rows.responses);
  const skills = byKey(rows.skills);
  const scales = byKey(rows.scales);
  const items = byKey(rows.items);
  const groups = [...responses.keys()].sort(compareKeys).map((key) =>
    buildGroup(
      key,
      {
        responses: responses.get(key) ?? [],
        skills: skills.get(key) ?? [],
        scales: scales.get(key) ?? [],
        items: items.get(key) ?? [],
      },
      months,
    ),
  );
  // Everyone counted is the sum of the groups' countable cells: all the rows at once.
  return { groups, overall: buildGroup("", rows, months) };
}

function byKey<T extends { key: string }>(rows: readonly T[]): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const group = groups.get(row.key);
    if (group) group.push(row);
    else groups.set(row.key, [row]);
  }
  return groups;
}

function buildGroup(key: string, rows: ReportRows, months: readonly string[]): ReportGroup {
  const participants = rows.responses.reduce((total, row) => total + row.counted, 0);
  if (participants === 0) {
    const hasResponses = rows.responses.length > 0;
    return {
      key,
      suppressed: hasResponses,
      suppressionReason: hasResponses ? "BELOW_MIN_GROUP_SIZE" : null,
      participants: hasResponses ? null : 0,
      skills: [],
      trend: hasResponses ? [] : months.map((month) => ({ month, participants: 0, skills: [] })),
    };
  }

  const skillIds = [...new Map(rows.skills.map((row) => [row.skillId, row.position]))]
    .sort(([, a], [, b]) => a - b)
    .map(([skillId]) => skillId);
  const skills = skillIds.map((skillId): ReportSkill => {
    const ofSkill = rows.skills.filter((row) => row.skillId === skillId);
    const moments = ofSkill.reduce<Moments>(
      (total, row) => combineMoments(total, row),
      EMPTY_MOMENTS,
    );
    return {
      skillId,
      participants: moments.n,
      mean: meanOf(moments) ?? 0,
      standardDeviation: standardDeviationOf(moments),
      bands: {
        emerging: sumOf(ofSkill, "emerging"),
        developing: sumOf(ofSkill, "developing"),
        strong: sumOf(ofSkill, "strong"),
      },
      reliability: reliabilityOf(skillId, rows),
    };
  });

  const trend = months.map((month) => {
    const counted = rows.responses
      .filter((row) => row.month === month)
      .reduce((total, row) => total + row.counted, 0);
    const ofMonth = rows.skills.filter((row) => row.month === month);
    return {
      month,
      participants: counted,
      skills: skillIds.flatMap((skillId) => {
        const moments = ofMonth
          .filter((row) => row.skillId === skillId)
          .reduce<Moments>((total, row) => combineMoments(total, row), EMPTY_MOMENTS);
        const mean = meanOf(moments);
        return mean === null ? [] : [{ skillId, mean }];
      }),
    };
  });

  return { key, suppressed: false, suppressionReason: null, participants, skills, trend };
}

/**
 * α of the skill's scale in the version with the most responses (versions may differ in
 * items, so their responses cannot be pooled into one scale).
 */
function reliabilityOf(skillId: string, rows: ReportRows): ScaleReliability | null {
  const byVersion = new Map<string, { versionNumber: number; total: Moments }>();
  for (const row of rows.scales) {
    if (row.skillId !== skillId) continue;
    const entry = byVersion.get(row.versionId) ?? {
      versionNumber: row.versionNumber,
      total: EMPTY_MOMENTS,
    };
    byVersion.set(row.versionId, { ...entry, total: combineMoments(entry.total, row) });
  }
  const [chosen] = [...byVersion].sort(
    ([, a], [, b]) => b.total.n - a.total.n || b.versionNumber - a.versionNumber,
  );
  if (chosen === undefined) return null;
  const [versionId, { versionNumber, total }] = chosen;
  const items = new Map<string, Moments>();
  for (const row of rows.items) {
    if (row.skillId !== skillId || row.versionId !== versionId) continue;
    items.set(row.itemId, combineMoments(items.get(row.itemId) ?? EMPTY_MOMENTS, row));
  }
  const alpha = cronbachAlpha({ items: [...items.values()], total });
  if (alpha === null) return null;
  return { cronbachAlpha: alpha, participants: total.n, items: items.size, versionNumber };
}

function sumOf<K extends string>(rows: readonly Record<K, number>[], field: K): number {
  return rows.reduce((total, row) => total + row[field], 0);
}

/** "" (not set) last; otherwise in code-unit order, the same on every server. */
function compareKeys(a: string, b: string): number {
  if (a === "" || b === "") return a === "" ? (b === "" ? 0 : 1) : -1;
  return a < b ? -1 : a > b ? 1 : 0;
}
