// The benchmark harness of issue 7: the API as a real process, on the embedded database and on
// PostgreSQL, under the loads the issue names. For each case it prints throughput, p50 and p99
// latency, errors and the API process's peak memory, and checks the targets:
//   1   the hot read, assessment(slug), as a persisted query over GET (1b: with an embed token)
//   2   the widget's whole flow from 64 employees at a time, each new
//   3   teamReport at 10 000, 100 000 and 1 000 000 completed attempts
//   4   a bare node:http server sending case 1's bytes: the ceiling case 1 is compared with
//
//   pnpm bench                        # builds, then runs everything on both databases
//   node bench/run.mjs --db postgres --cases 1,2 --seconds 5
//
// See bench/README.md for what each case does and for the figures measured so far.
import { runHotRead } from "./cases/hot-read.mjs";
import { runTeamReport } from "./cases/team-report.mjs";
import { runWidgetFlow } from "./cases/widget-flow.mjs";
import { createLoadOrganization, realskills } from "./lib/api-process.mjs";
import { cleanUpAll, cleanUpOnSignals } from "./lib/cleanup.mjs";
import { openBenchDatabase } from "./lib/databases.mjs";
import { USAGE, parseOptions } from "./lib/options.mjs";
import { describeMachine, formatDatabase, uptime, writeJson } from "./lib/report.mjs";

// The page origin the organisation allows, as a customer's intranet page would be.
const ORIGIN = "http://localhost:4001";

let options;
try {
  options = parseOptions();
} catch (error) {
  console.error(`${error instanceof Error ? error.message : error}\n\n${USAGE}`);
  process.exit(2);
}
if (options.help) {
  console.log(USAGE);
  process.exit(0);
}

cleanUpOnSignals();
const machine = describeMachine();
const log = (text) => console.log(text);
log(`bench: ${machine.cpus}, ${machine.memory}, Node ${machine.node}, commit ${machine.commit}`);

const results = [];
let failed = false;
try {
  for (const kind of options.databases) {
    results.push(await measureDatabase(kind));
  }
} catch (error) {
  failed = true;
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
} finally {
  await cleanUpAll();
}

console.log(`\n${"=".repeat(100)}`);
console.log(`${machine.date}  ${machine.cpus}, ${machine.memory}, Node ${machine.node}`);
console.log(`commit ${machine.commit}\n`);
for (const result of results) console.log(`${formatDatabase(result)}\n`);
if (options.json) {
  await writeJson(options.json, { machine, databases: results });
  console.log(`figures written to ${options.json}`);
}
process.exit(failed || results.some((result) => result.failures.length > 0) ? 1 : 0);

/** Every requested case on one fresh database; a case that fails is reported, the others run. */
async function measureDatabase(kind) {
  const db = await openBenchDatabase(kind);
  try {
    log(`\n${db.label}: importing the library and creating an organisation`);
    realskills(["content", "import"], db.env);
    const org = createLoadOrganization(db.env, ORIGIN);
    const context = {
      env: db.env,
      // PostgreSQL's: its backends' CPU is measured (PGlite runs inside the API's process).
      databaseName: db.name,
      seconds: options.seconds,
      warmupSeconds: options.warmupSeconds,
      embedKey: org.embedKey,
      origin: ORIGIN,
      log,
    };
    const result = {
      db: kind,
      label: db.label,
      version: await db.version(),
      seconds: options.seconds,
      uptimeBefore: uptime(),
      rows: [],
      failures: [],
    };
    const attempt = async (name, run) => {
      try {
        const rows = [await run()].flat();
        result.rows.push(...rows.filter((row) => !row.failed));
        for (const row of rows.filter((row) => row.failed)) {
          result.failures.push(`case ${row.id}, ${row.name}: ${row.failed}`);
        }
      } catch (error) {
        console.error(
          `  ${name} failed: ${error instanceof Error ? (error.stack ?? error.message) : error}`,
        );
        result.failures.push(`${name}: ${error instanceof Error ? error.message : error}`);
      }
    };
    if (options.cases.has("1")) await attempt("case 1", () => runHotRead(context));
    if (options.cases.has("2")) await attempt("case 2", () => runWidgetFlow(context));
    if (options.cases.has("3")) {
      await attempt("case 3", () =>
        runTeamReport({
          ...context,
          scales: options.scalesFor(kind),
          employees: options.employees,
        }),
      );
    }
    result.uptimeAfter = uptime();
    return result;
  } finally {
    await db.dispose();
  }
}
