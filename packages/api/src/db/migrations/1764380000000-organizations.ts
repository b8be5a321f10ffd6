import type { MigrationInterface, QueryRunner } from "typeorm";

/**
 * Tenants and their credentials: organisations, hashed API keys, embed-token signing keys, an
 * audit log, and organisation-owned assessments next to the built-in library (organization_id
 * NULL). Every tenant-owned row carries organization_id; scoping is enforced in the API
 * (see docs/decisions/0006-tenant-scoping.md).
 */
export class Organizations1764380000000 implements MigrationInterface {
  name = "Organizations1764380000000";

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE organization (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        slug text NOT NULL UNIQUE,
        name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
        allowed_origins text[] NOT NULL DEFAULT '{}',
        min_group_size integer NOT NULL DEFAULT 5 CHECK (min_group_size BETWEEN 3 AND 50),
        default_locale text NOT NULL DEFAULT 'en' CHECK (default_locale IN ('en', 'de')),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(
      `CREATE INDEX organization_allowed_origins_idx ON organization USING gin (allowed_origins)`,
    );
    await queryRunner.query(`
      CREATE TABLE api_key (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organization_id uuid NOT NULL REFERENCES organization (id) ON DELETE CASCADE,
        name text NOT NULL,
        role text NOT NULL CHECK (role IN ('ADMIN', 'ANALYST')),
        prefix text NOT NULL,
        secret_hash text NOT NULL UNIQUE,
        created_at timestamptz NOT NULL DEFAULT now(),
        last_used_at timestamptz,
        revoked_at timestamptz
      )`);
    await queryRunner.query(`CREATE INDEX api_key_organization_idx ON api_key (organization_id)`);
    await queryRunner.query(`
      CREATE TABLE embed_key (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organization_id uuid NOT NULL REFERENCES organization (id) ON DELETE CASCADE,
        kid text NOT NULL UNIQUE,
        algorithm text NOT NULL CHECK (algorithm IN ('HS256', 'ES256', 'RS256')),
        secret text,
        public_key text,
        created_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz,
        revoked_at timestamptz,
        CHECK ((algorithm = 'HS256') = (secret IS NOT NULL)),
        CHECK ((algorithm <> 'HS256') = (public_key IS NOT NULL))
      )`);
    await queryRunner.query(
      `CREATE INDEX embed_key_organization_idx ON embed_key (organization_id)`,
    );
    await queryRunner.query(`
      CREATE TABLE audit_log (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organization_id uuid NOT NULL REFERENCES organization (id) ON DELETE CASCADE,
        actor_kind text NOT NULL,
        actor_id text NOT NULL,
        action text NOT NULL,
        target_type text NOT NULL,
        target_id text NOT NULL,
        details jsonb NOT NULL DEFAULT '{}'::jsonb,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(
      `CREATE INDEX audit_log_organization_created_idx ON audit_log (organization_id, created_at DESC, id DESC)`,
    );
    await queryRunner.query(`
      ALTER TABLE assessment
        ADD COLUMN organization_id uuid REFERENCES organization (id) ON DELETE CASCADE,
        ADD COLUMN archived_at timestamptz`);
    await queryRunner.query(`ALTER TABLE assessment DROP CONSTRAINT assessment_slug_key`);
    // Built-in assessments (no organisation) and each organisation's own share one slug space per
    // owner; the service also keeps organisations off the built-in slugs.
    await queryRunner.query(`
      CREATE UNIQUE INDEX assessment_owner_slug_idx
        ON assessment (COALESCE(organization_id, '00000000-0000-0000-0000-000000000000'::uuid), slug)`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX assessment_owner_slug_idx`);
    await queryRunner.query(`DELETE FROM assessment WHERE organization_id IS NOT NULL`);
    await queryRunner.query(
      `ALTER TABLE assessment ADD CONSTRAINT assessment_slug_key UNIQUE (slug)`,
    );
    await queryRunner.query(
      `ALTER TABLE assessment DROP COLUMN organization_id, DROP COLUMN archived_at`,
    );
    await queryRunner.query(`DROP TABLE audit_log`);
    await queryRunner.query(`DROP TABLE embed_key`);
    await queryRunner.query(`DROP TABLE api_key`);
    await queryRunner.query(`DROP TABLE organization`);
  }
}
