import "reflect-metadata";
import { randomBytes } from "node:crypto";
import pg from "pg";
import { pino } from "pino";
import type { GraphQLFormattedError } from "graphql";
import { loadConfig } from "../config/index.js";
import { openDatabase, type Database } from "../db/database.js";
import { importLibrary, readLibrary } from "../modules/content/index.js";
import { createServer, type RealSkillsServer } from "../server.js";

/**
 * A real server on a real, throwaway database for one test file: in-memory PGlite by default, or a
 * fresh database on the PostgreSQL server in `DATABASE_URL` (dropped again by `close`).
 */
export interface TestApp {
  server: RealSkillsServer;
  database: Database;
  /** Every SQL statement since the last `resetQueries()`. */
  queries: string[];
  resetQueries(): void;
  /** Runs an operation through Apollo (plugins, context, error formatting included). */
  // The caller names the shape of `data` it expects, as with Apollo's own executeOperation<T>.
  // eslint-disable-next-line @typescript-eslint/no-unnecessary-type-parameters
  execute<T = Record<string, unknown>>(
    query: string,
    variables?: Record<string, unknown>,
    headers?: { acceptLanguage?: string },
  ): Promise<{ data?: T | null; errors?: readonly GraphQLFormattedError[] }>;
  close(): Promise<void>;
}

export async function createTestApp(options: { importContent?: boolean } = {}): Promise<TestApp> {
  const base = loadConfig();
  const logger = pino({ level: "silent" });
  const scratch = base.databaseUrl ? await createScratchDatabase(base.databaseUrl) : undefined;
  const queries: string[] = [];
  const database = await openDatabase(
    { ...base, databaseUrl: scratch?.url, dbPoolSize: 4 },
    { logger, inMemory: true, onQuery: (sql) => queries.push(sql) },
  );
  await database.migrate();
  if (options.importContent ?? true) {
    await importLibrary(database.dataSource, await readLibrary(base.contentDir));
  }
  const server = await createServer({
    config: { maxBodyBytes: 100_000, shutdownTimeoutMs: 2_000 },
    database,
    logger,
  });
  queries.length = 0;
  return {
    server,
    database,
    queries,
    resetQueries: () => {
      queries.length = 0;
    },
    async execute<T>(
      query: string,
      variables?: Record<string, unknown>,
      headers?: { acceptLanguage?: string },
    ) {
      const response = await server.apollo.executeOperation<T>(
        { query, variables },
        { contextValue: server.contextFor(headers) },
      );
      if (response.body.kind !== "single") throw new Error("expected a single result");
      return response.body.singleResult;
    },
    async close() {
      await server.stop();
      await database.close();
      await scratch?.drop();
    },
  };
}

async function createScratchDatabase(serverUrl: string) {
  const name = `rs_test_${randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const client = new pg.Client({ connectionString: serverUrl });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await client.end();
    },
  };
}
