import { histogram, recordLoad, succeeded, type Outcome } from "../support/load-recorder.js";
import { postgresServerForThisFile } from "../support/postgres-server.js";
import {
  ASSESSMENT,
  INTRANET_ORIGIN,
  elapsed,
  printMeasured,
  setUpOrganization,
  withDatabase,
} from "../support/reliability.js";
import { runEmployees } from "../support/retrying-client.js";
import { startApi } from "../support/stack.js";
import { employeeWorker, readerWorker } from "../support/workers.js";

// PostgreSQL is restarted (a fast shutdown: every session ended, then down for a few seconds)
// while employees submit. The API stays up: it answers with the retriable SERVICE_UNAVAILABLE,
// reports not ready on /readyz, and comes back by itself once the database is back. Nothing it
// acknowledged is lost.

const EMPLOYEES = 600;
const DOWN_MS = 3_000;

const postgres = postgresServerForThisFile();

test("PostgreSQL restarted under load: retriable answers, not ready, recovers alone, nothing acknowledged lost", async () => {
  const env = {
    DATABASE_URL: await postgres().createDatabase("restart"),
    // The limits stay on (their counters are in PostgreSQL too), beyond this load's reach.
    RATE_LIMIT_PER_MINUTE: "1000000",
    RATE_LIMIT_IP_PER_MINUTE: "1000000",
    LOG_LEVEL: "warn",
  };
  const organization = setUpOrganization(env);
  const api = await startApi(env);

  const readiness: { at: number; status: number }[] = [];
  const watch = { running: true };
  const watchReadiness = (async () => {
    while (watch.running) {
      // Status 0: no answer at all, which only an API that went away would give.
      const status = await fetch(`${api.url}/readyz`).then(
        (response) => response.status,
        () => 0,
      );
      readiness.push({ at: performance.now(), status });
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  })();
  // Besides the employees who retry, a load that does not: it shows each answer as it came.
  const probes = recordLoad(
    () => api.url,
    [
      ...(await Promise.all(
        Array.from({ length: 4 }, (_, n) => employeeWorker(organization.embedKey, `prober-${n}`)),
      )),
      readerWorker(),
    ],
  );

  let stoppedAt = 0;
  let startedAt = 0;
  let restart: Promise<void> | undefined;
  const started = performance.now();
  const run = await runEmployees({
    url: () => api.url,
    origin: INTRANET_ORIGIN,
    embedKey: organization.embedKey,
    slug: ASSESSMENT,
    employees: EMPLOYEES,
    concurrency: 16,
    onAcknowledged: (_submission, { acknowledged }) => {
      if (acknowledged.length !== 150) return;
      restart = (async () => {
        stoppedAt = performance.now();
        postgres().stop("fast");
        await new Promise((resolve) => setTimeout(resolve, DOWN_MS));
        postgres().start();
        startedAt = performance.now();
      })();
    },
  });
  await restart;
  const took = elapsed(started);
  await probes.stop();
  watch.running = false;
  await watchReadiness;

  const down = (outcome: Outcome) => outcome.sentAt >= stoppedAt && outcome.answeredAt < startedAt;
  const duringOutage = probes.outcomes.filter(down);
  const firstSuccessAfter = probes.outcomes.find(
    (outcome) => outcome.sentAt >= startedAt && succeeded(outcome),
  );
  const notReady = readiness.filter((check) => check.status !== 200);
  const readyAgain = readiness.find((check) => check.at > startedAt && check.status === 200);
  const unexpected = probes.outcomes.filter(
    (outcome) =>
      !succeeded(outcome) && !outcome.codes.every((code) => code === "SERVICE_UNAVAILABLE"),
  );
  const stored = await withDatabase(env.DATABASE_URL, async (client) => {
    const { rows } = await client.query<{ id: string; key: string }>(
      `SELECT id, idempotency_key AS key FROM attempt WHERE organization_id = $1 AND status = 'SUBMITTED'`,
      [organization.id],
    );
    const listening = await client.query(
      `SELECT 1 FROM pg_stat_activity WHERE query ILIKE 'LISTEN%' AND datname = current_database()`,
    );
    return { keys: new Map(rows.map((row) => [row.id, row.key])), listeners: listening.rowCount };
  });
  const lost = run.acknowledged.filter(
    (submission) => stored.keys.get(submission.attemptId) !== submission.idempotencyKey,
  );
  const apiExitCode = api.process.exitCode;
  // Unexpected errors are logged at level 50 with their stack (a database outage is not one).
  const loggedErrors = api
    .output()
    .split("\n")
    .filter((line) => /"level":(50|60)/.test(line));
  await api.stop();

  printMeasured("database restart under load", {
    employees: EMPLOYEES,
    took,
    "database down for": elapsed(stoppedAt, startedAt),
    "answers while the database was down": histogram(duringOutage),
    "/readyz answers not 200": `${notReady.length}, statuses ${[...new Set(notReady.map((check) => check.status))].join(", ")}`,
    "/readyz ready again after the restart": readyAgain
      ? elapsed(startedAt, readyAgain.at)
      : "never",
    "first success after the restart": firstSuccessAfter
      ? elapsed(startedAt, firstSuccessAfter.answeredAt)
      : "never",
    "retrying employees: retriable codes": run.tally.retriedCodes,
    "retrying employees: 5xx without a retriable code": run.tally.serverErrors,
    "retrying employees: no answer": run.tally.networkErrors,
    acknowledged: run.acknowledged.length,
    "acknowledged but not stored": lost.length,
    "API process still running": apiExitCode === null,
    "LISTEN connections after the restart": stored.listeners,
    "errors logged by the API": loggedErrors.length,
    ...(loggedErrors.length > 0 ? { "first error logged": loggedErrors[0]?.slice(0, 3000) } : {}),
    ...(apiExitCode === null ? {} : { "the API's last words": api.output().slice(-4000) }),
  });

  expect(apiExitCode).toBeNull();
  // While it was down: retriable answers only, and not ready.
  expect(duringOutage.length).toBeGreaterThan(0);
  expect(histogram(unexpected)).toEqual({});
  expect(notReady.length).toBeGreaterThan(0);
  expect(notReady.every((check) => check.status === 503)).toBe(true);
  expect(run.tally.serverErrors).toEqual({});
  expect(run.tally.networkErrors).toBe(0);
  // Back by itself, and nothing lost.
  expect(readyAgain).toBeDefined();
  expect(firstSuccessAfter).toBeDefined();
  expect(run.failures).toEqual([]);
  expect(loggedErrors).toHaveLength(0);
  expect(run.acknowledged).toHaveLength(EMPLOYEES);
  expect(lost.map((submission) => submission.subject)).toEqual([]);
  expect(stored.keys.size).toBe(EMPLOYEES);
  // Invalidation across instances listens again.
  expect(stored.listeners).toBe(1);
});
