import pg from "pg";
import type { Logger } from "pino";
import type { DataSource } from "typeorm";

/** A committed change that instances may hold cached copies of. */
export type Change =
  /** The built-in library: seen by everyone. */
  | { kind: "library" }
  /** An organisation's own published assessments. */
  | { kind: "content"; organizationId: string }
  /** An organisation's embed keys or the origins it allows: who may call as it. */
  | { kind: "access"; organizationId: string };

/** The PostgreSQL channel every instance listens on; its payload names the change. */
export const CHANGE_CHANNEL = "real_skills_changes";

const LIBRARY_PAYLOAD = "library";

/**
 * Tells every instance of a change, so that their caches drop what it made stale. A NOTIFY on
 * {@link CHANGE_CHANNEL}: it works from any process that reaches the database (the API after a
 * publish, the CLI after an import). Call it after the change has committed, so that no instance
 * re-reads the old data after hearing of the new.
 */
export async function announceChange(dataSource: DataSource, change: Change): Promise<void> {
  await dataSource.query(`SELECT pg_notify($1, $2)`, [CHANGE_CHANNEL, payloadOf(change)]);
}

/** Where a service reports a committed change. */
export interface ChangeSink {
  changed(change: Change): Promise<void>;
}

/** A sink that only announces (NOTIFY): for processes without caches of their own (the CLI). */
export function announcer(dataSource: DataSource): ChangeSink {
  return { changed: (change) => announceChange(dataSource, change) };
}

type Listener = (change: Change | "everything") => void;

const RECONNECT_DELAY_MS = { first: 250, max: 10_000 };

/**
 * This instance's ear for changes, process-wide: its caches subscribe. On a PostgreSQL server it
 * holds one connection of its own that LISTENs on {@link CHANGE_CHANNEL}, so a publish or a key
 * revocation on any instance (or an import by the CLI) reaches every instance. While that connection is down, changes may
 * be missed: every (re)connection therefore reports "everything" changed. The embedded database
 * belongs to one process, and pglite-socket hands a notification only to the session that sent
 * it, so there changes are heard in-process only ({@link changed}); the response cache's
 * time-to-live bounds how long an import by a separate CLI process goes unseen.
 */
export class ChangeNotices implements ChangeSink {
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
  ): Promise<ChangeNotices> {
    const url = kind === "postgres" ? urlOf(dataSource) : undefined;
    const changes = new ChangeNotices(dataSource, logger, url);
    if (url !== undefined) await changes.listen();
    return changes;
  }

  /** Calls `listener` for every change heard, from any instance, this one included. */
  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Reports a committed change: to this instance at once, and to every other one by NOTIFY. */
  async changed(change: Change): Promise<void> {
    this.emit(change);
    await announceChange(this.dataSource, change);
  }

  async close(): Promise<void> {
    this.closed = true;
    clearTimeout(this.reconnectTimer);
    const client = this.client;
    this.client = undefined;
    await client?.end().catch(() => undefined);
  }

  private emit(change: Change | "everything"): void {
    for (const listener of this.listeners) listener(change);
  }

  private async listen(): Promise<void> {
    const client = new pg.Client({
      connectionString: this.url,
      application_name: "real-skills-api change listener",
    });
    client.on("notification", (message) => {
      if (message.channel === CHANGE_CHANNEL) this.emit(changeOf(message.payload));
    });
    // A lost connection must not take the process down: listen again, and until then assume
    // the worst (the cache's time-to-live is the fallback while the database is away).
    client.on("error", (error) => {
      this.logger.warn({ err: error }, "change listener lost its connection");
      this.reconnect(client);
    });
    client.on("end", () => {
      this.reconnect(client);
    });
    try {
      await client.connect();
      await client.query(`LISTEN ${CHANGE_CHANNEL}`);
    } catch (error) {
      this.logger.warn({ err: error }, "change listener could not connect; retrying");
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

function payloadOf(change: Change): string {
  return change.kind === "library" ? LIBRARY_PAYLOAD : `${change.kind}:${change.organizationId}`;
}

function changeOf(payload: string | undefined): Change | "everything" {
  if (payload === LIBRARY_PAYLOAD) return { kind: "library" };
  const [kind, organizationId] = payload?.split(":", 2) ?? [];
  if ((kind === "content" || kind === "access") && organizationId) return { kind, organizationId };
  // A payload this version does not know (a newer instance during a deploy): play safe.
  return "everything";
}

function urlOf(dataSource: DataSource): string {
  const options = dataSource.options as { url?: string };
  if (options.url === undefined) throw new Error("the data source has no connection URL");
  return options.url;
}
