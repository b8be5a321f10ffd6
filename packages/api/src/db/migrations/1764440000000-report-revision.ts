import type { MigrationInterface, QueryRunner } from "typeorm";

/**
 * An organisation's report revision: counts changes to report cells of months that have ended
 * (an erasure, a recount, seeded responses). Team reports of ended months are kept in memory
 * under it; a new revision makes every instance compute them again (ADR 0012, Addendum).
 */
export class ReportRevision1764440000000 implements MigrationInterface {
  name = "ReportRevision1764440000000";

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE organization ADD COLUMN report_revision bigint NOT NULL DEFAULT 0`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE organization DROP COLUMN report_revision`);
  }
}
