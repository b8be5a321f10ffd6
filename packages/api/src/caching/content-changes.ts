import pg from "pg";
import type { Logger } from "pino";
import type { DataSource } from "typeorm";

/** What changed: the built-in library (seen by everyone), or one organisation's own content. */
export type ContentScope = { kind: "library" } | { kind: "organization"; organizationId: string };

/** The PostgreSQL channel every instance listens on; its payload is the changed scope. */
export const CONTENT_CHANNEL = "real_skills_content";

const LIBRARY_PAYLOAD = "library";

/**
 * Tells every instance that published content changed, so that caches of it are dropped.
 * A NOTIFY on {@link CONTENT_CHANNEL}: it works from any process that reaches the database (the
 * API after a publish, the CLI after an import). Call it after the change has committed, so that
 * no instance re-reads the old content after hearing of the new.
 */
export async function announceContentChange(
  dataSource: DataSource,
  scope: ContentScope,
): Promise<void> {
  await dataSource.query(`SELECT pg_notify($1, $2)`, [CONTENT_CHANNEL, payloadOf(scope)]);
}

/** Where a service reports a committed change of published content. */
export interface ContentChangeSink {
  changed(scope: ContentScope): Promise<void>;
}

type Listener = (scope: ContentScope | "everything") => void;

const RECONNECT_DELAY_MS = { first: 250, max: 10_000 };

/**
 * This instance's ear for content changes, process-wide. On a PostgreSQL server it holds one
 * connection of its own that LISTENs on {@link CONTENT_CHANNEL}, so a publish on any instance
 * (or an import by the CLI) reaches every instance. While that connection is down, changes may
 * be missed: every (re)connection therefore reports "everything" changed. The embedded database
 * belongs to one process, and pglite-socket hands a notification only to the session that sent
 * it, so there changes are heard in-process only ({@link changed}); the response cache's
 * time-to-live bounds how long an import by a separate CLI process goes unseen.
 */
export class ContentChanges implements ContentChangeSink {
  private readonly listeners = new Set<Listener>();
  private client: pg.Client | undefined;
  private reconnectTimer: NodeJS.Timeout | undefined;
  private reconnectDelayMs = RECONNECT_DELAY_MS.first;
  private closed = false;

  private constructor(
    private readonly dataSource: DataSource,
    private readonly logger: Logger,
    private readonly url: string | undefined,
  ) {}

  /** Starts listening (PostgreSQL) and resolves once the first connection listens. */
  static async start(
    dataSource: DataSource,
    kind: "embedded" | "postgres",
    logger: Logger,
  ): Promise<ContentChanges> {
    const url = kind === "postgres" ? urlOf(dataSource) : undefined;
    const changes = new ContentChanges(dataSource, logger, url);
    if (url !== undefined) await changes.listen();
    return changes;
  }

  /** Calls `listener` for every change heard, from any instance, this one included. */
  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Reports a committed change: to this instance at once, and to every other one by NOTIFY. */
  async changed(scope: ContentScope): Promise<void> {
    this.emit(scope);
    await announceContentChange(this.dataSource, scope);
  }

  async close(): Promise<void> {
    this.closed = true;
    clearTimeout(this.reconnectTimer);
    const client = this.client;
    this.client = undefined;
    await client?.end().catch(() => undefined);
  }

  private emit(scope: ContentScope | "everything"): void {
    for (const listener of this.listeners) listener(scope);
  }

  private async listen(): Promise<void> {
    const client = new pg.Client({
      connectionString: this.url,
      application_name: "real-skills-api content listener",
    });
    client.on("notification", (message) => {
      if (message.channel === CONTENT_CHANNEL) this.emit(scopeOf(message.payload));
    });
    // A lost connection must not take the process down: listen again, and until then assume
    // the worst (the cache's time-to-live is the fallback while the database is away).
    client.on("error", (error) => {
      this.logger.warn({ err: error }, "content listener lost its connection");
      this.reconnect(client);
    });
    client.on("end", () => {
      this.reconnect(client);
    });
    try {
      await client.connect();
      await client.query(`LISTEN ${CONTENT_CHANNEL}`);
    } catch (error) {
      this.logger.warn({ err: error }, "content listener could not connect; retrying");
      this.reconnect(client);
      return;
    }
    this.client = client;
    this.reconnectDelayMs = RECONNECT_DELAY_MS.first;
    // Whatever was published while no connection listened is unknown: drop every cache.
    this.emit("everything");
  }

  private reconnect(failed: pg.Client): void {
    if (this.closed || this.reconnectTimer !== undefined) return;
    if (this.client === failed) this.client = undefined;
    failed.removeAllListeners("end");
    failed.end().catch(() => undefined);
    const delayMs = this.reconnectDelayMs;
    this.reconnectDelayMs = Math.min(delayMs * 2, RECONNECT_DELAY_MS.max);
    this.reconnectTimer = setTimeout(() => {
      this.reconnectTimer = undefined;
      void this.listen();
    }, delayMs);
    this.reconnectTimer.unref();
  }
}

function payloadOf(scope: ContentScope): string {
  return scope.kind === "library" ? LIBRARY_PAYLOAD : `organization:${scope.organizationId}`;
}

function scopeOf(payload: string | undefined): ContentScope | "everything" {
  if (payload === LIBRARY_PAYLOAD) return { kind: "library" };
  const organizationId = payload?.startsWith("organization:")
    ? payload.slice("organization:".length)
    : "";
  // A payload this version does not know (a newer instance during a deploy): play safe.
  return organizationId === "" ? "everything" : { kind: "organization", organizationId };
}

function urlOf(dataSource: DataSource): string {
  const options = dataSource.options as { url?: string };
  if (options.url === undefined) throw new Error("the data source has no connection URL");
  return options.url;
}
