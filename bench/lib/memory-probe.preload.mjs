// Preloaded into the API process by the soak (NODE_OPTIONS=--import …): V8's heap can only be
// read from inside the process, so this writes process.memoryUsage() as one JSON line per sample
// to the file BENCH_MEMORY_PROBE_FILE names: every BENCH_MEMORY_PROBE_MS, and right after every
// full (mark-sweep) collection, marked `afterFullGc`: the heap then is what is still reachable,
// the figure a leak makes grow, while the timed samples also hold garbage not yet collected.
// Without the variable it does nothing. It must never change how the API lives or ends: its
// timer is unref'd and a GC observer holds no handle (neither keeps the process alive), its
// writes are synchronous (no pending I/O at exit), and a failed write only ends the probe.
import fs from "node:fs";
import { PerformanceObserver, constants } from "node:perf_hooks";

const file = process.env.BENCH_MEMORY_PROBE_FILE;
if (file) {
  const intervalMs = Number(process.env.BENCH_MEMORY_PROBE_MS) || 500;
  const fd = fs.openSync(file, "a");
  const observer = new PerformanceObserver((list) => {
    const full = list
      .getEntries()
      .some((entry) => entry.detail?.kind === constants.NODE_PERFORMANCE_GC_MAJOR);
    if (full) write({ afterFullGc: true });
  });
  const write = (extra) => {
    const { rss, heapUsed, heapTotal, external, arrayBuffers } = process.memoryUsage();
    const sample = { at: Date.now(), rss, heapUsed, heapTotal, external, arrayBuffers, ...extra };
    try {
      fs.writeSync(fd, `${JSON.stringify(sample)}\n`);
    } catch {
      clearInterval(timer);
      observer.disconnect();
    }
  };
  const timer = setInterval(() => write({}), intervalMs);
  timer.unref();
  observer.observe({ entryTypes: ["gc"] });
}
