// CPU time from /proc (Linux): a process's own (utime + stime) and the whole machine's, read
// around a measured run to tell what the time went to: the server, the load generator, or the
// rest of the machine (the database server, and whatever else is running on a shared machine).

import { readFile } from "node:fs/promises";

// USER_HZ: 100 on every Linux that Node supports (the kernel reports CPU time in these ticks).
const TICKS_PER_SECOND = 100;

/** Starts a reading; `stop()` gives `pid`'s CPU use (% of one core) and the machine's (% busy). */
export async function startCpuReading(pid) {
  const before = {
    at: performance.now(),
    process: await processTicks(pid),
    machine: await machineTicks(),
  };
  return {
    async stop() {
      const seconds = (performance.now() - before.at) / 1000;
      const process = await processTicks(pid);
      const machine = await machineTicks();
      return {
        processPercent: ((process - before.process) / TICKS_PER_SECOND / seconds) * 100,
        machineBusyPercent:
          ((machine.busy - before.machine.busy) / (machine.total - before.machine.total)) * 100,
      };
    },
  };
}

/** utime + stime of `pid` in ticks; NaN when it is gone (or off Linux). */
async function processTicks(pid) {
  try {
    const stat = await readFile(`/proc/${pid}/stat`, "utf8");
    // The command name (field 2) may hold spaces; the fields after its ")" are fixed.
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return Number(fields[11]) + Number(fields[12]);
  } catch {
    return NaN;
  }
}

/** The machine's CPU ticks since boot: busy (all but idle and iowait) and in total. */
async function machineTicks() {
  try {
    const [line] = (await readFile("/proc/stat", "utf8")).split("\n");
    // user nice system idle iowait irq softirq steal (guest time is already inside user).
    const ticks = line.trim().split(/\s+/).slice(1, 9).map(Number);
    const total = ticks.reduce((sum, n) => sum + n, 0);
    return { busy: total - ticks[3] - ticks[4], total };
  } catch {
    return { busy: NaN, total: NaN };
  }
}
