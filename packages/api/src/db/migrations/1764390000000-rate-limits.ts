import type { MigrationInterface, QueryRunner } from "typeorm";

/**
 * Rate-limit counters of rate-limiter-flexible's RateLimiterPostgres (src/hardening/
 * rate-limits.ts): one row per key (`principal:…`, `address:…`) with the points used in the
 * current window and when it ends (ms since the epoch). The columns are the library's; the table
 * is UNLOGGED because the counters are worth less than the WAL writes of every request (a crash
 * empties it, which forgives one window).
 */
export class RateLimits1764390000000 implements MigrationInterface {
  name = "RateLimits1764390000000";

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE UNLOGGED TABLE rate_limit (
        key text PRIMARY KEY,
        points integer NOT NULL DEFAULT 0,
        expire bigint
      )`);
    await queryRunner.query(`CREATE INDEX rate_limit_expire_idx ON rate_limit (expire)`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE rate_limit`);
  }
}
