import { ERROR_CODES } from "@real-skills/shared";
import type { DataSource } from "typeorm";
import type { OrganizationPrincipal } from "../../auth/principal.js";
import type { Page } from "../../common/connection.js";
import { apiError, badInput } from "../../common/errors.js";
import { timeCursor } from "../../common/time-cursor.js";
import { isUuid } from "../../common/uuid.js";
import { recordAudit } from "../audit/index.js";
import { WebhookEndpoint } from "./webhook-endpoint.entity.js";
import type { WebhookDelivery } from "./webhook-delivery.entity.js";
import {
  WEBHOOK_EVENT_TYPES,
  XAPI_EVENT_TYPES,
  type WebhookDeliveryStatus,
  type WebhookEventType,
  type WebhookFormat,
} from "./webhook.enums.js";
import { newWebhookSecret } from "./webhook.signature.js";
import { checkWebhookUrl } from "./webhook-url.js";

/** A delivery with its exact creation time (microseconds since the epoch) for cursors. */
export type ListedDelivery = WebhookDelivery & { micros: string };

const DELIVERY_COLUMNS = `d.id, d.organization_id AS "organizationId", d.endpoint_id AS "endpointId",
  d.event_type AS "eventType", d.payload, d.status, d.attempts, d.next_attempt_at AS "nextAttemptAt",
  d.locked_until AS "lockedUntil", d.last_status_code AS "lastStatusCode",
  d.last_error AS "lastError", d.created_at AS "createdAt", d.delivered_at AS "deliveredAt",
  ((extract(epoch FROM d.created_at) * 1000000)::bigint)::text AS micros`;

/**
 * An organisation's webhook endpoints and its delivery log (admin API). Another organisation's
 * ids behave exactly like unknown ones. Deliveries are queued by `WebhookOutbox.enqueue` and sent
 * by the worker.
 */
export class WebhookService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly options: { allowHttp: boolean },
  ) {}

  /** Every endpoint of the organisation, disabled ones included, newest first. */
  list(organizationId: string): Promise<WebhookEndpoint[]> {
    return this.dataSource
      .getRepository(WebhookEndpoint)
      .find({ where: { organizationId }, order: { createdAt: "DESC", id: "DESC" } });
  }

  /**
   * Creates an endpoint and returns it with its signing secret, shown this once. An XAPI
   * endpoint's `authorization` is stored for the worker and never returned or audited.
   */
  async create(
    actor: OrganizationPrincipal,
    input: {
      url: string;
      events: WebhookEventType[];
      description?: string | null;
      format?: WebhookFormat | null;
      authorization?: string | null;
    },
  ): Promise<{ endpoint: WebhookEndpoint; secret: string }> {
    const url = checkWebhookUrl(input.url, this.options.allowHttp);
    const format = input.format ?? "REAL_SKILLS";
    const events = [...new Set(input.events)];
    if (events.length === 0 || !events.every((event) => WEBHOOK_EVENT_TYPES.includes(event))) {
      throw badInput("input.events", "must name at least one event");
    }
    if (format === "XAPI" && !events.every((event) => XAPI_EVENT_TYPES.includes(event))) {
      throw badInput("input.events", "XAPI endpoints take ATTEMPT_COMPLETED only");
    }
    const authorization = checkAuthorization(format, input.authorization);
    const description = input.description?.trim() || null;
    if (description !== null && description.length > 200) {
      throw badInput("input.description", "must be at most 200 characters");
    }
    const secret = newWebhookSecret();
    return this.dataSource.transaction(async (manager) => {
      const repository = manager.getRepository(WebhookEndpoint);
      const { id } = await repository.save(
        repository.create({
          organizationId: actor.organizationId,
          url,
          secret,
          description,
          events,
          format,
          authorization,
        }),
      );
      await recordAudit(manager, actor, {
        action: "webhook_endpoint.create",
        targetType: "webhook_endpoint",
        targetId: id,
        details: { url, events, format },
      });
      return { endpoint: await repository.findOneByOrFail({ id }), secret };
    });
  }

  /**
   * Disables an endpoint: no new events are queued for it, and its pending deliveries are given
   * up (FAILED). Disabling a disabled endpoint changes nothing.
   */
  async disable(actor: OrganizationPrincipal, id: string): Promise<WebhookEndpoint> {
    return this.dataSource.transaction(async (manager) => {
      const repository = manager.getRepository(WebhookEndpoint);
      const endpoint = isUuid(id)
        ? await repository.findOne({
            where: { id, organizationId: actor.organizationId },
            lock: { mode: "pessimistic_write" },
          })
        : null;
      if (!endpoint) throw endpointNotFound();
      if (endpoint.disabledAt === null) {
        await manager.query(`UPDATE webhook_endpoint SET disabled_at = now() WHERE id = $1`, [
          endpoint.id,
        ]);
        await manager.query(
          `UPDATE webhook_delivery
              SET status = 'FAILED', last_error = 'endpoint disabled', locked_until = NULL
            WHERE endpoint_id = $1 AND status = 'PENDING'`,
          [endpoint.id],
        );
      }
      await recordAudit(manager, actor, {
        action: "webhook_endpoint.disable",
        targetType: "webhook_endpoint",
        targetId: endpoint.id,
        details: { url: endpoint.url, alreadyDisabled: endpoint.disabledAt !== null },
      });
      return repository.findOneByOrFail({ id: endpoint.id });
    });
  }

  /** The organisation's deliveries, newest first; keyset pagination on (created_at, id). */
  async deliveries(
    organizationId: string,
    args: {
      first: number;
      after?: string | null;
      endpointId?: string | null;
      status?: WebhookDeliveryStatus | null;
    },
  ): Promise<Page<ListedDelivery>> {
    const params: unknown[] = [organizationId];
    const filters = [`d.organization_id = $1`];
    if (args.endpointId) {
      const known = isUuid(args.endpointId)
        ? await this.dataSource
            .getRepository(WebhookEndpoint)
            .existsBy({ id: args.endpointId, organizationId })
        : false;
      if (!known) throw endpointNotFound();
      params.push(args.endpointId);
      filters.push(`d.endpoint_id = $${params.length}`);
    }
    if (args.status) {
      params.push(args.status);
      filters.push(`d.status = $${params.length}`);
    }
    const countSql = `SELECT count(*)::int AS total FROM webhook_delivery d WHERE ${filters.join(" AND ")}`;
    const countParams = [...params];
    if (args.after) {
      const after = timeCursor.decode(args.after);
      params.push(after.micros, after.id);
      filters.push(
        `(d.created_at, d.id) < (timestamptz 'epoch' + $${params.length - 1}::bigint * interval '1 microsecond', $${params.length}::uuid)`,
      );
    }
    params.push(args.first + 1);
    // One after the other: an embedded database serves one connection at a time anyway.
    const rows = await this.dataSource.query<ListedDelivery[]>(
      `SELECT ${DELIVERY_COLUMNS} FROM webhook_delivery d WHERE ${filters.join(" AND ")}
        ORDER BY d.created_at DESC, d.id DESC LIMIT $${params.length}`,
      params,
    );
    const [count] = await this.dataSource.query<{ total: number }[]>(countSql, countParams);
    return {
      nodes: rows.slice(0, args.first),
      hasNextPage: rows.length > args.first,
      totalCount: count?.total ?? 0,
      cursorOf: (delivery) => timeCursor.encode({ micros: delivery.micros, id: delivery.id }),
    };
  }
}

/**
 * An XAPI endpoint needs the `Authorization` header value of its LRS; other endpoints take none.
 * It goes into a header as is, so it must be one line of visible ASCII.
 */
function checkAuthorization(format: WebhookFormat, value?: string | null): string | null {
  const authorization = value?.trim() || null;
  if (format !== "XAPI") {
    if (authorization !== null) throw badInput("input.authorization", "is for XAPI endpoints only");
    return null;
  }
  if (authorization === null) {
    throw badInput("input.authorization", "is required for XAPI endpoints");
  }
  if (authorization.length > 2000 || !/^[\x20-\x7e]+$/.test(authorization)) {
    throw badInput(
      "input.authorization",
      "must be one line of visible ASCII, at most 2000 characters",
    );
  }
  return authorization;
}

function endpointNotFound() {
  return apiError(ERROR_CODES.NOT_FOUND, "Your organisation has no webhook endpoint with this id.");
}
