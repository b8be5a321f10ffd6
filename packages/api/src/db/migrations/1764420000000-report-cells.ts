import type { MigrationInterface, QueryRunner } from "typeorm";

const CELL_KEY = `
        organization_id uuid NOT NULL REFERENCES organization (id) ON DELETE CASCADE,
        assessment_id uuid NOT NULL REFERENCES assessment (id),
        month date NOT NULL CHECK (extract(day FROM month) = 1),
        team text NOT NULL,
        department text NOT NULL`;

/**
 * HR report cells (docs/decisions/0012-privacy-safe-aggregates.md): running sums per
 * organisation, assessment, month, team and department, maintained in the transaction that
 * submits an attempt. A report reads these, never attempts. `attempt.counted` marks the one
 * attempt per person, assessment and month whose scores are in the cells.
 */
export class ReportCells1764420000000 implements MigrationInterface {
  name = "ReportCells1764420000000";

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE attempt ADD COLUMN counted boolean NOT NULL DEFAULT false,
        ADD CONSTRAINT attempt_counted_submitted CHECK (NOT counted OR status = 'SUBMITTED')`);
    // The counted attempt of a person in a month (a retake replaces it) and erasure's lookup.
    await queryRunner.query(`
      CREATE INDEX attempt_counted_idx ON attempt (organization_id, subject, assessment_id)
        WHERE counted`);
    await queryRunner.query(`
      CREATE TABLE report_cell (${CELL_KEY},
        responses integer NOT NULL CHECK (responses >= 0),
        PRIMARY KEY (organization_id, assessment_id, month, team, department)
      )`);
    // Scores are whole numbers, so the sums are exact: adding and removing a response restores
    // the cell to the last bit.
    await queryRunner.query(`
      CREATE TABLE report_skill_cell (${CELL_KEY},
        skill_id uuid NOT NULL REFERENCES skill (id),
        version_id uuid NOT NULL REFERENCES assessment_version (id),
        n integer NOT NULL CHECK (n >= 0),
        score_sum bigint NOT NULL,
        score_sum_squares bigint NOT NULL,
        raw_sum bigint NOT NULL,
        raw_sum_squares bigint NOT NULL,
        emerging integer NOT NULL CHECK (emerging >= 0),
        developing integer NOT NULL CHECK (developing >= 0),
        strong integer NOT NULL CHECK (strong >= 0),
        CHECK (emerging + developing + strong = n),
        PRIMARY KEY (organization_id, assessment_id, month, team, department, skill_id, version_id)
      )`);
    await queryRunner.query(`
      CREATE TABLE report_item_cell (${CELL_KEY},
        skill_id uuid NOT NULL REFERENCES skill (id),
        version_id uuid NOT NULL REFERENCES assessment_version (id),
        item_id uuid NOT NULL REFERENCES item (id),
        n integer NOT NULL CHECK (n >= 0),
        points_sum bigint NOT NULL,
        points_sum_squares bigint NOT NULL,
        PRIMARY KEY (organization_id, assessment_id, month, team, department, skill_id, version_id,
                     item_id)
      )`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE report_item_cell`);
    await queryRunner.query(`DROP TABLE report_skill_cell`);
    await queryRunner.query(`DROP TABLE report_cell`);
    await queryRunner.query(`DROP INDEX attempt_counted_idx`);
    await queryRunner.query(
      `ALTER TABLE attempt DROP CONSTRAINT attempt_counted_submitted, DROP COLUMN counted`,
    );
  }
}
