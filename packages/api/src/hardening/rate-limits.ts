import { HeaderMap } from "@apollo/server";
import { ERROR_CODES } from "@real-skills/shared";
import type { RequestHandler } from "express";
import type { Logger } from "pino";
import type { Redis } from "ioredis";
import {
  RateLimiterMemory,
  RateLimiterPostgres,
  RateLimiterRedis,
  RateLimiterRes,
  type RateLimiterAbstract,
} from "rate-limiter-flexible";
import { principalId, type Principal } from "../auth/principal.js";
import { apiError } from "../common/errors.js";
import type { Database } from "../db/database.js";
import { clientAddressKey } from "./client-address.js";
import { sendRetryLater } from "./http-errors.js";

/** Requests allowed per minute; 0 switches a limit off. */
export interface RateLimitSettings {
  /** Per API key or per employee (embed token `sub`). */
  perPrincipal: number;
  /** Per client address (IPv6: per /64), whatever the credentials. */
  perAddress: number;
}

/** Created by migration 1764390000000-rate-limits; one row per key and window. */
const RATE_LIMIT_TABLE = "rate_limit";

const WINDOW_SECONDS = 60;

/**
 * The process-wide rate limits. With a PostgreSQL server the counters live in the database, so
 * that every instance counts against the same budget; the embedded database belongs to one
 * process, so there they live in memory. With a Redis server (`REDIS_URL`) they live there
 * instead, which spares PostgreSQL one write per request.
 */
export class RateLimits {
  private constructor(
    private readonly perPrincipal: Counter | undefined,
    private readonly perAddress: Counter | undefined,
  ) {}

  static create(
    database: Database,
    settings: RateLimitSettings,
    logger: Logger,
    redis?: Redis,
  ): RateLimits {
    const store = (keyPrefix: string, points: number, clearsExpired: boolean) =>
      redis
        ? new RateLimiterRedis({
            storeClient: redis,
            keyPrefix: `real-skills:${keyPrefix}`,
            points,
            duration: WINDOW_SECONDS,
            // While Redis is away, fail at once (and count in memory) instead of waiting.
            rejectIfRedisNotReady: true,
          })
        : createStore(database, keyPrefix, points, clearsExpired);
    const counter = (keyPrefix: string, points: number, clearsExpired: boolean) =>
      points > 0 ? new Counter(store(keyPrefix, points, clearsExpired), points, logger) : undefined;
    return new RateLimits(
      counter("principal", settings.perPrincipal, true),
      counter("address", settings.perAddress, false),
    );
  }

  /**
   * Express middleware for /graphql, in front of everything else there: answers 429 once the
   * client address is over its limit. It runs before authentication, so floods of bad
   * credentials are limited too.
   */
  byAddress(): RequestHandler {
    return (req, res, next) => {
      if (!this.perAddress) {
        next();
        return;
      }
      this.perAddress.consume(clientAddressKey(req.ip)).then((retryAfterSeconds) => {
        if (retryAfterSeconds === undefined) {
          next();
          return;
        }
        sendRetryLater(req, res, 429, ERROR_CODES.RATE_LIMITED, tooMany(retryAfterSeconds), {
          retryAfterSeconds,
        });
      }, next);
    };
  }

  /**
   * Counts one request of an authenticated caller and throws RATE_LIMITED (HTTP 429 with
   * `Retry-After`) once it is over its limit. Anonymous callers are limited by address only:
   * they share no identity to count against.
   */
  async consume(principal: Principal): Promise<void> {
    if (!this.perPrincipal || principal.kind === "ANONYMOUS") return;
    const retryAfterSeconds = await this.perPrincipal.consume(principalId(principal));
    if (retryAfterSeconds === undefined) return;
    throw apiError(ERROR_CODES.RATE_LIMITED, tooMany(retryAfterSeconds), {
      retryAfterSeconds,
      http: { status: 429, headers: new HeaderMap([["retry-after", String(retryAfterSeconds)]]) },
    });
  }
}

function tooMany(retryAfterSeconds: number): string {
  return `Too many requests. Retry after ${retryAfterSeconds} seconds.`;
}

function createStore(
  database: Database,
  keyPrefix: string,
  points: number,
  clearsExpired: boolean,
): RateLimiterAbstract {
  if (database.kind === "embedded") {
    return new RateLimiterMemory({ keyPrefix, points, duration: WINDOW_SECONDS });
  }
  return new RateLimiterPostgres({
    keyPrefix,
    points,
    duration: WINDOW_SECONDS,
    // The data source, not its pool: the library asks `driver.master` for the pool on every
    // query, which stays right if TypeORM ever replaces the pool.
    storeClient: database.dataSource,
    storeType: "typeorm",
    tableName: RATE_LIMIT_TABLE,
    // A migration creates the table; the library's own CREATE TABLE would be DDL at run time.
    tableCreated: true,
    // Every five minutes, delete windows that ended an hour ago; one limiter does it for both.
    clearExpiredByTimeout: clearsExpired,
  });
}

/**
 * One limit. When its store fails (the database or Redis is away), it counts in this process's
 * memory instead: requests are then limited per instance rather than refused or let through
 * unlimited. It says so once when the store starts failing and once when it works again, not on
 * every request.
 */
class Counter {
  private readonly fallback: RateLimiterMemory;
  private storeFailing = false;

  constructor(
    private readonly store: RateLimiterAbstract,
    points: number,
    private readonly logger: Logger,
  ) {
    this.fallback =
      store instanceof RateLimiterMemory
        ? store
        : new RateLimiterMemory({ keyPrefix: store.keyPrefix, points, duration: WINDOW_SECONDS });
  }

  /** Counts one request for `key`; resolves with the seconds to wait when over the limit. */
  async consume(key: string): Promise<number | undefined> {
    try {
      await this.store.consume(key);
      this.storeWorks();
      return undefined;
    } catch (outcome) {
      if (outcome instanceof RateLimiterRes) {
        this.storeWorks();
        return retryAfterSeconds(outcome);
      }
      if (!this.storeFailing) {
        this.logger.warn(
          { err: outcome, limit: this.store.keyPrefix },
          "rate-limit store failed; counting in memory",
        );
      }
      this.storeFailing = true;
    }
    try {
      await this.fallback.consume(key);
      return undefined;
    } catch (outcome) {
      if (outcome instanceof RateLimiterRes) return retryAfterSeconds(outcome);
      throw outcome;
    }
  }

  private storeWorks(): void {
    if (!this.storeFailing) return;
    this.storeFailing = false;
    this.logger.info({ limit: this.store.keyPrefix }, "rate-limit store works again");
  }
}

function retryAfterSeconds(result: RateLimiterRes): number {
  return Math.max(1, Math.ceil(result.msBeforeNext / 1000));
}
