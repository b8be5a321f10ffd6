// The command line of bench/run.mjs.
import { parseArgs } from "node:util";

export const USAGE = `Usage: node bench/run.mjs [options]   (after pnpm build; pnpm bench does both)

  --db pglite,postgres     databases to measure on, in order (default: both)
  --cases 1,2,3            1 = hot read (with 1b and the baseline, case 4), 2 = widget flow,
                           3 = team report at scale (default: all)
  --seconds N              measured seconds per case (default 10), after --warmup
  --warmup N               seconds of unmeasured load first (default 2)
  --scales N,N,…           case 3's numbers of completed attempts (default 10000,100000,1000000
                           on PostgreSQL; 10000,100000 on PGlite, where 1M takes too long)
  --employees N            case 3's employees (default 100000)
  --json FILE              also write the figures to FILE

PostgreSQL: DATABASE_URL (default postgres://postgres@127.0.0.1:5432/postgres) is the admin
connection; the run creates the database rs_bench_<pid> and drops it at the end.`;

const DEFAULT_SCALES = {
  postgres: [10_000, 100_000, 1_000_000],
  pglite: [10_000, 100_000],
};

export function parseOptions(args = process.argv.slice(2)) {
  const { values } = parseArgs({
    args,
    options: {
      db: { type: "string", default: "pglite,postgres" },
      cases: { type: "string", default: "1,2,3" },
      seconds: { type: "string", default: "10" },
      warmup: { type: "string", default: "2" },
      scales: { type: "string" },
      employees: { type: "string", default: "100000" },
      json: { type: "string" },
      help: { type: "boolean", short: "h", default: false },
    },
  });
  if (values.help) return { help: true };
  const databases = list(values.db);
  for (const db of databases) {
    if (!["pglite", "postgres"].includes(db)) throw new Error(`--db: unknown database "${db}"`);
  }
  const cases = new Set(list(values.cases));
  for (const id of cases) {
    if (!["1", "2", "3", "4"].includes(id)) throw new Error(`--cases: unknown case "${id}"`);
  }
  // Case 4 is case 1's baseline: it runs with case 1, and asking for it alone means case 1 too.
  if (cases.has("4")) cases.add("1");
  const scales =
    values.scales === undefined ? undefined : list(values.scales).map((n) => count("--scales", n));
  return {
    databases,
    cases,
    seconds: count("--seconds", values.seconds),
    warmupSeconds: count("--warmup", values.warmup, 0),
    scalesFor: (db) => scales ?? DEFAULT_SCALES[db],
    employees: count("--employees", values.employees),
    json: values.json,
  };
}

function list(text) {
  return text
    .split(",")
    .map((part) => part.trim())
    .filter(Boolean);
}

/** A whole number of at least `min` from an option's text ("100_000" is accepted). */
export function count(name, text, min = 1) {
  const n = Number(text.replaceAll("_", ""));
  if (!Number.isInteger(n) || n < min)
    throw new Error(`${name}: expected a whole number ≥ ${min}, got "${text}"`);
  return n;
}
