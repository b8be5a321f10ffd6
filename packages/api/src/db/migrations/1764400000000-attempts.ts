import type { MigrationInterface, QueryRunner } from "typeorm";

/**
 * Attempts, their answers and their scores (design §3), the per-band feedback of each skill, and
 * the organisation's retake cooldown. An attempt belongs to one organisation and one
 * pseudonymous subject and is pinned to the assessment version it was started on.
 */
export class Attempts1764400000000 implements MigrationInterface {
  name = "Attempts1764400000000";

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE skill ADD COLUMN feedback jsonb NOT NULL DEFAULT '{}'::jsonb`,
    );
    await queryRunner.query(`
      ALTER TABLE organization ADD COLUMN retake_cooldown_days integer NOT NULL DEFAULT 0
        CHECK (retake_cooldown_days BETWEEN 0 AND 365)`);
    await queryRunner.query(`
      CREATE TABLE attempt (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organization_id uuid NOT NULL REFERENCES organization (id) ON DELETE CASCADE,
        subject text NOT NULL,
        assessment_id uuid NOT NULL REFERENCES assessment (id),
        version_id uuid NOT NULL REFERENCES assessment_version (id),
        status text NOT NULL CHECK (status IN ('IN_PROGRESS', 'SUBMITTED')),
        team text,
        department text,
        idempotency_key text,
        started_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        submitted_at timestamptz,
        CHECK ((status = 'SUBMITTED') = (submitted_at IS NOT NULL)),
        CHECK ((status = 'SUBMITTED') = (idempotency_key IS NOT NULL))
      )`);
    // At most one unfinished attempt per subject and assessment: startAttempt resumes it, and two
    // concurrent starts cannot both insert one.
    await queryRunner.query(`
      CREATE UNIQUE INDEX attempt_open_idx ON attempt (organization_id, subject, assessment_id)
        WHERE status = 'IN_PROGRESS'`);
    // myAttempts (newest first) and the retake cooldown's "last submitted" lookup.
    await queryRunner.query(`
      CREATE INDEX attempt_subject_idx
        ON attempt (organization_id, subject, (COALESCE(submitted_at, started_at)) DESC, id DESC)`);
    await queryRunner.query(`
      CREATE TABLE answer (
        attempt_id uuid NOT NULL REFERENCES attempt (id) ON DELETE CASCADE,
        item_id uuid NOT NULL REFERENCES item (id),
        organization_id uuid NOT NULL REFERENCES organization (id) ON DELETE CASCADE,
        option_id uuid REFERENCES item_option (id),
        value integer CHECK (value BETWEEN 1 AND 5),
        text text CHECK (length(text) <= 2000),
        sequence integer NOT NULL DEFAULT 0,
        saved_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (attempt_id, item_id),
        CHECK (num_nonnulls(option_id, value, text) = 1)
      )`);
    await queryRunner.query(`
      CREATE TABLE attempt_score (
        attempt_id uuid NOT NULL REFERENCES attempt (id) ON DELETE CASCADE,
        skill_id uuid NOT NULL REFERENCES skill (id),
        organization_id uuid NOT NULL REFERENCES organization (id) ON DELETE CASCADE,
        score integer NOT NULL CHECK (score BETWEEN 0 AND 100),
        band text NOT NULL CHECK (band IN ('EMERGING', 'DEVELOPING', 'STRONG')),
        answered integer NOT NULL CHECK (answered > 0),
        raw integer NOT NULL,
        min integer NOT NULL,
        max integer NOT NULL,
        PRIMARY KEY (attempt_id, skill_id)
      )`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE attempt_score`);
    await queryRunner.query(`DROP TABLE answer`);
    await queryRunner.query(`DROP TABLE attempt`);
    await queryRunner.query(`ALTER TABLE organization DROP COLUMN retake_cooldown_days`);
    await queryRunner.query(`ALTER TABLE skill DROP COLUMN feedback`);
  }
}
