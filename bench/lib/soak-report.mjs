// What the soak prints: a row per interval while it runs, then whether anything grows. After a
// warm-up, each metric's least-squares slope per minute is compared with a threshold stated next
// to the verdict, and the first and last thirds of the measured rows are shown side by side.

/** The warm-up left out of the trend: the first 20 % of the run, at most its first 2 minutes. */
export function warmupSecondsOf(seconds) {
  return Math.min(120, 0.2 * seconds);
}

// A leak of a few hundred bytes per request shows as megabytes a minute at these rates. Below
// the thresholds, growth is within what a garbage-collected heap drifts by in ten minutes.
const TRENDS = [
  { key: "rssMb", label: "RSS low", unit: "MB", limitPerMinute: 2 },
  { key: "heapUsedMb", label: "heap used", unit: "MB", limitPerMinute: 1 },
  { key: "externalMb", label: "external", unit: "MB", limitPerMinute: 1 },
  // Latency has no natural unit of growth: the fitted change over the measured window is
  // compared with the mean instead.
  { key: "p99", label: "p99", unit: "ms", limitShareOfMean: 0.25 },
];

const COLUMNS = [
  ["elapsed", 7, (row) => clock(row.endSeconds)],
  ["req/s", 6, (row) => fixed(row.requestsPerSecond, 0)],
  ["att/s", 5, (row) => fixed(row.attemptsPerSecond, 1)],
  ["p50 ms", 6, (row) => fixed(row.p50, 2)],
  ["p99 ms", 6, (row) => fixed(row.p99, 1)],
  ["errors", 6, (row) => String(row.errors)],
  ["RSS low", 7, (row) => fixed(row.rssMb, 0)],
  ["RSS high", 8, (row) => fixed(row.rssHighMb, 0)],
  ["heap MB", 7, (row) => fixed(row.heapUsedMb, 1)],
  ["GCs", 3, (row) => String(row.fullCollections)],
  ["ext MB", 6, (row) => fixed(row.externalMb, 1)],
  ["pg conns", 8, (row) => (row.backends === undefined ? "–" : String(row.backends))],
  ["srv CPU", 7, (row) => `${fixed(row.serverCpuPercent, 0)} %`],
  ["db CPU", 6, (row) => `${fixed(row.databaseCpuPercent, 0)} %`],
  ["gen CPU", 7, (row) => `${fixed(row.harnessCpuPercent, 0)} %`],
  ["busy", 5, (row) => `${fixed(row.machineBusyPercent, 0)} %`],
];

export function formatHeader() {
  return `  ${COLUMNS.map(([title, width]) => title.padStart(width)).join("  ")}`;
}

export function formatRow(row) {
  const cells = COLUMNS.map(([, width, value]) => value(row).padStart(width)).join("  ");
  const kinds = row.errors > 0 ? `   ${row.errorKinds.join(", ")}` : "";
  return `  ${cells}${kinds}`;
}

/**
 * The trend of `rows` after the warm-up: per metric the means of the first and last thirds,
 * the slope per minute, and a verdict; `growing` names the metrics over their threshold.
 */
export function summarize(rows, seconds) {
  const warmupSeconds = warmupSecondsOf(seconds);
  // A row starts a moment after the previous one ends (the next interval's load is built):
  // a second's tolerance.
  const measured = rows.filter((row) => row.startSeconds >= warmupSeconds - 1);
  const third = Math.max(1, Math.floor(measured.length / 3));
  const [first, last] = [measured.slice(0, third), measured.slice(-third)];
  const minutes = measured.map((row) => (row.startSeconds + row.endSeconds) / 2 / 60);
  const windowMinutes =
    measured.length === 0 ? 0 : (measured.at(-1).endSeconds - measured[0].startSeconds) / 60;
  const metric = (key) => ({
    first: mean(first.map((row) => row[key])),
    last: mean(last.map((row) => row[key])),
    mean: mean(measured.map((row) => row[key])),
    ...fitLine(
      minutes,
      measured.map((row) => row[key]),
    ),
  });
  const averages = Object.fromEntries(
    [
      "requestsPerSecond",
      "attemptsPerSecond",
      "p50",
      "p99",
      "errors",
      "rssMb",
      "heapUsedMb",
      "externalMb",
      "backends",
    ].map((key) => [key, metric(key)]),
  );
  // Each part's own p99: which of them moved, when the mix's did.
  const partP99 = Object.fromEntries(
    Object.keys(measured[0]?.parts ?? {}).map((name) => [
      name,
      {
        first: mean(first.map((row) => row.parts[name].p99)),
        last: mean(last.map((row) => row.parts[name].p99)),
      },
    ]),
  );
  const verdicts = TRENDS.map((trend) => verdictOf(trend, averages[trend.key], windowMinutes));
  return {
    warmupSeconds,
    measuredRows: measured.length,
    windowMinutes,
    averages,
    partP99,
    verdicts,
    growing: verdicts.filter((verdict) => verdict.state === "growing").map((v) => v.label),
  };
}

function verdictOf(trend, figures, windowMinutes) {
  const { slope } = figures;
  let limit = trend.limitPerMinute;
  let text;
  if (limit === undefined) {
    // The share of the mean the fitted line rises by over the window, against the allowed share.
    limit = (trend.limitShareOfMean * figures.mean) / windowMinutes;
    const share = (slope * windowMinutes) / figures.mean;
    text =
      `${signed(slope, 2)} ${trend.unit}/min, ${signed(share * 100, 0)} % of its mean ` +
      `(${fixed(figures.mean, 1)} ${trend.unit}) over the ${fixed(windowMinutes, 1)} measured ` +
      `minutes (threshold ±${trend.limitShareOfMean * 100} %)`;
  } else {
    text = `${signed(slope, 2)} ${trend.unit}/min (threshold ${limit} ${trend.unit}/min)`;
  }
  const state = !Number.isFinite(slope)
    ? "unknown"
    : slope > limit
      ? "growing"
      : slope < -limit
        ? "falling"
        : "flat";
  return { label: trend.label, key: trend.key, state, slope, limit, text };
}

/** The summary's lines. */
export function formatSummary(summary) {
  const { averages } = summary;
  const lines = [];
  lines.push(
    `after a warm-up of ${clock(summary.warmupSeconds)} (left out): ${summary.measuredRows} ` +
      `rows, ${fixed(summary.windowMinutes, 1)} minutes measured`,
  );
  lines.push("");
  lines.push(
    `  ${"".padEnd(12)}  ${"first third".padStart(11)}  ${"last third".padStart(10)}  ` +
      `${"slope/min".padStart(9)}  ${"R²".padStart(4)}`,
  );
  const line = (label, key, digits) => {
    const figures = averages[key];
    lines.push(
      `  ${label.padEnd(12)}  ${fixed(figures.first, digits).padStart(11)}  ` +
        `${fixed(figures.last, digits).padStart(10)}  ${signed(figures.slope, 2).padStart(9)}  ` +
        `${fixed(figures.r2, 2).padStart(4)}`,
    );
  };
  line("req/s", "requestsPerSecond", 0);
  line("attempts/s", "attemptsPerSecond", 1);
  line("p50 ms", "p50", 2);
  line("p99 ms", "p99", 1);
  line("errors", "errors", 1);
  line("RSS low MB", "rssMb", 1);
  line("heap MB", "heapUsedMb", 1);
  line("external MB", "externalMb", 1);
  if (Number.isFinite(averages.backends.first)) line("pg conns", "backends", 1);
  const parts = Object.entries(summary.partP99).map(
    ([name, p99]) => `${name} ${fixed(p99.first, 0)} → ${fixed(p99.last, 0)}`,
  );
  lines.push(`  p99 ms by part, first third → last third: ${parts.join(", ")}`);
  lines.push("");
  for (const verdict of summary.verdicts) {
    const state = verdict.state === "growing" ? "GROWING" : verdict.state;
    lines.push(`  ${`${verdict.label}:`.padEnd(11)} ${state}: ${verdict.text}`);
  }
  lines.push("");
  lines.push(
    summary.growing.length === 0
      ? "verdict: no growth trend"
      : `verdict: GROWTH in ${summary.growing.join(", ")}`,
  );
  return lines.join("\n");
}

/** Least squares: the slope of y over x, and how much of y's variance the line explains. */
export function fitLine(xs, ys) {
  const points = xs.map((x, index) => [x, ys[index]]).filter(([, y]) => Number.isFinite(y));
  if (points.length < 2) return { slope: NaN, r2: NaN };
  const meanX = mean(points.map(([x]) => x));
  const meanY = mean(points.map(([, y]) => y));
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (const [x, y] of points) {
    sxy += (x - meanX) * (y - meanY);
    sxx += (x - meanX) ** 2;
    syy += (y - meanY) ** 2;
  }
  const slope = sxy / sxx;
  return { slope, r2: syy === 0 ? 0 : (sxy * sxy) / (sxx * syy) };
}

function mean(values) {
  const finite = values.filter(Number.isFinite);
  return finite.length === 0 ? NaN : finite.reduce((sum, value) => sum + value, 0) / finite.length;
}

function clock(seconds) {
  const whole = Math.round(seconds);
  return `${Math.floor(whole / 60)}:${String(whole % 60).padStart(2, "0")}`;
}

function signed(value, digits) {
  if (!Number.isFinite(value)) return "–";
  return `${value >= 0 ? "+" : ""}${value.toFixed(digits)}`;
}

function fixed(value, digits) {
  return Number.isFinite(value) ? value.toFixed(digits) : "–";
}
