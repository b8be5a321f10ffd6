import pg from "pg";
import { DataSource, type Logger as TypeOrmLogger } from "typeorm";
import type { Logger } from "pino";
import type { Config } from "../config/index.js";
import { openEmbeddedDatabase } from "./embedded.js";
import { ENTITIES, MIGRATIONS } from "./entities.js";

/** The process-wide database: one data source (a `pg` pool), for the lifetime of the process. */
export interface Database {
  dataSource: DataSource;
  /** `embedded` (PGlite) or `postgres` (a server from `DATABASE_URL`). */
  kind: "embedded" | "postgres";
  /** Runs pending migrations; returns the names of those it applied. */
  migrate(): Promise<string[]>;
  /** Whether the database answers a trivial query right now. */
  ping(): Promise<boolean>;
  close(): Promise<void>;
}

export interface OpenDatabaseOptions {
  logger: Logger;
  /** Embedded only: keep data in memory instead of `config.dataDir` (tests). */
  inMemory?: boolean;
  /** Embedded only: join the database of a server already running on the same data folder. */
  shareRunning?: boolean;
  /** Sees every SQL statement; tests use it to count queries. */
  onQuery?: (sql: string) => void;
}

export async function openDatabase(
  config: Pick<Config, "databaseUrl" | "dataDir" | "dbPoolSize">,
  options: OpenDatabaseOptions,
): Promise<Database> {
  const embedded =
    config.databaseUrl === undefined
      ? await openEmbeddedDatabase({
          dataDir: options.inMemory ? null : config.dataDir,
          // Every pool connection needs a socket session, plus one spare for operator commands.
          maxConnections: config.dbPoolSize + 1,
          shareRunning: options.shareRunning ?? false,
        })
      : undefined;

  const dataSource = new DataSource({
    type: "postgres",
    url: embedded?.url ?? config.databaseUrl,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsTransactionMode: "each",
    synchronize: false,
    // Our migrations use core gen_random_uuid() (PostgreSQL 13+, PGlite): no extension needed.
    uuidExtension: "pgcrypto",
    installExtensions: false,
    logger: new SqlLogger(options.logger, options.onQuery),
    logging: ["query", "error", "warn", "migration"],
    // PGlite serialises sessions, so a small pool is plenty there and avoids idle sessions.
    poolSize: embedded ? Math.min(config.dbPoolSize, 4) : config.dbPoolSize,
    extra: {
      connectionTimeoutMillis: 5_000,
      application_name: "real-skills-api",
      Client: clientThatSurvivesItsConnection(options.logger),
    },
  });
  try {
    await dataSource.initialize();
  } catch (error) {
    await embedded?.close();
    throw error;
  }

  return {
    dataSource,
    kind: embedded ? "embedded" : "postgres",
    async migrate() {
      const run = async () => {
        const applied = await dataSource.runMigrations({ transaction: "each" });
        return applied.map((migration) => migration.name);
      };
      // The embedded database belongs to this process; a server is shared by every instance.
      return embedded ? run() : whileHoldingMigrationLock(dataSource, run);
    },
    async ping() {
      try {
        await dataSource.query("SELECT 1");
        return true;
      } catch {
        return false;
      }
    },
    async close() {
      if (dataSource.isInitialized) await dataSource.destroy();
      await embedded?.close();
    },
  };
}

/**
 * The pool's connections, each with a listener for its `error` event. The pool listens to idle
 * connections only; one checked out between two statements (a transaction, a migration lock)
 * whose server ends it (a restart, a failover) emits `error` with nobody listening, which ends
 * the process. With a listener the error is logged, the statement after it fails as
 * SERVICE_UNAVAILABLE, and the pool drops the connection when it comes back.
 */
function clientThatSurvivesItsConnection(logger: Logger): typeof pg.Client {
  return class extends pg.Client {
    constructor(config?: string | pg.ClientConfig) {
      super(config);
      this.on("error", (error) => {
        logger.warn({ err: error }, "database connection lost");
      });
    }
  };
}

/** The advisory lock key of migrations: any fixed number that no other lock of ours uses. */
const MIGRATION_LOCK = 7_358_621_904;

/**
 * Instances deployed together all migrate at start; without a lock they race to create the same
 * tables and all but one fail. Each waits for a session-level advisory lock, held on a connection
 * of its own, and finds the migrations applied once it gets it.
 */
async function whileHoldingMigrationLock<T>(
  dataSource: DataSource,
  work: () => Promise<T>,
): Promise<T> {
  const runner = dataSource.createQueryRunner();
  try {
    await runner.query("SELECT pg_advisory_lock($1)", [MIGRATION_LOCK]);
    try {
      return await work();
    } finally {
      await runner.query("SELECT pg_advisory_unlock($1)", [MIGRATION_LOCK]);
    }
  } finally {
    await runner.release();
  }
}

/** Sends TypeORM's output to pino at debug level (SQL) or warn/error, and to `onQuery`. */
class SqlLogger implements TypeOrmLogger {
  constructor(
    private readonly logger: Logger,
    private readonly onQuery?: (sql: string) => void,
  ) {}

  logQuery(query: string): void {
    this.onQuery?.(query);
    this.logger.trace({ sql: query }, "sql");
  }

  logQueryError(error: string | Error, query: string): void {
    this.logger.debug({ err: error, sql: query }, "sql failed");
  }

  logQuerySlow(time: number, query: string): void {
    this.logger.warn({ ms: time, sql: query }, "slow sql");
  }

  logSchemaBuild(message: string): void {
    this.logger.debug(message);
  }

  logMigration(message: string): void {
    this.logger.info(message);
  }

  log(level: "log" | "info" | "warn", message: unknown): void {
    if (level === "warn") this.logger.warn({ detail: message }, "database");
    else this.logger.debug({ detail: message }, "database");
  }
}
