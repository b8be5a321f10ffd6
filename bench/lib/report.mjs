// What a run prints: the machine and the code measured, then one table per database with the
// issue's targets checked under it, and optionally the same figures as JSON.
import { spawnSync } from "node:child_process";
import { writeFile } from "node:fs/promises";
import os from "node:os";
import { ROOT } from "./api-process.mjs";

/** The machine, Node, the commit measured and the date; `uptime` is read per database. */
export function describeMachine() {
  const git = (...args) =>
    spawnSync("git", args, { cwd: ROOT, encoding: "utf8" }).stdout?.trim() ?? "";
  // Others may be changing the API while it is measured: say so next to the commit.
  const dirty = git("status", "--porcelain", "--", "packages").length > 0;
  return {
    date: new Date().toISOString(),
    cpus: `${os.cpus().length} × ${os.cpus()[0]?.model ?? "cpu"}`,
    memory: `${(os.totalmem() / 2 ** 30).toFixed(0)} GiB`,
    node: process.version,
    commit: `${git("rev-parse", "--short", "HEAD")}${dirty ? " + uncommitted changes under packages/" : ""}`,
  };
}

/** `uptime`'s line (its load averages tell how busy the machine was around the figures). */
export function uptime() {
  const result = spawnSync("uptime", { encoding: "utf8" });
  if (result.status === 0) return result.stdout.trim();
  return `load average: ${os
    .loadavg()
    .map((load) => load.toFixed(2))
    .join(", ")}`;
}

const COLUMNS = [
  ["case", 4, (row) => row.id],
  ["what", 40, (row) => row.name],
  ["conns", 5, (row) => String(row.connections)],
  [
    "throughput",
    16,
    (row) => `${fixed(row.throughput, row.throughput < 100 ? 1 : 0)} ${row.throughputUnit}`,
  ],
  ["p50 ms", 8, (row) => fixed(row.p50, 2)],
  ["p99 ms", 8, (row) => fixed(row.p99, 2)],
  ["errors", 6, (row) => String(row.errors)],
  ["peak RSS", 9, (row) => `${fixed(row.peakRssMb, 0)} MB`],
  ["srv CPU", 7, (row) => `${fixed(row.serverCpuPercent, 0)} %`],
  ["db CPU", 6, (row) => `${fixed(row.databaseCpuPercent, 0)} %`],
  ["gen CPU", 7, (row) => `${fixed(row.harnessCpuPercent, 0)} %`],
  ["busy", 5, (row) => `${fixed(row.machineBusyPercent, 0)} %`],
];

/** One database's table and the details under it, as text. */
export function formatDatabase({
  label,
  version,
  uptimeBefore,
  uptimeAfter,
  seconds,
  rows,
  failures,
}) {
  const lines = [];
  lines.push(`${label}: ${version}; ${seconds} s per case after a warm-up`);
  lines.push(`  uptime before: ${uptimeBefore}`);
  lines.push(`  uptime after:  ${uptimeAfter}`);
  lines.push("");
  const cell = (text, width, index) => (index < 2 ? text.padEnd(width) : text.padStart(width));
  lines.push(`  ${COLUMNS.map(([title, width], index) => cell(title, width, index)).join("  ")}`);
  for (const row of rows) {
    lines.push(
      `  ${COLUMNS.map(([, width, value], index) => cell(value(row), width, index)).join("  ")}`,
    );
  }
  lines.push("");
  for (const row of rows) lines.push(...details(row));
  for (const failure of failures) lines.push(`  FAILED ${failure}`);
  lines.push("");
  lines.push(...targets(rows));
  return lines.join("\n");
}

function details(row) {
  const lines = [];
  const say = (text) => lines.push(`  ${row.id.padEnd(3)} ${text}`);
  if (row.requestsPerSecond !== undefined) {
    say(
      `${fixed(row.requestsPerSecond, 0)} req/s; ${row.attempt.completed} attempts completed, ` +
        `${row.attempt.abandoned} abandoned; whole attempt p50 ${fixed(row.attempt.p50, 1)} ms, ` +
        `p99 ${fixed(row.attempt.p99, 1)} ms`,
    );
    say(
      Object.entries(row.operations)
        .map(([name, op]) => `${name} p50 ${fixed(op.p50, 1)} / p99 ${fixed(op.p99, 1)} ms`)
        .join("; "),
    );
  }
  if (row.cold) {
    say(
      `${row.name}: cold first request ${fixed(row.cold.ms, 1)} ms, response ${row.cold.bytes} B ` +
        `(${row.cold.participants} participants, ${row.cold.groups} groups); data generated in ` +
        `${fixed(row.generatedSeconds, 0)} s`,
    );
  }
  if (row.ratio) say(`${row.ratio.label}: ${formatRatio(row.ratio)}`);
  // On two cores the server and autocannon share the machine: past ~80 % of a core for the
  // generator, the figure says as much about the machine as about the server.
  if (row.harnessCpuPercent > 80) {
    say(
      `the load generator used ${fixed(row.harnessCpuPercent, 0)} % of a core: bounded by it too`,
    );
  }
  if (row.errors > 0) say(`errors: ${row.errorKinds.join(", ")}`);
  if (row.hwmMb !== undefined && row.id !== "4")
    say(`VmHWM ${fixed(row.hwmMb, 0)} MB (since the API started)`);
  for (const note of row.notes) say(note);
  return lines;
}

/** The targets (set for PostgreSQL on this 2-core machine), checked where measured. */
function targets(rows) {
  const lines = ["  targets (set for PostgreSQL on the 2-core machine):"];
  const check = (ok, text) => lines.push(`    ${ok ? "met    " : "MISSED "} ${text}`);
  const byId = (id) => rows.filter((row) => row.id === id);
  const [baseline] = byId("4");
  if (baseline?.ratio) {
    check(
      baseline.ratio.value >= 0.5,
      `case 1 at least 50 % of its baseline: ${formatRatio(baseline.ratio)}`,
    );
  }
  const [flow] = byId("2");
  if (flow) {
    check(
      flow.throughput >= 200 && flow.errors === 0,
      `case 2 at least 200 attempts/s with no errors: ${fixed(flow.throughput, 0)}/s, ${flow.errors} errors`,
    );
  }
  const reports = byId("3");
  const million = reports.find((row) => row.scale === 1_000_000);
  const tenThousand = reports.find((row) => row.scale === 10_000);
  if (million)
    check(
      million.p50 <= 20,
      `case 3 p50 at most 20 ms at 1M attempts: ${fixed(million.p50, 1)} ms`,
    );
  if (million && tenThousand) {
    const ratio = million.p50 / tenThousand.p50;
    check(ratio <= 2, `case 3 p50 at 1M no more than twice that at 10k: ${fixed(ratio, 2)} ×`);
  }
  const apiRows = rows.filter((row) => row.id !== "4");
  if (apiRows.length > 0) {
    const peak = Math.max(...apiRows.map((row) => row.peakRssMb));
    check(peak < 300, `API memory under 300 MB: peak RSS ${fixed(peak, 0)} MB`);
  }
  return lines;
}

export async function writeJson(file, run) {
  await writeFile(file, `${JSON.stringify(run, null, 2)}\n`);
}

/** A share of a ceiling in percent (case 1 of its baseline), a growth factor as "× n". */
function formatRatio({ value, unit }) {
  return unit === "percent" ? `${fixed(value * 100, 0)} %` : `${fixed(value, 2)} ×`;
}

function fixed(value, digits) {
  return Number.isFinite(value) ? value.toFixed(digits) : "–";
}
