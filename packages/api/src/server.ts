import "reflect-metadata";
import http from "node:http";
import net, { type AddressInfo } from "node:net";
import type { Duplex } from "node:stream";
import { setTimeout as delay } from "node:timers/promises";
import { ApolloServer } from "@apollo/server";
import { ApolloServerPluginCacheControlDisabled } from "@apollo/server/plugin/disabled";
import express, { type Request } from "express";
import type { GraphQLSchema } from "graphql";
import type { Logger } from "pino";
import { pinoHttp } from "pino-http";
import { randomUUID } from "node:crypto";
import { ERROR_CODES, type Locale } from "@real-skills/shared";
import { Authenticator } from "./auth/authenticator.js";
import { corsMiddleware } from "./auth/cors.js";
import { AuthFailure } from "./auth/embed-token.verifier.js";
import { cachePolicyPlugin } from "./caching/cache-policy.plugin.js";
import { answerPublicFromCache } from "./caching/cached-get.js";
import { ChangeNotices } from "./caching/change-notices.js";
import { keptReportsPlugin } from "./caching/kept-reports.plugin.js";
import { ResponseCache } from "./caching/response-cache.js";
import { ANONYMOUS, type Principal } from "./auth/principal.js";
import {
  apiError,
  formatError,
  internalError,
  isDatabaseUnavailable,
  isUnexpectedError,
  serviceUnavailable,
} from "./common/errors.js";
import { localeFromHeader, localePlugin } from "./common/locale.js";
import { loadConfig, type Config } from "./config/index.js";
import {
  createLoaderCaches,
  createLoaders,
  createServices,
  type Context,
  type Services,
} from "./context.js";
import { SharedReads } from "./common/shared-reads.js";
import type { Database } from "./db/database.js";
import { graphqlHandler } from "./graphql-handler.js";
import {
  connectRedis,
  httpErrorHandler,
  internalErrorsPlugin,
  limitVariables,
  queryLimitProtection,
  RateLimits,
  rejectInvalidUtf8,
  sendHttpError,
} from "./hardening/index.js";
import { createSchema } from "./schema.js";

/** Upper bound of the response cache's stored bodies (each answer is some kilobytes). */
const RESPONSE_CACHE_BYTES = 32 * 1024 * 1024;

/** The limits a server applies; those left out take their documented defaults. */
type LimitSettings = Pick<
  Config,
  | "maxVariablesBytes"
  | "rateLimitPerMinute"
  | "rateLimitIpPerMinute"
  | "trustProxy"
  | "responseCacheSeconds"
  | "requestTimeoutMs"
>;

export interface ServerOptions {
  config: Pick<Config, "maxBodyBytes" | "shutdownTimeoutMs"> &
    Partial<LimitSettings> &
    Partial<Pick<Config, "webhookAllowHttp" | "redisUrl">>;
  database: Database;
  logger: Logger;
  /** A prebuilt schema (tests share one); built when absent. */
  schema?: GraphQLSchema;
  /** The current time as team reports see it; tests only. */
  reportNow?: () => Date;
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
  const limits = limitsOf(options.config);
  const changes = await ChangeNotices.start(database.dataSource, database.kind, logger);
  const responseCache =
    limits.responseCacheSeconds > 0
      ? new ResponseCache({
          ttlSeconds: limits.responseCacheSeconds,
          maxBytes: RESPONSE_CACHE_BYTES,
        })
      : undefined;

  const services = createServices(database.dataSource, {
    webhookAllowHttp: options.config.webhookAllowHttp,
    reportNow: options.reportNow,
    changes,
  });
  const authenticator = new Authenticator(database.dataSource);
  const sharedReads = new SharedReads();
  const loaderCaches = createLoaderCaches(sharedReads);
  const keptReports = keptReportsPlugin<Context>(
    database.dataSource,
    options.reportNow ?? (() => new Date()),
  );
  changes.subscribe((change) => {
    authenticator.forget(change);
    sharedReads.forget(change);
    keptReports.forget(change);
    responseCache?.invalidate(change);
  });
  const contextFor = (
    request: { acceptLanguage?: string; principal?: Principal; requestId?: string } = {},
  ): Context => {
    const principal = request.principal ?? ANONYMOUS;
    const requestId = request.requestId ?? randomUUID();
    return {
      principal,
      requestId,
      locale: requestLocale(principal, request.acceptLanguage),
      services,
      loaders: createLoaders(database.dataSource, loaderCaches),
      logger: logger.child({ requestId }),
    };
  };

  const redis = options.config.redisUrl ? connectRedis(options.config.redisUrl, logger) : undefined;
  const rateLimits = RateLimits.create(
    database,
    { perPrincipal: limits.rateLimitPerMinute, perAddress: limits.rateLimitIpPerMinute },
    logger,
    redis,
  );
  const queryLimits = queryLimitProtection();

  const app = express();
  app.disable("x-powered-by");
  // Off unless configured: otherwise any client could name its own address in X-Forwarded-For.
  app.set("trust proxy", limits.trustProxy);
  // Anonymous reads of public content are answered from the cache before Express runs at all.
  const httpServer = http.createServer(requestTimeouts(limits.requestTimeoutMs), (req, res) => {
    graceful.track(res);
    if (responseCache !== undefined && answerPublicFromCache(responseCache, req, res)) return;
    void app(req, res);
  });
  const graceful = new GracefulStop(httpServer);
  const apollo = new ApolloServer<Context>({
    schema: options.schema ?? (await createSchema()),
    introspection: true,
    includeStacktraceInErrorResponses: false,
    // Apollo's defaults, spelled out because the limits rely on them: one operation per request
    // (a batch would multiply every limit below), and no query from a "simple" request a
    // browser would send cross-site without a CORS preflight (text/plain POSTs, plain GETs).
    allowBatchedHttpRequests: false,
    stringifyResult: (result) => keptReports.stringifyResult(result),
    csrfPrevention: true,
    parseOptions: queryLimits.parseOptions,
    validationRules: queryLimits.validationRules,
    logger,
    // main.ts owns signal handling (drain HTTP, then close the pool). Apollo's own handlers would
    // race it; outside NODE_ENV=test that left the process hanging on SIGTERM.
    stopOnTerminationSignals: false,
    formatError,
    plugins: [
      internalErrorsPlugin<Context>(),
      localePlugin<Context>(),
      cachePolicyPlugin<Context>(limits.responseCacheSeconds),
      keptReports,
      ...queryLimits.plugins,
      // Apollo installs its cache-control plugin by default; it wraps every field's resolver
      // (most of a large report's execution time) for hints this API does not use:
      // cachePolicyPlugin decides Cache-Control.
      ApolloServerPluginCacheControlDisabled(),
    ],
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
    // Per address first: before CORS and authentication, which both may query the database.
    rateLimits.byAddress(),
    corsMiddleware(authenticator),
    express.json({ limit: options.config.maxBodyBytes, verify: rejectInvalidUtf8 }),
    limitVariables(limits.maxVariablesBytes),
    graphqlHandler(apollo, {
      cache: responseCache,
      authenticate: (req) => authenticator.authenticate(credentialsOf(req)),
      localeOf: (req, principal) => requestLocale(principal, req.headers["accept-language"]),
      context: async (req, knownPrincipal) => {
        const requestId = requestIdOf(req);
        try {
          const principal = knownPrincipal ?? (await authenticate(authenticator, req));
          await rateLimits.consume(principal);
          return contextFor({
            acceptLanguage: req.headers["accept-language"],
            principal,
            requestId,
          });
        } catch (error) {
          if (isDatabaseUnavailable(error)) throw serviceUnavailable();
          // A failure here never reaches the request pipeline (nor its plugins): log it here.
          if (!isUnexpectedError(error)) throw error;
          logger.error({ err: error, requestId }, "unexpected error before a GraphQL request");
          throw internalError(requestId);
        }
      },
    }),
  );
  app.use((_req, res) => {
    sendHttpError(res, 404, ERROR_CODES.NOT_FOUND, "Nothing here: the API answers at /graphql.");
  });
  app.use(httpErrorHandler(logger));
  httpServer.on("clientError", answerClientError);

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
      try {
        await graceful.stop(options.config.shutdownTimeoutMs);
        await apollo.stop();
      } finally {
        await changes.close();
        redis?.disconnect();
      }
    },
  };
}

/** How long idle keep-alive connections stay open after a stop begins: see {@link GracefulStop}. */
const IDLE_GRACE_MS = 1_000;

/**
 * Stops the HTTP server without failing a request. `server.close()` alone ends idle keep-alive
 * connections at once, and a client that is sending its next request over one just then sees the
 * connection reset (it cannot tell whether the request ran); a load balancer's pooled
 * connections are such clients. Instead the listener closes, every answer from then on says
 * `Connection: close` (Node closes the connection after it), and idle connections get a moment to
 * bring their next request before they are ended. In-flight requests finish, up to the shutdown
 * timeout; then the rest is cut.
 */
class GracefulStop {
  private readonly unanswered = new Set<http.ServerResponse>();
  private stopping = false;

  constructor(private readonly server: http.Server) {}

  /** Called for every request as it arrives. */
  track(res: http.ServerResponse): void {
    if (this.stopping) {
      res.shouldKeepAlive = false;
      return;
    }
    this.unanswered.add(res);
    res.once("close", () => this.unanswered.delete(res));
  }

  /** Resolves once every connection has ended. */
  async stop(timeoutMs: number): Promise<void> {
    this.stopping = true;
    for (const res of this.unanswered) res.shouldKeepAlive = false;
    this.unanswered.clear();
    // net.Server's close, not http.Server's: it keeps idle connections, and calls back once every
    // connection has ended.
    const ended = new Promise<void>((resolve) => {
      net.Server.prototype.close.call(this.server, () => {
        resolve();
      });
    });
    const cut = setTimeout(() => {
      this.server.closeAllConnections();
    }, timeoutMs);
    try {
      await Promise.race([ended, delay(Math.min(IDLE_GRACE_MS, timeoutMs))]);
      this.server.closeIdleConnections();
      await ended;
    } finally {
      clearTimeout(cut);
    }
  }
}

/**
 * Node answers HTTP it cannot parse (a header too large, a malformed request line, a request too
 * slow to arrive) itself, with an empty body. These answers carry the API's JSON error shape too.
 */
function answerClientError(error: NodeJS.ErrnoException, socket: Duplex): void {
  const answering = (socket as { _httpMessage?: { headersSent?: boolean } })._httpMessage;
  if (error.code === "ECONNRESET" || !socket.writable || answering?.headersSent) {
    socket.destroy();
    return;
  }
  const [status, message] =
    error.code === "HPE_HEADER_OVERFLOW"
      ? [431, "The request's headers are too large."]
      : error.code === "ERR_HTTP_REQUEST_TIMEOUT"
        ? [408, "The request took too long to arrive."]
        : [400, "The request is not valid HTTP."];
  const body = JSON.stringify({
    errors: [{ message, extensions: { code: ERROR_CODES.BAD_REQUEST } }],
  });
  socket.end(
    `HTTP/1.1 ${status} ${http.STATUS_CODES[status]}\r\n` +
      "Content-Type: application/json; charset=utf-8\r\n" +
      `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
  );
}

/**
 * Node's defaults let a client take 5 minutes over one request, checked every 30 seconds: a few
 * slow senders could hold connections (and memory) long after any real client gave up.
 */
function requestTimeouts(requestTimeoutMs: number): http.ServerOptions {
  return {
    requestTimeout: requestTimeoutMs,
    headersTimeout: requestTimeoutMs,
    connectionsCheckingInterval: Math.min(1_000, requestTimeoutMs / 2),
  };
}

/** The limits of `config`, with the documented defaults for those it leaves out. */
function limitsOf(config: Partial<LimitSettings>): LimitSettings {
  // An empty environment reads nothing from the process: it yields exactly the defaults.
  const defaults = loadConfig({});
  return {
    maxVariablesBytes: config.maxVariablesBytes ?? defaults.maxVariablesBytes,
    rateLimitPerMinute: config.rateLimitPerMinute ?? defaults.rateLimitPerMinute,
    rateLimitIpPerMinute: config.rateLimitIpPerMinute ?? defaults.rateLimitIpPerMinute,
    trustProxy: config.trustProxy ?? defaults.trustProxy,
    responseCacheSeconds: config.responseCacheSeconds ?? defaults.responseCacheSeconds,
    requestTimeoutMs: config.requestTimeoutMs ?? defaults.requestTimeoutMs,
  };
}

/** A request's locale before any `locale` argument (see {@link Context.locale}). */
function requestLocale(principal: Principal, acceptLanguage: string | undefined): Locale {
  if (principal.kind === "EMBED_TOKEN" && principal.locale) return principal.locale;
  return localeFromHeader(
    acceptLanguage,
    principal.kind === "ANONYMOUS" ? undefined : principal.defaultLocale,
  );
}

function requestIdOf(req: Request): string {
  return typeof req.id === "string" ? req.id : randomUUID();
}

function credentialsOf(req: Request) {
  return { authorization: req.headers.authorization, origin: req.headers.origin };
}

async function authenticate(authenticator: Authenticator, req: Request): Promise<Principal> {
  try {
    return await authenticator.authenticate(credentialsOf(req));
  } catch (error) {
    if (!(error instanceof AuthFailure)) throw error;
    throw apiError(ERROR_CODES.UNAUTHENTICATED, "The credentials were not accepted.", {
      reason: error.reason,
      http: { status: 401 },
    });
  }
}
