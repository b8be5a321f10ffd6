import type { MigrationInterface, QueryRunner } from "typeorm";

/**
 * The built-in library: skills, lessons, and assessments with immutable versions, items and
 * options. Localised texts are `jsonb` maps of locale to text (`{"en": …, "de": …}`) so that a
 * new locale needs no schema change. `gen_random_uuid()` is core PostgreSQL (13+) and PGlite.
 */
export class Library1764370000000 implements MigrationInterface {
  name = "Library1764370000000";

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE skill (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        slug text NOT NULL UNIQUE,
        position integer NOT NULL,
        name jsonb NOT NULL,
        summary jsonb NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`
      CREATE TABLE lesson (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        slug text NOT NULL UNIQUE,
        skill_id uuid NOT NULL REFERENCES skill (id) ON DELETE CASCADE,
        position integer NOT NULL,
        minutes integer NOT NULL CHECK (minutes BETWEEN 1 AND 60),
        title jsonb NOT NULL,
        key_idea jsonb NOT NULL,
        why_it_matters jsonb NOT NULL,
        practice jsonb NOT NULL,
        reflection_question jsonb NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(
      `CREATE INDEX lesson_skill_position_idx ON lesson (skill_id, position)`,
    );
    await queryRunner.query(`
      CREATE TABLE assessment (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        slug text NOT NULL UNIQUE,
        kind text NOT NULL CHECK (kind IN ('SKILL', 'COMPOSITE')),
        position integer NOT NULL,
        current_version_id uuid,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`CREATE INDEX assessment_position_idx ON assessment (position, slug)`);
    await queryRunner.query(`
      CREATE TABLE assessment_version (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        assessment_id uuid NOT NULL REFERENCES assessment (id) ON DELETE CASCADE,
        version integer NOT NULL CHECK (version > 0),
        status text NOT NULL CHECK (status IN ('DRAFT', 'PUBLISHED')),
        content_hash text NOT NULL,
        title jsonb NOT NULL,
        description jsonb NOT NULL,
        estimated_minutes integer NOT NULL CHECK (estimated_minutes BETWEEN 1 AND 60),
        published_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (assessment_id, version),
        CHECK ((status = 'PUBLISHED') = (published_at IS NOT NULL))
      )`);
    await queryRunner.query(`
      ALTER TABLE assessment ADD CONSTRAINT assessment_current_version_fk
        FOREIGN KEY (current_version_id) REFERENCES assessment_version (id)`);
    await queryRunner.query(`
      CREATE TABLE assessment_version_skill (
        version_id uuid NOT NULL REFERENCES assessment_version (id) ON DELETE CASCADE,
        skill_id uuid NOT NULL REFERENCES skill (id),
        PRIMARY KEY (version_id, skill_id)
      )`);
    await queryRunner.query(
      `CREATE INDEX assessment_version_skill_skill_idx ON assessment_version_skill (skill_id)`,
    );
    await queryRunner.query(`
      CREATE TABLE item (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        version_id uuid NOT NULL REFERENCES assessment_version (id) ON DELETE CASCADE,
        key text NOT NULL,
        position integer NOT NULL,
        kind text NOT NULL CHECK (kind IN ('LIKERT', 'SITUATIONAL', 'FORCED_CHOICE', 'REFLECTION')),
        skill_id uuid REFERENCES skill (id),
        reverse_keyed boolean NOT NULL DEFAULT false,
        prompt jsonb NOT NULL,
        UNIQUE (version_id, key),
        UNIQUE (version_id, position),
        CHECK ((kind = 'LIKERT') = (skill_id IS NOT NULL)),
        CHECK (kind = 'LIKERT' OR NOT reverse_keyed)
      )`);
    await queryRunner.query(`
      CREATE TABLE item_option (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        item_id uuid NOT NULL REFERENCES item (id) ON DELETE CASCADE,
        key text NOT NULL,
        position integer NOT NULL,
        label jsonb NOT NULL,
        weights jsonb NOT NULL DEFAULT '{}'::jsonb,
        UNIQUE (item_id, key),
        UNIQUE (item_id, position)
      )`);
    // A published version is frozen: attempts are pinned to it, so its meaning must never change.
    await queryRunner.query(`
      CREATE FUNCTION forbid_published_version_change() RETURNS trigger
      LANGUAGE plpgsql AS $$
      DECLARE
        target_version uuid;
      BEGIN
        IF TG_TABLE_NAME = 'assessment_version' THEN
          IF OLD.status = 'PUBLISHED' THEN
            RAISE EXCEPTION 'assessment version % is published and cannot change', OLD.id
              USING ERRCODE = 'check_violation';
          END IF;
          RETURN NEW;
        END IF;
        IF TG_TABLE_NAME = 'item' THEN
          target_version := COALESCE(OLD.version_id, NEW.version_id);
        ELSE
          SELECT i.version_id INTO target_version FROM item i
            WHERE i.id = COALESCE(OLD.item_id, NEW.item_id);
        END IF;
        IF EXISTS (SELECT 1 FROM assessment_version v
                   WHERE v.id = target_version AND v.status = 'PUBLISHED') THEN
          RAISE EXCEPTION 'assessment version % is published and cannot change', target_version
            USING ERRCODE = 'check_violation';
        END IF;
        RETURN COALESCE(NEW, OLD);
      END $$`);
    await queryRunner.query(`
      CREATE TRIGGER assessment_version_frozen BEFORE UPDATE ON assessment_version
        FOR EACH ROW EXECUTE FUNCTION forbid_published_version_change()`);
    await queryRunner.query(`
      CREATE TRIGGER item_frozen BEFORE INSERT OR UPDATE OR DELETE ON item
        FOR EACH ROW EXECUTE FUNCTION forbid_published_version_change()`);
    await queryRunner.query(`
      CREATE TRIGGER item_option_frozen BEFORE INSERT OR UPDATE OR DELETE ON item_option
        FOR EACH ROW EXECUTE FUNCTION forbid_published_version_change()`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE assessment DROP CONSTRAINT assessment_current_version_fk`);
    await queryRunner.query(`DROP TABLE item_option`);
    await queryRunner.query(`DROP TABLE item`);
    await queryRunner.query(`DROP TABLE assessment_version_skill`);
    await queryRunner.query(`DROP TABLE assessment_version`);
    await queryRunner.query(`DROP TABLE assessment`);
    await queryRunner.query(`DROP TABLE lesson`);
    await queryRunner.query(`DROP TABLE skill`);
    await queryRunner.query(`DROP FUNCTION forbid_published_version_change()`);
  }
}
