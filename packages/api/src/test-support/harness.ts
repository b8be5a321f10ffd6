import "reflect-metadata";
import { randomBytes } from "node:crypto";
import pg from "pg";
import { pino } from "pino";
import type { GraphQLFormattedError } from "graphql";
import { loadConfig } from "../config/index.js";
import { openDatabase, type Database } from "../db/database.js";
import { importLibrary, readLibrary } from "../modules/content/index.js";
import { createServer, type RealSkillsServer } from "../server.js";
import type { EmbedTokenClaims } from "@real-skills/shared";
import { mintEmbedToken } from "../auth/token-minter.js";
import type { CreatedOrganization } from "../modules/organization/organization.service.js";

export interface HttpResult<T> {
  status: number;
  headers: Headers;
  body: { data?: T | null; errors?: GraphQLFormattedError[] };
}

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
  /**
   * POSTs an operation over real HTTP (CORS, authentication, limits included). `token` is sent
   * as `Authorization: Bearer <token>` (an API key or an embed token).
   */
  http<T = Record<string, unknown>>(
    query: string,
    variables?: Record<string, unknown>,
    options?: { token?: string; origin?: string; headers?: Record<string, string> },
  ): Promise<HttpResult<T>>;
  /** The server's base URL (`http://127.0.0.1:<port>`), listening from the first call on. */
  url(): Promise<string>;
  /** Creates an organisation with its first ADMIN key and an HS256 embed key. */
  createOrganization(input?: { name?: string; origins?: string[] }): Promise<CreatedOrganization>;
  /** Mints an HS256 embed token for an organisation created by `createOrganization`. */
  mintToken(
    organization: CreatedOrganization,
    claims?: Partial<Omit<EmbedTokenClaims, "aud" | "iat" | "exp">>,
    ttlSeconds?: number,
  ): Promise<string>;
  close(): Promise<void>;
}

export async function createTestApp(
  options: {
    importContent?: boolean;
    webhookAllowHttp?: boolean;
    /** The current time as team reports see it, e.g. next month to report on this one. */
    reportNow?: () => Date;
  } = {},
): Promise<TestApp> {
  const base = loadConfig();
  const logger = pino({ level: process.env.TEST_LOG_LEVEL ?? "silent" });
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
    config: {
      maxBodyBytes: 100_000,
      shutdownTimeoutMs: 2_000,
      webhookAllowHttp: options.webhookAllowHttp ?? false,
    },
    database,
    logger,
    reportNow: options.reportNow,
  });
  queries.length = 0;
  let baseUrl: Promise<string> | undefined;
  const url = () =>
    (baseUrl ??= server
      .listen(0, "127.0.0.1")
      .then((address) => `http://127.0.0.1:${address.port}`));
  let organizations = 0;
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
    url,
    async http<T>(
      query: string,
      variables?: Record<string, unknown>,
      options: { token?: string; origin?: string; headers?: Record<string, string> } = {},
    ): Promise<HttpResult<T>> {
      const response = await fetch(`${await url()}/graphql`, {
        method: "POST",
        headers: {
          "content-type": "application/json",
          ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
          ...(options.origin ? { origin: options.origin } : {}),
          ...options.headers,
        },
        body: JSON.stringify({ query, variables }),
      });
      const body = (await response.json()) as HttpResult<T>["body"];
      return { status: response.status, headers: response.headers, body };
    },
    createOrganization(input = {}) {
      organizations += 1;
      return server.services.organizations.create({
        name: input.name ?? `Test Organisation ${organizations} ${randomBytes(3).toString("hex")}`,
        origins: input.origins ?? ["https://intranet.example.com"],
      });
    },
    mintToken(organization, claims = {}, ttlSeconds = 3600) {
      return mintEmbedToken(organization.embedKey, { sub: "employee-1", ...claims }, ttlSeconds);
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
