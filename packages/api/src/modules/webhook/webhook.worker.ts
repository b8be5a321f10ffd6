import type { Logger } from "pino";
import type { DataSource } from "typeorm";
import { isDatabaseUnavailable } from "../../common/errors.js";
import { deliveryRequest, type OutgoingDelivery } from "./webhook.request.js";

export interface WebhookWorkerOptions {
  /** How long to wait between two looks for due deliveries. */
  pollIntervalMs: number;
  /** The first retry's delay; it doubles with every failed try, up to an hour. */
  backoffBaseMs: number;
  /** Tries before a delivery is marked FAILED. */
  maxAttempts: number;
  /** How long a claimed delivery stays reserved for this worker (default 60 s). */
  leaseMs?: number;
  /** How many deliveries one look claims. */
  batchSize?: number;
}

interface ClaimedDelivery extends OutgoingDelivery {
  disabled: boolean;
}

type Outcome =
  { ok: true; statusCode: number } | { ok: false; statusCode: number | null; error: string };

const MAX_BACKOFF_MS = 60 * 60 * 1000;
const REQUEST_TIMEOUT_MS = 10_000;

/**
 * Sends the webhook outbox (docs/decisions/0011-webhook-outbox.md). Each look claims due
 * deliveries in one short statement (FOR UPDATE SKIP LOCKED, plus a lease in `locked_until`),
 * then POSTs them with no transaction open — each in its endpoint's format (webhook.request.ts),
 * the same way for every format — then records each outcome. Any number of workers may run
 * against one database; a worker killed mid-delivery leaves a lease that expires, and the
 * delivery is sent again: at least once.
 */
export class WebhookWorker {
  private readonly requestTimeoutMs: number;
  private readonly leaseMs: number;
  private readonly batchSize: number;
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private stopped = true;

  constructor(
    private readonly dataSource: DataSource,
    private readonly logger: Logger,
    private readonly options: WebhookWorkerOptions,
  ) {
    this.leaseMs = options.leaseMs ?? 60_000;
    // A lease must outlast its request, or a slow endpoint would get the delivery twice.
    this.requestTimeoutMs = Math.min(REQUEST_TIMEOUT_MS, Math.floor(this.leaseMs / 2));
    this.batchSize = options.batchSize ?? 20;
  }

  /** Starts polling. */
  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    this.schedule(0);
  }

  /** Stops polling and waits for the deliveries in flight (each ends within its timeout). */
  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.running;
  }

  /** One look: claims due deliveries, sends them, records the outcomes. Returns how many. */
  async runOnce(): Promise<number> {
    const claimed = await this.claim();
    await Promise.all(claimed.map((delivery) => this.deliver(delivery)));
    return claimed.length;
  }

  private schedule(delayMs: number): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.running = this.tick();
    }, delayMs);
  }

  private async tick(): Promise<void> {
    let next = this.options.pollIntervalMs;
    try {
      // A full batch suggests more are due: look again at once.
      if ((await this.runOnce()) === this.batchSize) next = 0;
    } catch (error) {
      // The database being away is an outage, reported elsewhere; anything else is a bug.
      const level = isDatabaseUnavailable(error) ? "warn" : "error";
      this.logger[level]({ err: error }, "webhook worker: a look for due deliveries failed");
    }
    this.schedule(next);
  }

  /** Reserves due deliveries in one statement, which is its own short transaction. */
  private claim(): Promise<ClaimedDelivery[]> {
    // A bare UPDATE … RETURNING comes back from TypeORM as [rows, count]; a SELECT as rows.
    return this.dataSource.query<ClaimedDelivery[]>(
      `WITH due AS (
         SELECT id FROM webhook_delivery
          WHERE status = 'PENDING' AND next_attempt_at <= now()
            AND (locked_until IS NULL OR locked_until < now())
          ORDER BY next_attempt_at
          LIMIT $1
          FOR UPDATE SKIP LOCKED),
       claimed AS (
         UPDATE webhook_delivery d
            SET locked_until = now() + $2 * interval '1 millisecond'
           FROM due, webhook_endpoint e
          WHERE d.id = due.id AND e.id = d.endpoint_id
         RETURNING d.id, d.organization_id AS "organizationId", d.event_type AS "eventType",
                   d.payload, e.format, e.url, e.secret, e.authorization_header AS authorization,
                   e.disabled_at IS NOT NULL AS disabled)
       SELECT * FROM claimed`,
      [this.batchSize, this.leaseMs],
    );
  }

  private async deliver(delivery: ClaimedDelivery): Promise<void> {
    if (delivery.disabled) {
      await this.dataSource.query(
        `UPDATE webhook_delivery SET status = 'FAILED', last_error = 'endpoint disabled',
                locked_until = NULL
          WHERE id = $1 AND status = 'PENDING'`,
        [delivery.id],
      );
      return;
    }
    const outcome = await this.post(delivery);
    if (outcome.ok) {
      await this.dataSource.query(
        `UPDATE webhook_delivery
            SET status = 'DELIVERED', attempts = attempts + 1, delivered_at = now(),
                last_status_code = $2, last_error = NULL, locked_until = NULL
          WHERE id = $1 AND status = 'PENDING'`,
        [delivery.id, outcome.statusCode],
      );
      return;
    }
    // Retry n waits base × 2^(n−1), at most an hour; after the last try the delivery FAILED.
    const [row] = await this.dataSource.query<{ status: string; attempts: number }[]>(
      `WITH failed AS (
         UPDATE webhook_delivery
            SET attempts = attempts + 1, last_status_code = $2, last_error = $3,
                locked_until = NULL,
                status = CASE WHEN attempts + 1 >= $4 THEN 'FAILED' ELSE 'PENDING' END,
                next_attempt_at = now()
                  + least(power(2, least(attempts, 30)) * $5, $6) * interval '1 millisecond'
          WHERE id = $1 AND status = 'PENDING'
         RETURNING status, attempts)
       SELECT * FROM failed`,
      [
        delivery.id,
        outcome.statusCode,
        outcome.error,
        this.options.maxAttempts,
        this.options.backoffBaseMs,
        MAX_BACKOFF_MS,
      ],
    );
    this.logger.warn(
      {
        deliveryId: delivery.id,
        error: outcome.error,
        attempts: row?.attempts,
        status: row?.status,
      },
      "webhook delivery failed",
    );
  }

  private async post(delivery: ClaimedDelivery): Promise<Outcome> {
    try {
      const request = deliveryRequest(delivery);
      const response = await fetch(request.url, {
        method: "POST",
        headers: request.headers,
        body: request.body,
        // A redirect is not success: the receiver's URL should be configured exactly.
        redirect: "manual",
        signal: AbortSignal.timeout(this.requestTimeoutMs),
      });
      await response.body?.cancel().catch(() => undefined);
      if (request.accepted(response.status)) {
        return { ok: true, statusCode: response.status };
      }
      return { ok: false, statusCode: response.status, error: `HTTP ${response.status}` };
    } catch (error) {
      return { ok: false, statusCode: null, error: describeError(error) };
    }
  }
}

function describeError(error: unknown): string {
  if (error instanceof Error && error.name === "TimeoutError") return "timeout";
  const parts: string[] = [];
  for (let cause: unknown = error; cause instanceof Error; cause = cause.cause) {
    const code = (cause as { code?: unknown }).code;
    parts.push(typeof code === "string" ? `${cause.message} (${code})` : cause.message);
  }
  return (parts.join(": ") || String(error)).slice(0, 500);
}
