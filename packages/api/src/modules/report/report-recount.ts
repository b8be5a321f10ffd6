import type { DataSource } from "typeorm";

/**
 * Rebuilds an organisation's report cells from its stored attempts, in bulk and in one
 * transaction: marks as counted the last submitted attempt per person, assessment and UTC month,
 * deletes the cells and sums them again (ADR 0012). For data loaded around the API — the
 * benchmark generator's COPY — and for operators (`realskills report recount`); the API keeps
 * the cells up to date by itself (`ReportCells`), and the two must agree.
 */
export async function recountReportCells(
  dataSource: DataSource,
  organizationId: string,
): Promise<{ cells: number; skillCells: number; itemCells: number }> {
  return dataSource.transaction(async (manager) => {
    // The cells change wholesale: lock them against submits and erasures of this organisation.
    await manager.query(`SELECT pg_advisory_xact_lock(hashtext('report-cells:' || $1))`, [
      organizationId,
    ]);
    await manager.query(
      `WITH latest AS (
         SELECT DISTINCT ON (subject, assessment_id,
                             date_trunc('month', submitted_at AT TIME ZONE 'UTC')) id
           FROM attempt
          WHERE organization_id = $1 AND status = 'SUBMITTED'
          ORDER BY subject, assessment_id, date_trunc('month', submitted_at AT TIME ZONE 'UTC'),
                   submitted_at DESC, id DESC),
       marked AS (
         UPDATE attempt t SET counted = (t.id IN (SELECT id FROM latest))
          WHERE t.organization_id = $1 AND (t.counted OR t.id IN (SELECT id FROM latest))
         RETURNING 1)
       SELECT count(*) FROM marked`,
      [organizationId],
    );
    for (const table of ["report_item_cell", "report_skill_cell", "report_cell"]) {
      await manager.query(
        `WITH gone AS (DELETE FROM ${table} WHERE organization_id = $1 RETURNING 1)
         SELECT count(*) FROM gone`,
        [organizationId],
      );
    }
    const counted = `
      counted AS (
        SELECT t.id, t.organization_id, t.assessment_id, t.version_id,
               date_trunc('month', t.submitted_at AT TIME ZONE 'UTC')::date AS month,
               COALESCE(t.team, '') AS team, COALESCE(t.department, '') AS department
          FROM attempt t WHERE t.organization_id = $1 AND t.counted)`;
    const key = `organization_id, assessment_id, month, team, department`;
    const [cells] = await manager.query<{ count: number }[]>(
      `WITH ${counted},
            inserted AS (
              INSERT INTO report_cell (${key}, responses)
              SELECT ${key}, count(*) FROM counted GROUP BY ${key} RETURNING 1)
       SELECT count(*)::int FROM inserted`,
      [organizationId],
    );
    const [skillCells] = await manager.query<{ count: number }[]>(
      `WITH ${counted},
            inserted AS (
              INSERT INTO report_skill_cell (${key}, skill_id, version_id, n, score_sum,
                score_sum_squares, raw_sum, raw_sum_squares, emerging, developing, strong)
              SELECT c.organization_id, c.assessment_id, c.month, c.team, c.department,
                     s.skill_id, c.version_id, count(*), sum(s.score), sum(s.score::bigint * s.score),
                     sum(s.raw), sum(s.raw::bigint * s.raw),
                     count(*) FILTER (WHERE s.band = 'EMERGING'),
                     count(*) FILTER (WHERE s.band = 'DEVELOPING'),
                     count(*) FILTER (WHERE s.band = 'STRONG')
                FROM counted c JOIN attempt_score s ON s.attempt_id = c.id
               GROUP BY c.organization_id, c.assessment_id, c.month, c.team, c.department,
                        s.skill_id, c.version_id
              RETURNING 1)
       SELECT count(*)::int FROM inserted`,
      [organizationId],
    );
    // An item's points per skill, as shared scoring gives them (contributions.ts): LIKERT
    // agreement 1–5 is 0–4 points (mirrored when reverse-keyed); a choice item gives each skill
    // whose weights differ between its options the chosen option's weight.
    const [itemCells] = await manager.query<{ count: number }[]>(
      `WITH ${counted},
            informative AS (
              SELECT o.item_id, s.id AS skill_id, s.slug
                FROM item_option o CROSS JOIN skill s
               WHERE o.item_id IN (SELECT i.id FROM item i
                                    WHERE i.version_id IN (SELECT version_id FROM counted))
               GROUP BY o.item_id, s.id, s.slug
              HAVING count(o.weights -> s.slug) > 0
                 AND max(COALESCE((o.weights ->> s.slug)::int, 0))
                   > min(COALESCE((o.weights ->> s.slug)::int, 0))),
            points AS (
              SELECT a.attempt_id, i.skill_id, i.id AS item_id,
                     CASE WHEN i.reverse_keyed THEN 5 - a.value ELSE a.value - 1 END AS points
                FROM answer a JOIN item i ON i.id = a.item_id
               WHERE a.organization_id = $1 AND i.kind = 'LIKERT'
                 AND a.attempt_id IN (SELECT id FROM counted)
              UNION ALL
              SELECT a.attempt_id, f.skill_id, a.item_id,
                     COALESCE((o.weights ->> f.slug)::int, 0)
                FROM answer a JOIN item_option o ON o.id = a.option_id
                JOIN informative f ON f.item_id = a.item_id
               WHERE a.organization_id = $1 AND a.attempt_id IN (SELECT id FROM counted)),
            inserted AS (
              INSERT INTO report_item_cell (${key}, skill_id, version_id, item_id, n,
                points_sum, points_sum_squares)
              SELECT c.organization_id, c.assessment_id, c.month, c.team, c.department,
                     p.skill_id, c.version_id, p.item_id, count(*), sum(p.points),
                     sum(p.points::bigint * p.points)
                FROM counted c JOIN points p ON p.attempt_id = c.id
               GROUP BY c.organization_id, c.assessment_id, c.month, c.team, c.department,
                        p.skill_id, c.version_id, p.item_id
              RETURNING 1)
       SELECT count(*)::int FROM inserted`,
      [organizationId],
    );
    return {
      cells: cells?.count ?? 0,
      skillCells: skillCells?.count ?? 0,
      itemCells: itemCells?.count ?? 0,
    };
  });
}
