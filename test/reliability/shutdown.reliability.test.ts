import { histogram, recordLoad, succeeded } from "../support/load-recorder.js";
import { postgresServerForThisFile } from "../support/postgres-server.js";
import { elapsed, printMeasured, setUpOrganization } from "../support/reliability.js";
import { startApi } from "../support/stack.js";
import { analystWorker, employeeWorker, readerWorker } from "../support/workers.js";

// SIGTERM while employees save answers, analysts read reports and pages read content: every
// request the API had taken in finishes normally, requests that were already on their way over a
// keep-alive connection are answered too (with `Connection: close`), new connections are refused,
// and the process exits 0 with nothing logged as an error. No request is reset: a reset would
// leave its client unable to tell whether it ran.

const postgres = postgresServerForThisFile();

test("SIGTERM under load: requests in flight finish without errors, then the process exits 0", async () => {
  const env = {
    DATABASE_URL: await postgres().createDatabase("shutdown"),
    // Both limits stay on (their counters are PostgreSQL statements in every request's path),
    // high enough that this load never reaches them.
    RATE_LIMIT_PER_MINUTE: "1000000",
    RATE_LIMIT_IP_PER_MINUTE: "1000000",
    LOG_LEVEL: "info",
  };
  const organization = setUpOrganization(env);
  const api = await startApi(env);
  const workers = [
    ...(await Promise.all(
      Array.from({ length: 24 }, (_, n) => employeeWorker(organization.embedKey, `saver-${n}`)),
    )),
    ...(await Promise.all(
      Array.from({ length: 4 }, (_, n) => analystWorker(organization.embedKey, `analyst-${n}`)),
    )),
    ...Array.from({ length: 4 }, readerWorker),
  ];
  // A worker stops once its connection is refused: the API no longer listens.
  const load = recordLoad(() => api.url, workers, {
    until: (outcome) => outcome.networkError === "ECONNREFUSED",
  });
  await new Promise((resolve) => setTimeout(resolve, 3_000));
  const signalledAt = performance.now();
  const exitCode = await api.stop("SIGTERM");
  const exitedAfter = elapsed(signalledAt);
  await load.stop();

  const { outcomes } = load;
  const before = outcomes.filter((outcome) => outcome.answeredAt < signalledAt);
  const inFlight = outcomes.filter(
    (outcome) => outcome.sentAt < signalledAt && outcome.answeredAt >= signalledAt,
  );
  const after = outcomes.filter((outcome) => outcome.sentAt >= signalledAt);
  const log = api.output();
  const refused = outcomes.filter((outcome) => outcome.networkError === "ECONNREFUSED");
  const ranRefused = refused.filter((outcome) => log.includes(outcome.requestId));
  const failed = outcomes.filter(
    (outcome) => !succeeded(outcome) && outcome.networkError !== "ECONNREFUSED",
  );
  const loggedErrors = log.split("\n").filter((line) => /"level":(50|60)/.test(line));

  printMeasured("graceful shutdown: SIGTERM under load", {
    workers: workers.length,
    "answered before SIGTERM": histogram(before),
    "in flight at SIGTERM": histogram(inFlight),
    "sent after SIGTERM": histogram(after),
    "SIGTERM to exit": exitedAfter,
    "exit code": exitCode,
    "refused requests the API ran": ranRefused.length,
    "errors logged": loggedErrors.length,
  });

  expect(exitCode).toBe(0);
  // The load was real: requests were in flight when the signal came, and all of them finished.
  expect(inFlight.length).toBeGreaterThanOrEqual(workers.length / 2);
  expect(inFlight.every(succeeded)).toBe(true);
  // Nothing failed: every request succeeded, or was refused a connection once the API had
  // stopped listening (each worker ends with one), and so never ran.
  expect(histogram(failed)).toEqual({});
  expect(refused).toHaveLength(workers.length);
  // (The access log names every request answered: its silence about the others means something.)
  expect(outcomes.filter(succeeded).every((outcome) => log.includes(outcome.requestId))).toBe(true);
  expect(histogram(ranRefused)).toEqual({});
  expect(loggedErrors).toEqual([]);
});
