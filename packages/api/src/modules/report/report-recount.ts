import type { DataSource, EntityManager } from "typeorm";

export interface RecountedCells {
  cells: number;
  skillCells: number;
  itemCells: number;
}

/** A cell's key, and the version its skill and item rows are kept apart by. */
const GROUP_KEY = `assessment_id, version_id, month, team, department`;

// The columns every report table begins with.
const CELL_KEY = `organization_id, assessment_id, month, team, department`;

// An answer's key in recount_item_points: choice items by option, LIKERT items by agreement.
// One equality join on plain columns, so that the planner can hash it.
const NO_OPTION = `'00000000-0000-0000-0000-000000000000'::uuid`;

/**
 * Rebuilds an organisation's report cells from its stored attempts, in bulk and in one
 * transaction: marks as counted the last submitted attempt per person, assessment and UTC month,
 * deletes the cells and sums them again (ADR 0012). For data loaded around the API — the
 * benchmark generator's COPY — and for operators (`realskills report recount`); the API keeps
 * the cells up to date by itself (`ReportCells`), and the two must agree.
 *
 * Sized for a million attempts: the counted attempts go into a temporary table (with fresh
 * statistics), each with the number of its group (cell and version), so that answers and scores
 * join them by one hash join and aggregate by that number; the groups' keys are joined back
 * only to the sums.
 */
export async function recountReportCells(
  dataSource: DataSource,
  organizationId: string,
): Promise<RecountedCells> {
  return dataSource.transaction(async (manager) => {
    // The cells change wholesale: lock them against submits and erasures of this organisation.
    await manager.query(`SELECT pg_advisory_xact_lock(hashtext('report-cells:' || $1))`, [
      organizationId,
    ]);
    // A million attempts' ids hash and sort in memory instead of in temporary files.
    await manager.query(`SET LOCAL work_mem = '256MB'`);
    await countLatestAttempts(manager, organizationId);
    await markCounted(manager, organizationId);
    for (const table of ["report_item_cell", "report_skill_cell", "report_cell"]) {
      await manager.query(`DELETE FROM ${table} WHERE organization_id = $1`, [organizationId]);
    }
    // Every team report kept in memory by any instance is stale from now on (ADR 0012).
    await manager.query(
      `UPDATE organization SET report_revision = report_revision + 1 WHERE id = $1`,
      [organizationId],
    );
    const counts = {
      cells: await insertCells(manager, organizationId),
      skillCells: await insertSkillCells(manager, organizationId),
      itemCells: await insertItemCells(manager, organizationId),
    };
    // Rewritten wholesale: without fresh statistics the planner takes the cell tables for
    // empty and joins them in nested loops (a first report at 100 000 attempts took minutes).
    await manager.query(`ANALYZE report_cell, report_skill_cell, report_item_cell`);
    return counts;
  });
}

/**
 * Temporary tables for this transaction: recount_attempt, the organisation's submitted
 * attempts with the flag they have and the one they should have; recount_group, the cells (per
 * version) with their responses; recount_response, the counted attempts with their group.
 */
async function countLatestAttempts(manager: EntityManager, organizationId: string) {
  await manager.query(
    `CREATE TEMPORARY TABLE recount_attempt ON COMMIT DROP AS
     SELECT id, latest, counted <> latest AS wrong, ${GROUP_KEY}
       FROM (SELECT id, counted, ${GROUP_KEY},
                    row_number() OVER (PARTITION BY subject, assessment_id, month
                                       ORDER BY submitted_at DESC, id DESC) = 1 AS latest
               FROM (SELECT id, counted, subject, assessment_id, version_id, submitted_at,
                            date_trunc('month', submitted_at AT TIME ZONE 'UTC')::date AS month,
                            COALESCE(team, '') AS team, COALESCE(department, '') AS department
                       FROM attempt WHERE organization_id = $1 AND status = 'SUBMITTED') submitted
            ) ranked`,
    [organizationId],
  );
  // Temporary tables have no statistics until analysed, and every plan below depends on them:
  // with none, or with the attempts' statistics from before their flags changed, the planner
  // once chose a nested loop over 100 000 × 100 000 rows.
  await manager.query(`ANALYZE recount_attempt`);
  await manager.query(
    `CREATE TEMPORARY TABLE recount_group ON COMMIT DROP AS
     SELECT row_number() OVER () AS grp, ${GROUP_KEY}, count(*) AS responses
       FROM recount_attempt WHERE latest GROUP BY ${GROUP_KEY}`,
  );
  await manager.query(`ANALYZE recount_group`);
  await manager.query(
    `CREATE TEMPORARY TABLE recount_response ON COMMIT DROP AS
     SELECT a.id, g.grp
       FROM recount_attempt a JOIN recount_group g USING (${GROUP_KEY}) WHERE a.latest`,
  );
  await manager.query(`ANALYZE recount_response`);
}

/** Sets `counted` where it is wrong, and only there: rewriting a right flag costs a row version. */
async function markCounted(manager: EntityManager, organizationId: string) {
  await manager.query(
    `UPDATE attempt t SET counted = a.latest FROM recount_attempt a
      WHERE a.wrong AND t.id = a.id AND t.organization_id = $1`,
    [organizationId],
  );
}

async function insertCells(manager: EntityManager, organizationId: string): Promise<number> {
  return insertCounting(
    manager,
    `INSERT INTO report_cell (${CELL_KEY}, responses)
     SELECT $1, assessment_id, month, team, department, sum(responses)
       FROM recount_group GROUP BY assessment_id, month, team, department`,
    organizationId,
  );
}

async function insertSkillCells(manager: EntityManager, organizationId: string): Promise<number> {
  return insertCounting(
    manager,
    `INSERT INTO report_skill_cell (${CELL_KEY}, skill_id, version_id, n, score_sum,
       score_sum_squares, raw_sum, raw_sum_squares, emerging, developing, strong)
     SELECT $1, g.assessment_id, g.month, g.team, g.department, x.skill_id, g.version_id, x.n,
            x.score_sum, x.score_sum_squares, x.raw_sum, x.raw_sum_squares, x.emerging,
            x.developing, x.strong
       FROM (SELECT r.grp, s.skill_id, count(*) AS n, sum(s.score) AS score_sum,
                    sum(s.score::bigint * s.score) AS score_sum_squares, sum(s.raw) AS raw_sum,
                    sum(s.raw::bigint * s.raw) AS raw_sum_squares,
                    count(*) FILTER (WHERE s.band = 'EMERGING') AS emerging,
                    count(*) FILTER (WHERE s.band = 'DEVELOPING') AS developing,
                    count(*) FILTER (WHERE s.band = 'STRONG') AS strong
               FROM attempt_score s JOIN recount_response r ON r.id = s.attempt_id
              WHERE s.organization_id = $1
              GROUP BY r.grp, s.skill_id) x
       JOIN recount_group g ON g.grp = x.grp`,
    organizationId,
  );
}

/**
 * An item's points per skill, as shared scoring gives them (contributions.ts): LIKERT
 * agreement 1–5 is 0–4 points (mirrored when reverse-keyed); a choice item gives each skill
 * whose weights differ between its options the chosen option's weight. Tabulated first for
 * every possible answer to the items of the counted versions — a few hundred rows. The answers
 * are counted per group and answer first (a million rows from ten times as many) and only those
 * counts look their points up: joined answer by answer, the three-column lookup made the planner
 * expect a few hundred rows where there were millions, and hash the answers instead of it.
 */
async function insertItemCells(manager: EntityManager, organizationId: string): Promise<number> {
  await manager.query(
    `CREATE TEMPORARY TABLE recount_item_points ON COMMIT DROP AS
     WITH items AS (
            SELECT i.* FROM item i
             WHERE i.version_id IN (SELECT DISTINCT version_id FROM recount_group)),
          informative AS (
            SELECT o.item_id, s.id AS skill_id, s.slug
              FROM item_option o JOIN items i ON i.id = o.item_id CROSS JOIN skill s
             GROUP BY o.item_id, s.id, s.slug
            HAVING count(o.weights -> s.slug) > 0
               AND max(COALESCE((o.weights ->> s.slug)::int, 0))
                 > min(COALESCE((o.weights ->> s.slug)::int, 0)))
     SELECT i.id AS item_id, ${NO_OPTION} AS option_key, agreement AS value_key, i.skill_id,
            CASE WHEN i.reverse_keyed THEN 5 - agreement ELSE agreement - 1 END AS points
       FROM items i CROSS JOIN generate_series(1, 5) AS agreement
      WHERE i.kind = 'LIKERT'
     UNION ALL
     SELECT o.item_id, o.id, 0, f.skill_id, COALESCE((o.weights ->> f.slug)::int, 0)
       FROM item_option o JOIN informative f ON f.item_id = o.item_id`,
  );
  await manager.query(`ANALYZE recount_item_points`);
  return insertCounting(
    manager,
    `INSERT INTO report_item_cell (${CELL_KEY}, skill_id, version_id, item_id, n, points_sum,
       points_sum_squares)
     SELECT $1, g.assessment_id, g.month, g.team, g.department, x.skill_id, g.version_id,
            x.item_id, x.n, x.points_sum, x.points_sum_squares
       FROM (SELECT c.grp, p.skill_id, p.item_id, sum(c.n) AS n, sum(c.n * p.points) AS points_sum,
                    sum(c.n * p.points * p.points) AS points_sum_squares
               FROM (SELECT r.grp, a.item_id, a.option_id, a.value, count(*) AS n
                       FROM answer a JOIN recount_response r ON r.id = a.attempt_id
                      WHERE a.organization_id = $1
                      GROUP BY r.grp, a.item_id, a.option_id, a.value) c
               JOIN recount_item_points p
                 ON p.item_id = c.item_id AND p.option_key = COALESCE(c.option_id, ${NO_OPTION})
                AND p.value_key = COALESCE(c.value, 0)
              GROUP BY c.grp, p.skill_id, p.item_id) x
       JOIN recount_group g ON g.grp = x.grp`,
    organizationId,
  );
}

/** Runs an INSERT … SELECT and returns how many rows it inserted. */
async function insertCounting(
  manager: EntityManager,
  insert: string,
  organizationId: string,
): Promise<number> {
  const [row] = await manager.query<{ count: number }[]>(
    `WITH inserted AS (${insert} RETURNING 1) SELECT count(*)::int AS count FROM inserted`,
    [organizationId],
  );
  return row?.count ?? 0;
}
