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
  MAX_BODY_BYTES: z.coerce
    .number({ error: "must be a number" })
    .int("must be a whole number")
    .min(1024, "must be at least 1024")
    .default(100_000),
  MIGRATE_ON_START: booleanFlag.default(true),
  CONTENT_DIR: z.string().min(1, "must not be empty").optional(),
});

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
  maxBodyBytes: number;
  migrateOnStart: boolean;
  /** Where the built-in library's files live (the package's `content/` folder by default). */
  contentDir: string;
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
    maxBodyBytes: values.MAX_BODY_BYTES,
    migrateOnStart: values.MIGRATE_ON_START,
    contentDir: path.resolve(values.CONTENT_DIR ?? defaultContentDir),
  };
}
