import type { MigrationInterface, QueryRunner } from "typeorm";

/**
 * Webhooks (docs/decisions/0011-webhook-outbox.md): an organisation's endpoints, and the outbox of
 * deliveries written in the same transaction as the change they announce and sent by the worker.
 */
export class Webhooks1764410000000 implements MigrationInterface {
  name = "Webhooks1764410000000";

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE webhook_endpoint (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organization_id uuid NOT NULL REFERENCES organization (id) ON DELETE CASCADE,
        url text NOT NULL CHECK (length(url) <= 2000),
        secret text NOT NULL,
        description text CHECK (length(description) <= 200),
        events text[] NOT NULL
          CHECK (cardinality(events) > 0
             AND events <@ ARRAY['attempt.completed', 'assessment.published']::text[]),
        created_at timestamptz NOT NULL DEFAULT now(),
        disabled_at timestamptz
      )`);
    // webhookEndpoints (newest first) and the enqueue's "enabled endpoints of the organisation".
    await queryRunner.query(`
      CREATE INDEX webhook_endpoint_organization_idx
        ON webhook_endpoint (organization_id, created_at DESC, id DESC)`);
    await queryRunner.query(`
      CREATE TABLE webhook_delivery (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organization_id uuid NOT NULL REFERENCES organization (id) ON DELETE CASCADE,
        endpoint_id uuid NOT NULL REFERENCES webhook_endpoint (id) ON DELETE CASCADE,
        event_type text NOT NULL CHECK (event_type IN ('attempt.completed', 'assessment.published')),
        payload jsonb NOT NULL,
        status text NOT NULL DEFAULT 'PENDING' CHECK (status IN ('PENDING', 'DELIVERED', 'FAILED')),
        attempts integer NOT NULL DEFAULT 0 CHECK (attempts >= 0),
        next_attempt_at timestamptz NOT NULL DEFAULT now(),
        locked_until timestamptz,
        last_status_code integer,
        last_error text,
        created_at timestamptz NOT NULL DEFAULT clock_timestamp(),
        delivered_at timestamptz,
        CHECK ((status = 'DELIVERED') = (delivered_at IS NOT NULL))
      )`);
    // The worker's pick: only pending rows, oldest due first.
    await queryRunner.query(`
      CREATE INDEX webhook_delivery_due_idx
        ON webhook_delivery (next_attempt_at) WHERE status = 'PENDING'`);
    // The delivery log: newest first, per organisation, optionally per endpoint.
    await queryRunner.query(`
      CREATE INDEX webhook_delivery_log_idx
        ON webhook_delivery (organization_id, created_at DESC, id DESC)`);
    await queryRunner.query(`
      CREATE INDEX webhook_delivery_endpoint_idx
        ON webhook_delivery (endpoint_id, created_at DESC, id DESC)`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE webhook_delivery`);
    await queryRunner.query(`DROP TABLE webhook_endpoint`);
  }
}
