import type { MigrationInterface, QueryRunner } from "typeorm";

/**
 * xAPI endpoints (docs/decisions/0011-webhook-outbox.md, Addendum): a webhook endpoint's `format`,
 * and for XAPI endpoints the `Authorization` header their LRS expects. An XAPI endpoint takes
 * `attempt.completed` only; existing endpoints stay REAL_SKILLS.
 */
export class XapiEndpoints1764430000000 implements MigrationInterface {
  name = "XapiEndpoints1764430000000";

  public async up(queryRunner: QueryRunner): Promise<void> {
    // "authorization" is a reserved word in SQL, hence authorization_header.
    await queryRunner.query(`
      ALTER TABLE webhook_endpoint
        ADD COLUMN format text NOT NULL DEFAULT 'REAL_SKILLS'
          CHECK (format IN ('REAL_SKILLS', 'XAPI')),
        ADD COLUMN authorization_header text CHECK (length(authorization_header) <= 2000),
        ADD CONSTRAINT webhook_endpoint_xapi_check CHECK (
          (format = 'XAPI') = (authorization_header IS NOT NULL)
          AND (format <> 'XAPI' OR events = ARRAY['attempt.completed']::text[]))`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE webhook_endpoint
        DROP CONSTRAINT webhook_endpoint_xapi_check,
        DROP COLUMN authorization_header,
        DROP COLUMN format`);
  }
}
