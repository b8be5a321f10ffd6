import { Redis } from "ioredis";
import type { Logger } from "pino";

/**
 * The connection to the Redis server of `REDIS_URL`, which holds the rate-limit counters. While
 * Redis is away, commands fail at once rather than queue (the counters fall back to memory), and
 * the client reconnects by itself; each change of state is logged once, not each failed command.
 */
export function connectRedis(url: string, logger: Logger): Redis {
  const redis = new Redis(url, {
    enableOfflineQueue: false,
    connectTimeout: 2_000,
    maxRetriesPerRequest: 0,
    retryStrategy: (tries) => Math.min(tries * 200, 2_000),
  });
  let reachable: boolean | undefined;
  redis.on("ready", () => {
    if (reachable !== true) logger.info("redis connected: rate limits count there");
    reachable = true;
  });
  redis.on("error", (error: Error) => {
    if (reachable !== false) {
      logger.warn({ err: error }, "redis unavailable: rate limits count in memory meanwhile");
    }
    reachable = false;
  });
  return redis;
}
