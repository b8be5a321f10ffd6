// One stretch of load with autocannon, in the harness's process. autocannon is a lean HTTP/1.1
// client (its own parser, keep-alive connections, no per-request promises), so that the load
// generator is not what limits the figures; the harness's own CPU time is measured and printed
// to show that it is not.
import autocannon from "autocannon";
import { startCpuReading } from "./cpu.mjs";
import { ErrorTally, Latencies } from "./stats.mjs";

/**
 * Sends `requests` (autocannon's request sequence, cycled per connection) from `connections`
 * keep-alive connections for `seconds`: as fast as answers come, or at most `rate` requests a
 * second in all (autocannon's `overallRate`, spread over the connections; each connection sends
 * its share at the start of every second). The requests' own `onResponse` hooks count wrong
 * answers in `errors`; connection errors and timeouts are added to it here. The CPU use of the
 * server (`serverPid`), of the PostgreSQL backends of `databaseName`, of this process and of the
 * whole machine over the run come with the figures.
 */
export async function runLoad({
  url,
  connections,
  seconds,
  requests,
  rate,
  serverPid,
  databaseName,
  errors = new ErrorTally(),
}) {
  const latencies = new Latencies();
  const serverCpu = await startCpuReading(serverPid, databaseName);
  const cpuBefore = process.cpuUsage();
  const started = performance.now();
  const instance = autocannon({
    url,
    connections,
    duration: seconds,
    requests,
    ...(rate === undefined ? {} : { overallRate: rate }),
    timeout: 10,
  });
  // Every response, whatever its status: autocannon's own histogram keeps only 2xx ones.
  instance.on("response", (_client, _status, _bytes, ms) => latencies.add(ms));
  const result = await instance;
  const elapsedSeconds = (performance.now() - started) / 1000;
  const cpu = process.cpuUsage(cpuBefore);
  const { processPercent, databasePercent, machineBusyPercent } = await serverCpu.stop();
  errors.add("timeout", result.timeouts);
  errors.add("connection error", result.errors - result.timeouts);
  return {
    seconds: elapsedSeconds,
    responses: latencies.count,
    latencies,
    errors,
    /** The harness's CPU time over the run, in % of one core (100 = one core busy). */
    harnessCpuPercent: ((cpu.user + cpu.system) / 1000 / (elapsedSeconds * 1000)) * 100,
    /** The server's CPU time over the run, in % of one core. */
    serverCpuPercent: processPercent,
    /** The PostgreSQL backends' of `databaseName`, in % of one core (undefined for PGlite). */
    databaseCpuPercent: databasePercent,
    /** The whole machine's, in % of all its cores: what is left is idle. */
    machineBusyPercent,
  };
}

/**
 * A request of a sequence whose responses are checked: `check(status, body, context)` returns
 * undefined when the response is right, else a description counted in `errors` under `name`.
 */
export function checkedRequest(name, errors, request, check) {
  return {
    ...request,
    onResponse(status, body, context) {
      const failure = check(status, body, context);
      if (failure !== undefined) errors.add(`${name}: ${failure}`);
    },
  };
}
