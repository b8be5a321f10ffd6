import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { startPostgresServer } from "../support/postgres-server.js";
import {
  ASSESSMENT,
  INTRANET_ORIGIN,
  asAdmin,
  elapsed,
  printMeasured,
  setUpOrganization,
  withDatabase,
} from "../support/reliability.js";
import { runEmployees, type Acknowledged } from "../support/retrying-client.js";
import { startApi, type ApiProcess } from "../support/stack.js";

// The API is killed (SIGKILL: no shutdown, transactions cut mid-way) twice while employees submit,
// and restarted on the same port. Their widgets retry every request with the same input, a submit
// with the same idempotency key. Afterwards the database must hold every acknowledged submission
// exactly once, with the result the employee was shown, and every submission must have landed:
// on a PostgreSQL server, and on the embedded database, whose files the killed process leaves
// as they were.

const EMPLOYEES = 2_000;
const CONCURRENCY = 32;
/** Kills after this many acknowledged submissions. */
const KILL_AFTER = [500, 1_200];

/** Where the API keeps its data, and a way to read it once the API has stopped. */
interface CrashStorage {
  env: Record<string, string>;
  read<T>(work: (query: Query) => Promise<T>): Promise<T>;
  dispose(): Promise<void>;
}

type Query = (sql: string, params?: unknown[]) => Promise<{ rows: unknown[] }>;

async function postgresStorage(): Promise<CrashStorage> {
  const server = await startPostgresServer();
  const url = await server.createDatabase("crash");
  return {
    env: { DATABASE_URL: url },
    read: (work) => withDatabase(url, (client) => work((sql, params) => client.query(sql, params))),
    dispose: () => server.dispose(),
  };
}

/** The embedded default: a data folder that a killed process leaves as it was. */
async function embeddedStorage(): Promise<CrashStorage> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), "rs-crash-"));
  return {
    env: { DATA_DIR: dataDir },
    async read(work) {
      const { PGlite } = await import("@electric-sql/pglite");
      const database = await PGlite.create({ dataDir: path.join(dataDir, "pglite") });
      try {
        return await work((sql, params) => database.query(sql, params));
      } finally {
        await database.close();
      }
    },
    dispose: () => rm(dataDir, { recursive: true, force: true }),
  };
}

describe.each([
  ["PostgreSQL", postgresStorage],
  ["the embedded database", embeddedStorage],
] as const)("on %s", (name, createStorage) => {
  let storage: CrashStorage;

  beforeAll(async () => {
    storage = await createStorage();
  });

  afterAll(async () => {
    await storage.dispose();
  });

  test("SIGKILL during 2000 retrying submissions: each acknowledged one stored exactly once, all land", async () => {
    const env = {
      ...storage.env,
      // Every employee's requests come from 127.0.0.1 here; per-employee limits still apply.
      RATE_LIMIT_IP_PER_MINUTE: "0",
      // Deliveries are not this case's subject; their outbox rows are.
      WEBHOOK_WORKER: "false",
      WEBHOOK_ALLOW_HTTP: "true",
      LOG_LEVEL: "warn",
    };
    const organization = setUpOrganization(env);
    let api: ApiProcess = await startApi(env);
    const port = Number(new URL(api.url).port);
    await asAdmin(
      api.url,
      organization,
      `mutation { createWebhookEndpoint(input: { url: "http://127.0.0.1:9/hook", events: [ATTEMPT_COMPLETED] }) { endpoint { id } } }`,
    );

    const crashes: { afterAcknowledged: number; downtime: string }[] = [];
    let crashing: Promise<void> = Promise.resolve();
    const crashAndRestart = async (afterAcknowledged: number) => {
      const killedAt = performance.now();
      await api.stop("SIGKILL");
      api = await startApi(env, { port });
      crashes.push({ afterAcknowledged, downtime: elapsed(killedAt) });
    };

    const started = performance.now();
    const run = await runEmployees({
      url: () => api.url,
      origin: INTRANET_ORIGIN,
      embedKey: organization.embedKey,
      slug: ASSESSMENT,
      employees: EMPLOYEES,
      concurrency: CONCURRENCY,
      onAcknowledged: (_submission, { acknowledged }) => {
        if (KILL_AFTER.includes(acknowledged.length)) {
          crashing = crashing.then(() => crashAndRestart(acknowledged.length));
        }
      },
    });
    await crashing;
    const took = elapsed(started);

    await api.stop();
    const stored = await storage.read((query) => storedFacts(query, organization.id));

    printMeasured(`crash on ${name}: SIGKILL and restart under retrying submissions`, {
      employees: EMPLOYEES,
      concurrency: CONCURRENCY,
      took,
      crashes,
      acknowledged: run.acknowledged.length,
      "not retriable (failures)": run.failures.length,
      "tries without an answer (API down or killed)": run.tally.networkErrors,
      "tries answered 5xx": run.tally.serverErrors,
      "tries answered with a retriable code": run.tally.retriedCodes,
      "hangs (no answer in 30 s)": run.tally.timeouts,
      "attempts stored": stored.attempts,
      "submitted attempts": stored.submitted.size,
      "employees with more than one attempt": stored.employeesWithSeveralAttempts,
      "answers stored": stored.answers,
      "report responses counted": stored.reportResponses,
      "attempt.completed events queued": stored.completedEvents,
    });

    expect(run.failures).toEqual([]);
    expect(run.tally.timeouts).toBe(0);
    expect(crashes).toHaveLength(KILL_AFTER.length);
    // The kills cut requests off: the clients saw it and retried.
    expect(run.tally.networkErrors).toBeGreaterThan(0);
    // Every submission landed, once per employee, with the result its employee was shown.
    expect(run.acknowledged).toHaveLength(EMPLOYEES);
    expect(stored.attempts).toBe(EMPLOYEES);
    expect(stored.employeesWithSeveralAttempts).toBe(0);
    expect(stored.submitted.size).toBe(EMPLOYEES);
    expect(mismatches(run.acknowledged, stored.submitted)).toEqual([]);
    // Nothing counted twice or lost downstream of a submit either.
    expect(stored.answers).toBe(EMPLOYEES * stored.itemsPerAttempt);
    expect(stored.reportResponses).toBe(EMPLOYEES);
    expect(stored.completedEvents).toEqual({ events: EMPLOYEES, attempts: EMPLOYEES });
  });
});

interface StoredAttempt {
  idempotencyKey: string;
  scores: Record<string, number>;
}

async function storedFacts(query: Query, organizationId: string) {
  const one = async <T>(sql: string): Promise<T> =>
    (await query(sql, [organizationId])).rows[0] as T;
  const { attempts } = await one<{ attempts: number }>(
    `SELECT count(*)::int AS attempts FROM attempt WHERE organization_id = $1`,
  );
  const { several } = await one<{ several: number }>(
    `SELECT count(*)::int AS several FROM (
       SELECT subject FROM attempt WHERE organization_id = $1 GROUP BY subject HAVING count(*) > 1
     ) s`,
  );
  const { answers } = await one<{ answers: number }>(
    `SELECT count(*)::int AS answers FROM answer WHERE organization_id = $1`,
  );
  const { items } = await one<{ items: number }>(
    `SELECT count(*)::int AS items FROM item
      WHERE version_id = (SELECT version_id FROM attempt WHERE organization_id = $1 LIMIT 1)`,
  );
  const { responses } = await one<{ responses: number }>(
    `SELECT coalesce(sum(responses), 0)::int AS responses FROM report_cell WHERE organization_id = $1`,
  );
  const completedEvents = await one<{ events: number; attempts: number }>(
    `SELECT count(*)::int AS events, count(DISTINCT payload->'attempt'->>'id')::int AS attempts
       FROM webhook_delivery WHERE organization_id = $1 AND event_type = 'attempt.completed'`,
  );
  const { rows } = await query(
    `SELECT t.id, t.idempotency_key AS "idempotencyKey", k.slug, s.score
       FROM attempt t
       JOIN attempt_score s ON s.attempt_id = t.id
       JOIN skill k ON k.id = s.skill_id
      WHERE t.organization_id = $1 AND t.status = 'SUBMITTED'`,
    [organizationId],
  );
  const submitted = new Map<string, StoredAttempt>();
  for (const row of rows as { id: string; idempotencyKey: string; slug: string; score: number }[]) {
    const attempt = submitted.get(row.id) ?? { idempotencyKey: row.idempotencyKey, scores: {} };
    attempt.scores[row.slug] = row.score;
    submitted.set(row.id, attempt);
  }
  return {
    attempts,
    employeesWithSeveralAttempts: several,
    answers,
    itemsPerAttempt: items,
    reportResponses: responses,
    completedEvents,
    submitted,
  };
}

/** Acknowledged submissions whose stored attempt is missing or differs from what was shown. */
function mismatches(acknowledged: Acknowledged[], stored: Map<string, StoredAttempt>): string[] {
  return acknowledged.flatMap((submission) => {
    const attempt = stored.get(submission.attemptId);
    const shown = Object.fromEntries(submission.scores.map((s) => [s.skill.slug, s.score]));
    if (!attempt) return [`${submission.subject}: attempt ${submission.attemptId} not stored`];
    if (attempt.idempotencyKey !== submission.idempotencyKey) {
      return [`${submission.subject}: stored with another idempotency key`];
    }
    if (JSON.stringify(sortedKeys(attempt.scores)) !== JSON.stringify(sortedKeys(shown))) {
      return [
        `${submission.subject}: stored ${JSON.stringify(attempt.scores)}, shown ${JSON.stringify(shown)}`,
      ];
    }
    return [];
  });
}

function sortedKeys(record: Record<string, number>): Record<string, number> {
  return Object.fromEntries(Object.entries(record).sort(([a], [b]) => a.localeCompare(b)));
}
