import { readFile } from "node:fs/promises";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { fileURLToPath } from "node:url";
import { mintEmbedToken } from "../support/embed-token.js";
import { startPostgresServer, type PostgresServer } from "../support/postgres-server.js";
import {
  ASSESSMENT,
  INTRANET_ORIGIN,
  asAdmin,
  elapsed,
  printMeasured,
  setUpOrganization,
  withDatabase,
  type Organization,
} from "../support/reliability.js";
import { runEmployees } from "../support/retrying-client.js";
import { startRedisServer, type RedisServer } from "../support/redis-server.js";
import { startRoundRobinProxy, type RoundRobinProxy } from "../support/round-robin-proxy.js";
import { startApi, type ApiProcess } from "../support/stack.js";

// Two API instances on one PostgreSQL server behind a round-robin proxy, as docs/operations.md
// deploys them (started together on an empty database, each migrating at start): rate limits count across both (in PostgreSQL, or in Redis with REDIS_URL), a
// publish on one shows on the other within a second (response caches included), and a webhook is
// delivered once, though both run workers.

const PER_EMPLOYEE_PER_MINUTE = 30;
const PER_ADDRESS_PER_MINUTE = 1_000;

const examples = fileURLToPath(new URL("../../packages/api/examples/admin/", import.meta.url));

describe.each(["PostgreSQL", "Redis"] as const)("rate-limit counters in %s", (counters) => {
  let server: PostgresServer;
  let redis: RedisServer | undefined;
  let databaseUrl: string;
  let organization: Organization;
  let instances: [ApiProcess, ApiProcess];
  let proxy: RoundRobinProxy;
  let receiver: Receiver;

  beforeAll(async () => {
    server = await startPostgresServer();
    databaseUrl = await server.createDatabase("scale_out");
    redis = counters === "Redis" ? await startRedisServer() : undefined;
    const env = {
      DATABASE_URL: databaseUrl,
      ...(redis ? { REDIS_URL: redis.url } : {}),
      RATE_LIMIT_PER_MINUTE: String(PER_EMPLOYEE_PER_MINUTE),
      RATE_LIMIT_IP_PER_MINUTE: String(PER_ADDRESS_PER_MINUTE),
      TRUST_PROXY: "loopback",
      WEBHOOK_ALLOW_HTTP: "true",
      WEBHOOK_POLL_INTERVAL_MS: "50",
      LOG_LEVEL: "warn",
    };
    // Deployed together on an empty database: both migrate at start.
    const [first, second] = await Promise.all([startApi(env), startApi(env)]);
    instances = [first, second];
    organization = setUpOrganization(env);
    proxy = await startRoundRobinProxy(instances.map((instance) => instance.url));
    receiver = await startReceiver();
    await asAdmin(
      first.url,
      organization,
      `mutation($url: String!) {
        createWebhookEndpoint(input: { url: $url, events: [ATTEMPT_COMPLETED, ASSESSMENT_PUBLISHED] }) { endpoint { id } }
      }`,
      { url: receiver.url },
    );
  });

  afterAll(async () => {
    await proxy.close();
    await Promise.all(instances.map((instance) => instance.stop()));
    await receiver.close();
    await redis?.stop();
    await server.dispose();
  });

  test("two instances deployed together on an empty database both start, migrating it once", async () => {
    const applied = await withDatabase(databaseUrl, async (client) => {
      const { rows } = await client.query<{ name: string; times: number }>(
        `SELECT name, count(*)::int AS times FROM migrations GROUP BY name`,
      );
      return rows;
    });
    expect(applied.length).toBeGreaterThan(0);
    expect(applied.every((migration) => migration.times === 1)).toBe(true);
    for (const instance of instances)
      expect((await fetch(`${instance.url}/readyz`)).status).toBe(200);
  });

  test("a publish on one instance is visible on the other within a second, cached reads included", async () => {
    const [first, second] = instances;
    const token = await mintEmbedToken(organization.embedKey, { sub: "reader" });
    // The employee's read as the widget's persisted GET would be cached: per organisation.
    const titleOn = async (instance: ApiProcess): Promise<string | null> => {
      const query = `query { assessment(slug: "team-decisions") { title } }`;
      const response = await fetch(`${instance.url}/graphql?query=${encodeURIComponent(query)}`, {
        headers: {
          authorization: `Bearer ${token}`,
          origin: INTRANET_ORIGIN,
          "apollo-require-preflight": "true",
        },
      });
      const body = (await response.json()) as { data?: { assessment: { title: string } | null } };
      cacheControl = response.headers.get("cache-control");
      return body.data?.assessment?.title ?? null;
    };
    let cacheControl: string | null = null;
    await asAdmin(
      first.url,
      organization,
      await readFile(`${examples}1-create-assessment.graphql`, "utf8"),
    );
    // Not published yet: both instances answer (and keep) "no such assessment".
    expect(await titleOn(second)).toBeNull();
    expect(await titleOn(second)).toBeNull();
    // Kept for a minute, unless the publish reaches this instance.
    expect(cacheControl).toBe("private, max-age=60");

    await asAdmin(
      first.url,
      organization,
      `mutation { publishAssessment(slug: "team-decisions") { slug } }`,
    );
    const publishedAt = performance.now();
    let title: string | null = null;
    while (title === null && performance.now() - publishedAt < 5_000) {
      title = await titleOn(second);
    }
    const visibleAfter = performance.now() - publishedAt;

    printMeasured(`scale-out (${counters} counters): a publish on instance 1, read on instance 2`, {
      "visible on instance 2 after": `${Math.round(visibleAfter)} ms`,
    });
    expect(title).toBe("Team decisions");
    expect(visibleAfter).toBeLessThan(1_000);
  });

  test("webhooks are delivered once, though both instances run a worker", async () => {
    const started = performance.now();
    const run = await runEmployees({
      url: () => proxy.url,
      origin: INTRANET_ORIGIN,
      embedKey: organization.embedKey,
      slug: ASSESSMENT,
      employees: 40,
      concurrency: 8,
      subjectPrefix: "webhook",
    });
    expect(run.failures).toEqual([]);
    const queued = await withDatabase(databaseUrl, async (client) => {
      const { rows } = await client.query<{ id: string }>(`SELECT id FROM webhook_delivery`);
      return rows.map((row) => row.id);
    });
    // Every queued event arrives; then a while longer, in which a second delivery would show.
    const deadline = performance.now() + 30_000;
    while (new Set(receiver.deliveryIds).size < queued.length && performance.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const allArrivedAfter = elapsed(started);
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    const duplicates = receiver.deliveryIds.filter(
      (id, index) => receiver.deliveryIds.indexOf(id) !== index,
    );

    printMeasured(`scale-out (${counters} counters): webhooks with two workers`, {
      "requests served by each instance": proxy.served,
      "events queued": queued.length,
      "deliveries received": receiver.deliveryIds.length,
      "received twice": duplicates.length,
      "all received after": allArrivedAfter,
    });
    expect(queued.length).toBe(41); // 40 attempts and the publish of the first test
    expect([...receiver.deliveryIds].sort()).toEqual([...queued].sort());
    expect(duplicates).toEqual([]);
  });

  test("rate limits hold across both instances", async () => {
    const token = await mintEmbedToken(organization.embedKey, { sub: "limited" });
    const statuses = async (count: number, headers: Record<string, string>) => {
      const counted: Record<number, number> = {};
      for (let n = 0; n < count; n += 1) {
        const response = await fetch(`${proxy.url}/graphql`, {
          method: "POST",
          headers: { "content-type": "application/json", ...headers },
          body: JSON.stringify({ query: "{ viewer { kind } }" }),
        });
        await response.arrayBuffer();
        counted[response.status] = (counted[response.status] ?? 0) + 1;
      }
      return counted;
    };
    const servedBefore = [...proxy.served];
    const perEmployee = await statuses(2 * PER_EMPLOYEE_PER_MINUTE, {
      authorization: `Bearer ${token}`,
      origin: INTRANET_ORIGIN,
    });
    const perAddress = await statuses(PER_ADDRESS_PER_MINUTE + 100, {
      "x-forwarded-for": "203.0.113.7",
    });

    printMeasured(`scale-out (${counters} counters): rate limits through the proxy`, {
      "one employee, 2 × its limit": perEmployee,
      "one address, its limit + 100": perAddress,
      "requests served by each instance": proxy.served.map(
        (count, n) => count - (servedBefore[n] ?? 0),
      ),
    });
    // Each instance alone would have let twice as many through.
    expect(perEmployee).toEqual({ 200: PER_EMPLOYEE_PER_MINUTE, 429: PER_EMPLOYEE_PER_MINUTE });
    expect(perAddress).toEqual({ 200: PER_ADDRESS_PER_MINUTE, 429: 100 });
    // Counted where this deployment keeps its counters.
    const rows = await withDatabase(databaseUrl, async (client) => {
      const { rows } = await client.query<{ rows: number }>(
        `SELECT count(*)::int AS rows FROM rate_limit`,
      );
      return rows[0]?.rows ?? 0;
    });
    if (counters === "Redis") expect(rows).toBe(0);
    else expect(rows).toBeGreaterThan(0);
  });

  if (counters === "Redis") {
    test("with Redis away, requests are still answered, counted in each instance's memory", async () => {
      await redis?.stop();
      redis = undefined;
      const token = await mintEmbedToken(organization.embedKey, { sub: "while-redis-is-away" });
      const statuses: number[] = [];
      for (let n = 0; n < 10; n += 1) {
        const response = await fetch(`${proxy.url}/graphql`, {
          method: "POST",
          headers: {
            "content-type": "application/json",
            authorization: `Bearer ${token}`,
            origin: INTRANET_ORIGIN,
          },
          body: JSON.stringify({ query: "{ viewer { kind } }" }),
        });
        await response.arrayBuffer();
        statuses.push(response.status);
      }
      expect(statuses).toEqual(Array.from({ length: 10 }, () => 200));
      const warnings = instances.map(
        (instance) =>
          instance.output().match(/rate-limit store failed; counting in memory/g)?.length ?? 0,
      );
      printMeasured("scale-out (Redis counters): Redis stopped", {
        "statuses of 10 requests": statuses.join(" "),
        "'counting in memory' warnings per instance": warnings,
      });
      // Said once per limit (address, employee) and instance, not once per request.
      expect(warnings).toEqual([2, 2]);
    });
  }
});

interface Receiver {
  url: string;
  /** `X-RealSkills-Delivery` of every request received, in order. */
  deliveryIds: string[];
  close(): Promise<void>;
}

/** A customer's webhook receiver: answers 200 to everything and notes each delivery's id. */
async function startReceiver(): Promise<Receiver> {
  const deliveryIds: string[] = [];
  const receiverServer = http.createServer((request, response) => {
    request.resume();
    request.on("end", () => {
      deliveryIds.push(String(request.headers["x-realskills-delivery"]));
      response.end();
    });
  });
  await new Promise<void>((resolve) => receiverServer.listen(0, "127.0.0.1", resolve));
  const { port } = receiverServer.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hooks`,
    deliveryIds,
    close: () =>
      new Promise<void>((resolve) => {
        receiverServer.closeAllConnections();
        receiverServer.close(() => {
          resolve();
        });
      }),
  };
}
