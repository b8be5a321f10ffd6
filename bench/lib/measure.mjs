// The shape every case shares: a fresh process to measure (so that each case's memory figure is
// its own), a warm-up that is thrown away (JIT, connection pools, caches), then the measured run.
import { startApi } from "./api-process.mjs";
import { runLoad } from "./load.mjs";
import { ErrorTally } from "./stats.mjs";

const SETTLE_MS = 2000;

/**
 * Starts a fresh API with `env`, runs `work(api)`, stops the API and resolves with work's
 * result plus the API's memory (`peakRssMb` sampled while the case ran, `hwmMb` since start)
 * and a summary of what it logged.
 */
export async function withFreshApi(env, work) {
  const api = await startApi(env);
  let died = false;
  void api.exited.then(() => (died = true));
  try {
    const result = await work(api);
    if (died) throw new Error("the API process ended in the middle of the case");
    // autocannon closes its connections with requests still in flight; the API finishes them
    // anyway. Let it, so that stopping it does not cut them off (noise in the log, not figures).
    await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
    return { ...result, memory: await api.stop(), apiLog: api.log.summary() };
  } finally {
    await api.stop();
  }
}

/**
 * A warm-up of `warmupSeconds`, then the measured run of `seconds`, with the same load.
 * `makeRequests(errors)` builds the request sequence counting wrong answers in `errors`: each
 * run gets its own, and the warm-up's are only reported as a warning. `serverPid` is the
 * process whose CPU use is measured, and `databaseName` the PostgreSQL database whose backends'.
 */
export async function warmUpThenMeasure({
  url,
  connections,
  warmupSeconds,
  seconds,
  makeRequests,
  serverPid,
  databaseName,
  log,
}) {
  if (warmupSeconds > 0) {
    const warmErrors = new ErrorTally();
    await runLoad({
      url,
      connections,
      seconds: warmupSeconds,
      requests: makeRequests(warmErrors),
      errors: warmErrors,
      serverPid,
      databaseName,
    });
    if (warmErrors.total > 0)
      log(`    warm-up had ${warmErrors.total} errors: ${warmErrors.top().join(", ")}`);
  }
  const errors = new ErrorTally();
  return runLoad({
    url,
    connections,
    seconds,
    requests: makeRequests(errors),
    errors,
    serverPid,
    databaseName,
  });
}

/**
 * The figures every case reports of a measured run, as a table row: `id` and `name` of the
 * case, its connections, and throughput (`responses` per second unless the case counts
 * something else in `throughput`/`throughputUnit`).
 */
export function measuredRow(result, { id, name, connections, ...overrides }) {
  return {
    id,
    name,
    connections,
    seconds: result.seconds,
    throughput: result.responses / result.seconds,
    throughputUnit: "req/s",
    p50: result.latencies.percentile(0.5),
    p99: result.latencies.percentile(0.99),
    errors: result.errors.total,
    errorKinds: result.errors.top(),
    peakRssMb: result.memory.peakRssMb,
    hwmMb: result.memory.hwmMb,
    harnessCpuPercent: result.harnessCpuPercent,
    serverCpuPercent: result.serverCpuPercent,
    databaseCpuPercent: result.databaseCpuPercent,
    machineBusyPercent: result.machineBusyPercent,
    notes: [...(result.apiLog ?? [])],
    ...overrides,
  };
}
