import "reflect-metadata";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { ApolloServer } from "@apollo/server";
import { ApolloServerPluginDrainHttpServer } from "@apollo/server/plugin/drainHttpServer";
import { expressMiddleware } from "@as-integrations/express5";
import express from "express";
import type { GraphQLSchema } from "graphql";
import type { Logger } from "pino";
import { pinoHttp } from "pino-http";
import { randomUUID } from "node:crypto";
import { ERROR_CODES } from "@real-skills/shared";
import { Authenticator } from "./auth/authenticator.js";
import { corsMiddleware } from "./auth/cors.js";
import { AuthFailure } from "./auth/embed-token.verifier.js";
import { ANONYMOUS, type Principal } from "./auth/principal.js";
import { apiError, formatError } from "./common/errors.js";
import { localeFromHeader, localePlugin } from "./common/locale.js";
import type { Config } from "./config/index.js";
import { createLoaders, createServices, type Context, type Services } from "./context.js";
import type { Database } from "./db/database.js";
import { createSchema } from "./schema.js";

export interface ServerOptions {
  config: Pick<Config, "maxBodyBytes" | "shutdownTimeoutMs">;
  database: Database;
  logger: Logger;
  /** A prebuilt schema (tests share one); built when absent. */
  schema?: GraphQLSchema;
}

export interface RealSkillsServer {
  apollo: ApolloServer<Context>;
  httpServer: http.Server;
  /** Builds a per-request context, for `executeOperation` in tests. */
  contextFor(request?: { acceptLanguage?: string; principal?: Principal }): Context;
  authenticator: Authenticator;
  /** The process-wide services (tests use them to arrange data). */
  services: Services;
  /** Listens on `port` (0 = any free port) and resolves with the bound address. */
  listen(port: number, host?: string): Promise<AddressInfo>;
  /** Stops accepting connections, finishes in-flight requests, then stops Apollo. */
  stop(): Promise<void>;
}

/**
 * The server factory. It wires the HTTP routes, Apollo and per-request context, but never listens
 * by itself, so that tests build exactly the server that production runs.
 */
export async function createServer(options: ServerOptions): Promise<RealSkillsServer> {
  const { database, logger } = options;
  const services = createServices(database.dataSource);
  const authenticator = new Authenticator(database.dataSource);
  const contextFor = (
    request: { acceptLanguage?: string; principal?: Principal; requestId?: string } = {},
  ): Context => {
    const principal = request.principal ?? ANONYMOUS;
    const tokenLocale = principal.kind === "EMBED_TOKEN" ? principal.locale : null;
    const requestId = request.requestId ?? randomUUID();
    return {
      principal,
      requestId,
      locale: tokenLocale ?? localeFromHeader(request.acceptLanguage),
      services,
      loaders: createLoaders(database.dataSource),
      logger: logger.child({ requestId }),
    };
  };

  const app = express();
  app.disable("x-powered-by");
  const httpServer = http.createServer(app);
  const apollo = new ApolloServer<Context>({
    schema: options.schema ?? (await createSchema()),
    introspection: true,
    includeStacktraceInErrorResponses: false,
    // main.ts owns signal handling (drain HTTP, then close the pool). Apollo's own handlers would
    // race it; outside NODE_ENV=test that left the process hanging on SIGTERM.
    stopOnTerminationSignals: false,
    formatError: (formatted, error) =>
      formatError(formatted, error, (unexpected) => {
        logger.error({ err: unexpected }, "unexpected error in a GraphQL request");
      }),
    plugins: [localePlugin<Context>(), ApolloServerPluginDrainHttpServer({ httpServer })],
  });
  await apollo.start();

  app.use(
    pinoHttp({
      logger,
      // A caller's own request id (from a proxy) when it looks like one; otherwise a new one.
      genReqId: (req, res) => {
        const incoming = req.headers["x-request-id"];
        const id =
          typeof incoming === "string" && /^[\w.:-]{8,100}$/.test(incoming)
            ? incoming
            : randomUUID();
        res.setHeader("X-Request-Id", id);
        return id;
      },
      autoLogging: { ignore: (req) => req.url === "/healthz" || req.url === "/readyz" },
    }),
  );
  app.get("/healthz", (_req, res) => {
    res.json({ status: "ok" });
  });
  app.get("/readyz", async (_req, res) => {
    const ready = await database.ping();
    res.status(ready ? 200 : 503).json({ status: ready ? "ready" : "database unreachable" });
  });
  app.use(
    "/graphql",
    corsMiddleware(authenticator),
    express.json({ limit: options.config.maxBodyBytes }),
    expressMiddleware(apollo, {
      context: async ({ req }) => {
        const principal = await authenticator
          .authenticate({ authorization: req.headers.authorization, origin: req.headers.origin })
          .catch((error: unknown) => {
            if (!(error instanceof AuthFailure)) throw error;
            throw apiError(ERROR_CODES.UNAUTHENTICATED, "The credentials were not accepted.", {
              reason: error.reason,
              http: { status: 401 },
            });
          });
        return contextFor({
          acceptLanguage: req.headers["accept-language"],
          principal,
          requestId: typeof req.id === "string" ? req.id : randomUUID(),
        });
      },
    }),
  );
  app.use(httpErrorHandler(logger));

  return {
    apollo,
    httpServer,
    contextFor,
    authenticator,
    services,
    listen(port, host) {
      return new Promise((resolve, reject) => {
        httpServer.once("error", reject);
        httpServer.listen(port, host, () => {
          httpServer.off("error", reject);
          resolve(httpServer.address() as AddressInfo);
        });
      });
    },
    async stop() {
      // The drain plugin closes the listener, waits for in-flight requests, then cuts idle ones.
      const timeout = setTimeout(() => {
        httpServer.closeAllConnections();
      }, options.config.shutdownTimeoutMs);
      try {
        await apollo.stop();
      } finally {
        clearTimeout(timeout);
      }
    },
  };
}

/**
 * Errors raised before GraphQL runs (body too large, malformed JSON) answer in the GraphQL error
 * shape with a listed code, never with an HTML page or a stack trace.
 */
function httpErrorHandler(logger: Logger): express.ErrorRequestHandler {
  return (error: unknown, _req, res, _next) => {
    const status = (error as { status?: unknown }).status;
    const type = (error as { type?: unknown }).type;
    if (typeof status === "number" && status >= 400 && status < 500) {
      const message =
        type === "entity.too.large"
          ? "The request body is too large."
          : type === "entity.parse.failed"
            ? "The request body is not valid JSON."
            : "The request is not valid.";
      const code = type === "entity.parse.failed" ? "GRAPHQL_PARSE_FAILED" : "BAD_REQUEST";
      res.status(status).json({ errors: [{ message, extensions: { code } }] });
      return;
    }
    logger.error({ err: error }, "unexpected error outside GraphQL");
    res.status(500).json({
      errors: [
        { message: "Internal server error.", extensions: { code: "INTERNAL_SERVER_ERROR" } },
      ],
    });
  };
}
