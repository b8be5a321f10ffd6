import "reflect-metadata";
import { ConfigError, loadConfig } from "./config/index.js";
import { openDatabase } from "./db/database.js";
import { createLogger } from "./logger.js";
import { createServer } from "./server.js";
import { WebhookWorker } from "./modules/webhook/webhook.worker.js";

/** Boots the API: configuration, database, migrations, server, and a graceful stop on signals. */
async function main(): Promise<void> {
  const config = loadConfig();
  const logger = createLogger(config);
  const database = await openDatabase(config, { logger });
  logger.info(
    { database: database.kind, dataDir: database.kind === "embedded" ? config.dataDir : undefined },
    "database open",
  );
  if (config.migrateOnStart) {
    const applied = await database.migrate();
    if (applied.length > 0) logger.info({ applied }, "migrations applied");
  }
  const server = await createServer({ config, database, logger });
  const address = await server.listen(config.port, config.host);
  const webhooks = config.webhookWorker
    ? new WebhookWorker(database.dataSource, logger, {
        pollIntervalMs: config.webhookPollIntervalMs,
        backoffBaseMs: config.webhookBackoffBaseMs,
        maxAttempts: config.webhookMaxAttempts,
        leaseMs: config.webhookLeaseMs,
      })
    : undefined;
  webhooks?.start();
  logger.info(
    { port: address.port },
    `GraphQL API ready at http://localhost:${address.port}/graphql`,
  );

  let stopping = false;
  const stop = async (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, "shutting down: finishing in-flight requests");
    // Never hang on the way out: a stuck close must not keep a stopped instance alive.
    setTimeout(() => {
      logger.error("shutdown did not finish in time; exiting");
      process.exit(1);
    }, config.shutdownTimeoutMs + 5_000).unref();
    try {
      // Requests and the webhook deliveries in flight finish side by side; both need the pool,
      // which closes only after them.
      await Promise.all([server.stop(), webhooks?.stop()]);
      await database.close();
      logger.info("stopped");
      process.exit(0);
    } catch (error) {
      logger.error({ err: error }, "unclean shutdown");
      process.exit(1);
    }
  };
  process.on("SIGTERM", (signal) => void stop(signal));
  process.on("SIGINT", (signal) => void stop(signal));
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) {
    console.error(error.message);
  } else {
    console.error("The API could not start:", error instanceof Error ? error.message : error);
  }
  process.exit(1);
});
