import type { EntityManager } from "typeorm";
import type { WebhookEventType } from "./webhook.enums.js";

/** The event-specific part of a payload, next to `id`, `type`, `occurredAt`, `organizationId`. */
export type WebhookEventData = Record<string, unknown>;

/**
 * The transactional outbox of webhooks. `enqueue` runs inside the transaction of the change it
 * announces, so an event is queued exactly when its change commits; the worker sends it later.
 */
export const WebhookOutbox = {
  /**
   * Queues one delivery per enabled endpoint of the organisation subscribed to `type`. Each
   * delivery's id is also its event's `id`, which receivers use to drop duplicates.
   */
  async enqueue(
    manager: EntityManager,
    organizationId: string,
    type: WebhookEventType,
    data: WebhookEventData,
  ): Promise<number> {
    const occurredAt = new Date().toISOString();
    // gen_random_uuid() in the select list runs once per endpoint row.
    const rows = await manager.query<{ id: string }[]>(
      `INSERT INTO webhook_delivery (id, organization_id, endpoint_id, event_type, payload)
       SELECT t.id, $1, t.endpoint_id, $2,
              jsonb_build_object('id', t.id, 'type', $2::text, 'occurredAt', $3::text,
                                 'organizationId', $1::text) || $4::jsonb
         FROM (SELECT gen_random_uuid() AS id, e.id AS endpoint_id
                 FROM webhook_endpoint e
                WHERE e.organization_id = $1 AND e.disabled_at IS NULL AND $2 = ANY (e.events)) t
       RETURNING id`,
      [organizationId, type, occurredAt, JSON.stringify(data)],
    );
    return rows.length;
  },
};
