// The command line of bench/soak.mjs.
import { parseArgs } from "node:util";
import { count } from "./options.mjs";

export const SOAK_USAGE = `Usage: node bench/soak.mjs [options]   (after pnpm build; pnpm bench:soak: both)

  --minutes N        how long the load runs (default 10)
  --interval N       seconds per printed row (default 30)
  --db postgres      the database: postgres or pglite (default postgres)
  --json FILE        also write the rows and the summary to FILE

PostgreSQL: DATABASE_URL (default postgres://postgres@127.0.0.1:5432/postgres) is the admin
connection; the run creates the database rs_bench_<pid> and drops it at the end.`;

export function parseSoakOptions(args = process.argv.slice(2)) {
  const { values } = parseArgs({
    args,
    options: {
      minutes: { type: "string", default: "10" },
      interval: { type: "string", default: "30" },
      db: { type: "string", default: "postgres" },
      json: { type: "string" },
      help: { type: "boolean", short: "h", default: false },
    },
  });
  if (values.help) return { help: true };
  if (!["pglite", "postgres"].includes(values.db)) {
    throw new Error(`--db: expected postgres or pglite, got "${values.db}"`);
  }
  const minutes = Number(values.minutes);
  if (!(minutes > 0))
    throw new Error(`--minutes: expected a positive number, got "${values.minutes}"`);
  const intervalSeconds = count("--interval", values.interval, 5);
  const seconds = Math.round(minutes * 60);
  if (seconds < intervalSeconds * 3) {
    throw new Error("--minutes: the run needs at least three intervals for a trend");
  }
  return { db: values.db, seconds, intervalSeconds, json: values.json };
}
