import type { DataSource } from "typeorm";

/**
 * HR's report cells recomputed from scratch, for tests: written from ADR 0012 and the scoring
 * rules (packages/shared/src/scoring/contributions.ts), independently of `ReportCells`, which
 * maintains the stored cells incrementally. After any sequence of submits, retakes and erasures
 * `storedReportCells` must equal `recountReportCells`.
 */

/** One row of report_cell, report_skill_cell or report_item_cell, numbers as numbers. */
export type CellRow = Record<string, string | number>;

export interface ReportCellRows {
  cells: CellRow[];
  skillCells: CellRow[];
  itemCells: CellRow[];
}

type Queryable = Pick<DataSource, "query">;

const CELL_KEY = `organization_id, assessment_id, month, team, department`;

/**
 * The responses a recount counts: per organisation, subject, assessment and UTC month of
 * submission, the submitted attempt submitted last (a same-month retake replaces the earlier
 * one). Team and department as the attempt stored them, "" for none. `$1` is an organisation
 * id or null for all.
 */
const RESPONSES = `
  submitted AS (
    SELECT t.id, t.organization_id, t.subject, t.assessment_id, t.version_id, t.submitted_at,
           to_char(t.submitted_at AT TIME ZONE 'UTC', 'YYYY-MM') AS month,
           COALESCE(t.team, '') AS team, COALESCE(t.department, '') AS department
      FROM attempt t
     WHERE t.status = 'SUBMITTED' AND ($1::uuid IS NULL OR t.organization_id = $1::uuid)),
  responses AS (
    SELECT DISTINCT ON (organization_id, subject, assessment_id, month) *
      FROM submitted
     ORDER BY organization_id, subject, assessment_id, month, submitted_at DESC, id DESC)`;

/**
 * The points each counted answer earned per skill. LIKERT: agreement 1–5 gives value − 1, or
 * 5 − value when reverse-keyed. A choice item gives a skill the chosen option's weight (0 when
 * the option names none) for every skill whose weights differ between the item's options; a
 * skill weighted the same by every option is not measured by the item. Reflections: nothing.
 */
const ITEM_POINTS = `
  item_points AS (
    SELECT r.id AS attempt_id, i.skill_id, i.id AS item_id,
           CASE WHEN i.reverse_keyed THEN 5 - n.value ELSE n.value - 1 END AS points
      FROM responses r
      JOIN answer n ON n.attempt_id = r.id
      JOIN item i ON i.id = n.item_id
     WHERE i.kind = 'LIKERT'
    UNION ALL
    SELECT r.id, s.id, i.id, COALESCE((chosen.weights ->> s.slug)::int, 0)
      FROM responses r
      JOIN answer n ON n.attempt_id = r.id
      JOIN item i ON i.id = n.item_id
      JOIN item_option chosen ON chosen.id = n.option_id
      CROSS JOIN skill s
     WHERE i.kind IN ('SITUATIONAL', 'FORCED_CHOICE')
       AND EXISTS (SELECT 1 FROM item_option o
                    WHERE o.item_id = i.id AND o.weights ->> s.slug IS NOT NULL)
       AND (SELECT max(COALESCE((o.weights ->> s.slug)::int, 0)) - min(COALESCE((o.weights ->> s.slug)::int, 0))
              FROM item_option o WHERE o.item_id = i.id) > 0)`;

/** The attempts a recount counts, by id, sorted: compare with `attempt.counted`. */
export async function countableAttemptIds(
  db: Queryable,
  organizationId: string | null = null,
): Promise<string[]> {
  const rows = await db.query<{ id: string }[]>(
    `WITH ${RESPONSES} SELECT id::text FROM responses ORDER BY id`,
    [organizationId],
  );
  return rows.map((row) => row.id);
}

/** The cells recomputed from the counted responses' stored scores and answers. */
export async function recountReportCells(
  db: Queryable,
  organizationId: string | null = null,
): Promise<ReportCellRows> {
  const params = [organizationId];
  const cells = await db.query<CellRow[]>(
    `WITH ${RESPONSES}
     SELECT ${CELL_KEY}, count(*)::float8 AS responses
       FROM responses GROUP BY ${CELL_KEY}`,
    params,
  );
  const skillCells = await db.query<CellRow[]>(
    `WITH ${RESPONSES}
     SELECT r.organization_id, r.assessment_id, r.month, r.team, r.department, x.skill_id,
            r.version_id, count(*)::float8 AS n, sum(x.score)::float8 AS score_sum,
            sum(x.score * x.score)::float8 AS score_sum_squares, sum(x.raw)::float8 AS raw_sum,
            sum(x.raw * x.raw)::float8 AS raw_sum_squares,
            count(*) FILTER (WHERE x.band = 'EMERGING')::float8 AS emerging,
            count(*) FILTER (WHERE x.band = 'DEVELOPING')::float8 AS developing,
            count(*) FILTER (WHERE x.band = 'STRONG')::float8 AS strong
       FROM responses r JOIN attempt_score x ON x.attempt_id = r.id
      GROUP BY r.organization_id, r.assessment_id, r.month, r.team, r.department, x.skill_id,
               r.version_id`,
    params,
  );
  const itemCells = await db.query<CellRow[]>(
    `WITH ${RESPONSES}, ${ITEM_POINTS}
     SELECT r.organization_id, r.assessment_id, r.month, r.team, r.department, p.skill_id,
            r.version_id, p.item_id, count(*)::float8 AS n, sum(p.points)::float8 AS points_sum,
            sum(p.points * p.points)::float8 AS points_sum_squares
       FROM responses r JOIN item_points p ON p.attempt_id = r.id
      GROUP BY r.organization_id, r.assessment_id, r.month, r.team, r.department, p.skill_id,
               r.version_id, p.item_id`,
    params,
  );
  return sorted({ cells, skillCells, itemCells });
}

/** The cells as stored, in the same shape as `recountReportCells`. */
export async function storedReportCells(
  db: Queryable,
  organizationId: string | null = null,
): Promise<ReportCellRows> {
  const params = [organizationId];
  const key = `organization_id, assessment_id, to_char(month, 'YYYY-MM') AS month, team, department`;
  const ofOrganization = `WHERE $1::uuid IS NULL OR organization_id = $1::uuid`;
  const cells = await db.query<CellRow[]>(
    `SELECT ${key}, responses::float8 AS responses FROM report_cell ${ofOrganization}`,
    params,
  );
  const skillCells = await db.query<CellRow[]>(
    `SELECT ${key}, skill_id, version_id, n::float8 AS n, score_sum::float8 AS score_sum,
            score_sum_squares::float8 AS score_sum_squares, raw_sum::float8 AS raw_sum,
            raw_sum_squares::float8 AS raw_sum_squares, emerging::float8 AS emerging,
            developing::float8 AS developing, strong::float8 AS strong
       FROM report_skill_cell ${ofOrganization}`,
    params,
  );
  const itemCells = await db.query<CellRow[]>(
    `SELECT ${key}, skill_id, version_id, item_id, n::float8 AS n,
            points_sum::float8 AS points_sum, points_sum_squares::float8 AS points_sum_squares
       FROM report_item_cell ${ofOrganization}`,
    params,
  );
  return sorted({ cells, skillCells, itemCells });
}

// Rows in one order whatever the database's collation: by their key columns as JSON.
function sorted(rows: ReportCellRows): ReportCellRows {
  const keyOf = (row: CellRow) =>
    JSON.stringify(
      Object.entries(row)
        .filter(([, value]) => typeof value === "string")
        .sort(([a], [b]) => (a < b ? -1 : 1)),
    );
  const sort = (list: CellRow[]) =>
    list
      .map((row) => ({ ...row }))
      .sort((a, b) => (keyOf(a) < keyOf(b) ? -1 : keyOf(a) > keyOf(b) ? 1 : 0));
  return {
    cells: sort(rows.cells),
    skillCells: sort(rows.skillCells),
    itemCells: sort(rows.itemCells),
  };
}
