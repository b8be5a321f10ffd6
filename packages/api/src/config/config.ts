import { isIP } from "node:net";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { z } from "zod";

const LOG_LEVELS = ["fatal", "error", "warn", "info", "debug", "trace", "silent"] as const;

const port = z.coerce
  .number({ error: "must be a number" })
  .int("must be a whole number")
  .min(0, "must be between 0 and 65535")
  .max(65535, "must be between 0 and 65535");

const booleanFlag = z
  .enum(["true", "false", "1", "0"], { error: "must be true or false" })
  .transform((value) => value === "true" || value === "1");

const perMinute = z.coerce
  .number({ error: "must be a number" })
  .int("must be a whole number")
  .min(0, "must not be negative (0 turns the limit off)");

// Express's names for address ranges, accepted in TRUST_PROXY next to addresses and subnets.
const PROXY_RANGE_NAMES = new Set(["loopback", "linklocal", "uniquelocal"]);

function isProxyAddress(entry: string): boolean {
  if (PROXY_RANGE_NAMES.has(entry)) return true;
  const [address = "", prefix, ...rest] = entry.split("/");
  const version = isIP(address);
  if (version === 0 || rest.length > 0) return false;
  if (prefix === undefined) return true;
  const bits = Number(prefix);
  return /^\d{1,3}$/.test(prefix) && bits <= (version === 4 ? 32 : 128);
}

/**
 * Which proxies may tell us the client's address in X-Forwarded-For: none (`false`), the nearest
 * `n` hops, or the listed addresses and subnets. `true` (trust every hop) is refused on purpose:
 * it lets any client choose its own address and so escape the per-address rate limit.
 */
const trustProxy = z.string().transform((value, context): TrustProxy => {
  const trimmed = value.trim();
  if (trimmed === "false" || trimmed === "0") return false;
  if (/^\d+$/.test(trimmed)) return Number(trimmed);
  const entries = trimmed.split(",").map((entry) => entry.trim());
  if (entries.every(isProxyAddress)) return entries;
  context.addIssue({
    code: "custom",
    message:
      "must be false, a number of proxy hops, or a comma-separated list of proxy addresses or subnets",
  });
  return z.NEVER;
});

const environmentSchema = z.object({
  PORT: port.default(4000),
  HOST: z.string().min(1, "must not be empty").default("0.0.0.0"),
  DATABASE_URL: z
    .url({ protocol: /^postgres(ql)?$/, error: "must be a postgres:// or postgresql:// URL" })
    .optional(),
  DATA_DIR: z.string().min(1, "must not be empty").default(".data"),
  DB_POOL_SIZE: z.coerce
    .number({ error: "must be a number" })
    .int("must be a whole number")
    .min(1, "must be at least 1")
    .max(200, "must be at most 200")
    .default(10),
  LOG_LEVEL: z
    .enum(LOG_LEVELS, { error: `must be one of ${LOG_LEVELS.join(", ")}` })
    .default("info"),
  SHUTDOWN_TIMEOUT_MS: z.coerce
    .number({ error: "must be a number" })
    .int("must be a whole number")
    .min(0, "must not be negative")
    .default(10_000),
  REQUEST_TIMEOUT_MS: z.coerce
    .number({ error: "must be a number" })
    .int("must be a whole number")
    .min(1000, "must be at least 1000")
    .default(30_000),
  MAX_BODY_BYTES: z.coerce
    .number({ error: "must be a number" })
    .int("must be a whole number")
    .min(1024, "must be at least 1024")
    .default(100_000),
  MAX_VARIABLES_BYTES: z.coerce
    .number({ error: "must be a number" })
    .int("must be a whole number")
    .min(1024, "must be at least 1024")
    .default(64_000),
  RATE_LIMIT_PER_MINUTE: perMinute.default(600),
  RATE_LIMIT_IP_PER_MINUTE: perMinute.default(3000),
  TRUST_PROXY: trustProxy.default(false),
  REDIS_URL: z
    .url({ protocol: /^rediss?$/, error: "must be a redis:// or rediss:// URL" })
    .optional(),
  RESPONSE_CACHE_SECONDS: z.coerce
    .number({ error: "must be a number" })
    .int("must be a whole number")
    .min(0, "must not be negative")
    .max(3600, "must be at most 3600")
    .default(60),
  MIGRATE_ON_START: booleanFlag.default(true),
  CONTENT_DIR: z.string().min(1, "must not be empty").optional(),
  WEBHOOK_WORKER: booleanFlag.default(true),
  WEBHOOK_POLL_INTERVAL_MS: z.coerce
    .number({ error: "must be a number" })
    .int("must be a whole number")
    .min(10, "must be at least 10")
    .default(1000),
  WEBHOOK_BACKOFF_BASE_MS: z.coerce
    .number({ error: "must be a number" })
    .int("must be a whole number")
    .min(1, "must be at least 1")
    .default(10_000),
  WEBHOOK_MAX_ATTEMPTS: z.coerce
    .number({ error: "must be a number" })
    .int("must be a whole number")
    .min(1, "must be at least 1")
    .max(100, "must be at most 100")
    .default(12),
  WEBHOOK_LEASE_MS: z.coerce
    .number({ error: "must be a number" })
    .int("must be a whole number")
    .min(1000, "must be at least 1000")
    .default(60_000),
  WEBHOOK_ALLOW_HTTP: booleanFlag.default(false),
});

/** The name of every environment variable the API reads. */
export const CONFIG_VARIABLES = Object.keys(environmentSchema.shape);

/** Express's `trust proxy` setting: off, a hop count, or trusted proxy addresses and subnets. */
export type TrustProxy = false | number | string[];

/** Everything the API reads from its environment, validated once at start-up. */
export interface Config {
  port: number;
  host: string;
  /** A PostgreSQL server; when absent the embedded PGlite database under `dataDir` is used. */
  databaseUrl: string | undefined;
  dataDir: string;
  dbPoolSize: number;
  logLevel: (typeof LOG_LEVELS)[number];
  shutdownTimeoutMs: number;
  /**
   * How long a client may take to send a whole request, headers and body; a slower one is
   * answered 408 and cut off, so slow senders cannot hold connections open.
   */
  requestTimeoutMs: number;
  maxBodyBytes: number;
  /** Largest accepted `variables` object of one operation, in bytes of JSON. */
  maxVariablesBytes: number;
  /** Requests per minute of one API key or one employee (embed token `sub`); 0 = no limit. */
  rateLimitPerMinute: number;
  /** Requests per minute to /graphql from one client address (IPv6: per /64); 0 = no limit. */
  rateLimitIpPerMinute: number;
  /** Which proxies decide the client address (X-Forwarded-For); off by default. */
  trustProxy: TrustProxy;
  /** A Redis server for the rate-limit counters; when absent they live in PostgreSQL (or memory). */
  redisUrl: string | undefined;
  /**
   * How long answers to GETs of public content are served from the response cache, and the
   * `max-age` clients are told; 0 = no caching. A publish drops them at once on every instance.
   */
  responseCacheSeconds: number;
  migrateOnStart: boolean;
  /** Where the built-in library's files live (the package's `content/` folder by default). */
  contentDir: string;
  /** Whether this process sends webhooks (the outbox worker); any number of instances may. */
  webhookWorker: boolean;
  /** How often the worker looks for due deliveries. */
  webhookPollIntervalMs: number;
  /** The first retry's delay; each further retry waits twice as long, at most an hour. */
  webhookBackoffBaseMs: number;
  /** Tries per delivery before it is marked FAILED. */
  webhookMaxAttempts: number;
  /** How long a worker holds the deliveries it claimed; a crashed worker's are retried after it. */
  webhookLeaseMs: number;
  /** Accept plain `http://` endpoint URLs (tests, local development); `https://` only otherwise. */
  webhookAllowHttp: boolean;
}

/** Thrown for a bad environment; the message names each offending variable. */
export class ConfigError extends Error {
  override name = "ConfigError";
}

// src/config and dist/config both sit two levels below the package root.
const defaultContentDir = fileURLToPath(new URL("../../content", import.meta.url));

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  // An empty variable means "not set", as in most shells' `VAR= command`.
  const present = Object.fromEntries(
    Object.entries(env).filter(([, value]) => value !== undefined && value !== ""),
  );
  const parsed = environmentSchema.safeParse(present);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => {
      const name = issue.path.join(".");
      const got = present[name];
      return `  ${name} ${issue.message}${got === undefined ? "" : ` (got ${JSON.stringify(got)})`}`;
    });
    throw new ConfigError(`Invalid configuration:\n${problems.join("\n")}`);
  }
  const values = parsed.data;
  return {
    port: values.PORT,
    host: values.HOST,
    databaseUrl: values.DATABASE_URL,
    dataDir: path.resolve(values.DATA_DIR),
    dbPoolSize: values.DB_POOL_SIZE,
    logLevel: values.LOG_LEVEL,
    shutdownTimeoutMs: values.SHUTDOWN_TIMEOUT_MS,
    requestTimeoutMs: values.REQUEST_TIMEOUT_MS,
    maxBodyBytes: values.MAX_BODY_BYTES,
    maxVariablesBytes: values.MAX_VARIABLES_BYTES,
    rateLimitPerMinute: values.RATE_LIMIT_PER_MINUTE,
    rateLimitIpPerMinute: values.RATE_LIMIT_IP_PER_MINUTE,
    trustProxy: values.TRUST_PROXY,
    redisUrl: values.REDIS_URL,
    responseCacheSeconds: values.RESPONSE_CACHE_SECONDS,
    migrateOnStart: values.MIGRATE_ON_START,
    contentDir: path.resolve(values.CONTENT_DIR ?? defaultContentDir),
    webhookWorker: values.WEBHOOK_WORKER,
    webhookPollIntervalMs: values.WEBHOOK_POLL_INTERVAL_MS,
    webhookBackoffBaseMs: values.WEBHOOK_BACKOFF_BASE_MS,
    webhookMaxAttempts: values.WEBHOOK_MAX_ATTEMPTS,
    webhookLeaseMs: values.WEBHOOK_LEASE_MS,
    webhookAllowHttp: values.WEBHOOK_ALLOW_HTTP,
  };
}
