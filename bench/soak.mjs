// The soak of issue 8: one API process under a steady mixed load for ten minutes (employees
// taking assessments, persisted reads, analysts' team reports, requests that must fail, and now
// and then an administrator's publish or erasure), printing every interval its throughput,
// latency, errors and memory — the resident set, and V8's heap as the process itself sees it —
// then whether any of them grows: least-squares slopes after a warm-up, against stated
// thresholds. A benchmark, not a test: it exits 0 whatever the verdict.
//
//   pnpm bench:soak                                   # builds, then 10 minutes on PostgreSQL
//   node bench/soak.mjs --minutes 1 --interval 10     # a quick one while developing
//
// See bench/README.md for the load and docs/performance.md for the figures.
import path from "node:path";
import { GET_HEADERS, persistQuery } from "./cases/hot-read.mjs";
import { countAnswerableItems } from "./cases/widget-flow.mjs";
import {
  ROOT,
  createLoadOrganization,
  realskills,
  runScript,
  startApi,
} from "./lib/api-process.mjs";
import { cleanUpAll, cleanUpOnSignals } from "./lib/cleanup.mjs";
import { backendPids, startCpuReading } from "./lib/cpu.mjs";
import { openBenchDatabase } from "./lib/databases.mjs";
import { runLoad } from "./lib/load.mjs";
import { createMemoryProbe } from "./lib/memory-probe.mjs";
import { describeMachine, uptime, writeJson } from "./lib/report.mjs";
import { OWN_ASSESSMENT, adminDocuments, adminRequest, startChanges } from "./lib/soak-changes.mjs";
import { PARTS, intervalParts } from "./lib/soak-load.mjs";
import { SOAK_USAGE, parseSoakOptions } from "./lib/soak-options.mjs";
import { formatHeader, formatRow, formatSummary, summarize } from "./lib/soak-report.mjs";
import { ErrorTally, Latencies } from "./lib/stats.mjs";
import { TokenPool } from "./lib/token-pool.mjs";

// The page origin the organisation allows, as a customer's intranet page would be.
const ORIGIN = "http://localhost:4001";
const GENERATOR = path.join(ROOT, "bench/generate.mjs");
// The reporting organisation: months of responses for the analysts' reports (generate.mjs, a
// few seconds), enough departments and teams for reports of some size.
const REPORT_DATA = { employees: 5000, attempts: 20000 };
const CHANGE_EVERY_MS = 15_000;
const MB = 1024 * 1024;

let options;
try {
  options = parseSoakOptions();
} catch (error) {
  console.error(`${error instanceof Error ? error.message : error}\n\n${SOAK_USAGE}`);
  process.exit(2);
}
if (options.help) {
  console.log(SOAK_USAGE);
  process.exit(0);
}

cleanUpOnSignals();
const machine = describeMachine();
const log = (text) => console.log(text);
log(`soak: ${machine.cpus}, ${machine.memory}, Node ${machine.node}, commit ${machine.commit}`);

let run;
let failed = false;
try {
  run = await soak();
} catch (error) {
  failed = true;
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
} finally {
  await cleanUpAll();
}

if (run) {
  printRun(run);
  if (options.json) {
    await writeJson(options.json, { machine, options, ...run });
    console.log(`figures written to ${options.json}`);
  }
}
// A benchmark: the verdict is printed, never the exit status.
process.exit(failed ? 1 : 0);

async function soak() {
  const db = await openBenchDatabase(options.db);
  log(`\n${db.label}: importing the library, creating an organisation, generating reports' data`);
  realskills(["content", "import"], db.env);
  const org = createLoadOrganization(db.env, ORIGIN);
  const generated = runScript(
    GENERATOR,
    ["--employees", String(REPORT_DATA.employees), "--attempts", String(REPORT_DATA.attempts)],
    db.env,
  );
  const reportingKey = /ADMIN key (rsk_[\w-]+)/.exec(generated)?.[1];
  if (!reportingKey) throw new Error(`generate.mjs printed no ADMIN key:\n${generated}`);

  const probe = await createMemoryProbe();
  // One generator is one address: the per-address limit is off. The per-person limit stays on,
  // as in production: its counters are part of what every authenticated request costs.
  const apiEnv = { ...db.env, ...probe.env, RATE_LIMIT_IP_PER_MINUTE: "0" };
  delete apiEnv.RATE_LIMIT_PER_MINUTE;
  const api = await startApi(apiEnv);
  let died = false;
  void api.exited.then(() => (died = true));
  const setup = await prepare(api.url, org, reportingKey);
  const version = await db.version();
  const uptimeBefore = uptime();

  log(`  ${describeParts()}`);
  log(`  every ${CHANGE_EVERY_MS / 1000} s a publish or an erasure, in turn\n`);
  log(formatHeader());
  const changes = startChanges({
    url: api.url,
    documents: setup.documents,
    publisherKey: org.apiKey,
    eraserKey: reportingKey,
    everyMs: CHANGE_EVERY_MS,
  });
  const loadStarted = performance.now();
  const rows = [];
  const changed = { published: 0, erased: 0 };
  try {
    for (let n = 0; n < Math.floor(options.seconds / options.intervalSeconds); n += 1) {
      const row = await measureInterval(api, db, setup, probe, changes, loadStarted);
      if (died) throw new Error("the API process ended in the middle of the soak");
      changed.published += row.changes.published;
      changed.erased += row.changes.erased;
      rows.push(row);
      log(formatRow(row));
    }
  } finally {
    await changes.stop();
  }
  const uptimeAfter = uptime();
  return {
    version,
    uptimeBefore,
    uptimeAfter,
    rows,
    summary: summarize(rows, options.seconds),
    changes: changed,
    employees: setup.tokens.taken,
    memory: await api.stop(),
    apiLog: api.log.summary(),
  };
}

/** The run's machine, load and changes, then its summary: the trend and the verdict. */
function printRun(run) {
  console.log(`\n${"=".repeat(100)}`);
  console.log(`${machine.date}  ${machine.cpus}, ${machine.memory}, Node ${machine.node}`);
  console.log(`commit ${machine.commit}`);
  console.log(
    `${run.version}; ${clockOf(options.seconds)} of load, rows of ${options.intervalSeconds} s`,
  );
  console.log(`  uptime before: ${run.uptimeBefore}`);
  console.log(`  uptime after:  ${run.uptimeAfter}`);
  console.log(`  load: ${describeParts()}`);
  console.log(
    `  ${run.changes.published} publishes and ${run.changes.erased} erasures; ` +
      `${run.employees} employee tokens handed out; API peak RSS ` +
      `${run.memory.peakRssMb.toFixed(0)} MB, VmHWM ${run.memory.hwmMb?.toFixed(0) ?? "–"} MB`,
  );
  for (const line of run.apiLog) console.log(`  ${line}`);
  console.log(`\n${formatSummary(run.summary)}`);
}

/**
 * What the load needs before it starts: the organisation's own assessment published, an embed
 * key for the analysts, the persisted query registered, and the first employees' tokens.
 */
async function prepare(url, org, reportingKey) {
  const documents = await adminDocuments();
  await adminRequest(url, org.apiKey, documents.create);
  await adminRequest(url, org.apiKey, documents.publish, { slug: OWN_ASSESSMENT });
  const { createEmbedKey } = await adminRequest(
    url,
    reportingKey,
    `mutation { createEmbedKey(input: { algorithm: HS256 }) { embedKey { kid } secret } }`,
  );
  await persistQuery(url, GET_HEADERS);
  const tokens = new TokenPool(org.embedKey);
  await tokens.fill();
  return {
    documents,
    tokens,
    employeeKid: org.embedKey.kid,
    analystKey: { kid: createEmbedKey.embedKey.kid, secret: createEmbedKey.secret },
    origin: ORIGIN,
    ownAssessment: OWN_ASSESSMENT,
    answerable: await countAnswerableItems(url),
  };
}

/** One interval of every part's load at once, then its row. */
async function measureInterval(api, db, setup, probe, changes, loadStarted) {
  const errors = new ErrorTally();
  const { parts, flow } = await intervalParts(setup, errors);
  const startedAt = Date.now();
  const startSeconds = (performance.now() - loadStarted) / 1000;
  const cpu = await startCpuReading(api.pid, db.name);
  const results = await Promise.all(
    parts.map((part) =>
      runLoad({
        url: api.url,
        connections: part.connections,
        rate: part.rate,
        seconds: options.intervalSeconds,
        requests: part.requests,
        serverPid: api.pid,
        databaseName: db.name,
        errors,
      }),
    ),
  );
  const { processPercent, databasePercent, machineBusyPercent } = await cpu.stop();
  const endedAt = Date.now();
  const endSeconds = (performance.now() - loadStarted) / 1000;
  const seconds = endSeconds - startSeconds;
  const change = changes.take();
  errors.addAll(change.errors);
  const latencies = new Latencies();
  for (const result of results) latencies.addAll(result.latencies);
  const samples = await probe.samplesBetween(startedAt, endedAt);
  const megabytes = (key, pick, from = samples) =>
    from.length === 0 ? NaN : pick(from.map((sample) => sample[key])) / MB;
  const afterFullGc = samples.filter((sample) => sample.afterFullGc);
  return {
    startSeconds,
    endSeconds,
    seconds,
    requestsPerSecond: latencies.count / seconds,
    attemptsPerSecond: flow.completed / seconds,
    p50: latencies.percentile(0.5),
    p99: latencies.percentile(0.99),
    errors: errors.total,
    errorKinds: errors.top(),
    // Floors, not means: between full collections the heap swings by some 100 MB (garbage
    // waiting), and the resident set with it; what is kept shows in the floor.
    rssMb: megabytes("rss", (values) => Math.min(...values)),
    rssHighMb: megabytes("rss", (values) => Math.max(...values)),
    // What is live: the heap right after the interval's full collections (none: unknown).
    heapUsedMb: megabytes("heapUsed", average, afterFullGc),
    heapUsedMeanMb: megabytes("heapUsed", average),
    fullCollections: afterFullGc.length,
    externalMb: megabytes("external", average),
    arrayBuffersMb: megabytes("arrayBuffers", average),
    memorySamples: samples.length,
    backends: db.name === undefined ? undefined : (await backendPids(db.name)).length,
    serverCpuPercent: processPercent,
    databaseCpuPercent: databasePercent,
    machineBusyPercent,
    // The harness's own CPU: one process, the same figure in every part's result.
    harnessCpuPercent: results[0].harnessCpuPercent,
    parts: Object.fromEntries(
      parts.map((part, index) => [
        part.name,
        {
          requestsPerSecond: results[index].responses / results[index].seconds,
          p50: results[index].latencies.percentile(0.5),
          p99: results[index].latencies.percentile(0.99),
        },
      ]),
    ),
    changes: {
      published: change.published,
      erased: change.erased,
      p50: change.latencies.percentile(0.5),
    },
  };
}

function describeParts() {
  return Object.entries(PARTS)
    .map(([name, part]) => `${name} ${part.rate} req/s from ${part.connections} connections`)
    .join(", ");
}

function average(values) {
  return values.reduce((sum, value) => sum + value, 0) / values.length;
}

function clockOf(seconds) {
  return `${Math.floor(seconds / 60)} min${seconds % 60 ? ` ${seconds % 60} s` : ""}`;
}
