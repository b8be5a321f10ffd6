// CPU time from /proc (Linux), read around a measured run to tell what the time went to: the
// server, the database, the load generator, or the rest of the machine (whatever else runs on a
// shared machine).
import { readdir, readFile } from "node:fs/promises";

// USER_HZ: 100 on every Linux that Node supports (the kernel reports CPU time in these ticks).
const TICKS_PER_SECOND = 100;

/**
 * Starts a reading; `stop()` gives the CPU use (% of one core) of `pid` and, when
 * `databaseName` is given, of the PostgreSQL backends serving that database (each names its
 * database in its process title), and how busy the whole machine was (% of all cores).
 */
export async function startCpuReading(pid, databaseName) {
  const before = {
    at: performance.now(),
    process: await processTicks(pid),
    backends: databaseName ? await backendTicks(databaseName) : undefined,
    machine: await machineTicks(),
  };
  return {
    async stop() {
      const seconds = (performance.now() - before.at) / 1000;
      const percent = (ticks) => (ticks / TICKS_PER_SECOND / seconds) * 100;
      const process = await processTicks(pid);
      const machine = await machineTicks();
      let databasePercent;
      if (before.backends) {
        // A backend that started during the run counts from zero: all its time is in the run.
        const after = await backendTicks(databaseName);
        let ticks = 0;
        for (const [id, now] of after) ticks += now - (before.backends.get(id) ?? 0);
        databasePercent = percent(ticks);
      }
      return {
        processPercent: percent(process - before.process),
        databasePercent,
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

/** CPU ticks of every PostgreSQL backend serving `databaseName`. */
async function backendTicks(databaseName) {
  const ticks = new Map();
  await Promise.all(
    (await backendPids(databaseName)).map(async (pid) => {
      const n = await processTicks(pid);
      if (!Number.isNaN(n)) ticks.set(pid, n);
    }),
  );
  return ticks;
}

/**
 * The pids of the PostgreSQL backends serving `databaseName`: every process whose title names
 * it ("postgres: … db 127.0.0.1(…)"). Read from /proc, so counting them opens no connection.
 */
export async function backendPids(databaseName) {
  const pids = (await readdir("/proc").catch(() => [])).filter((name) => /^\d+$/.test(name));
  const titles = await Promise.all(
    pids.map((pid) => readFile(`/proc/${pid}/cmdline`, "utf8").catch(() => "")),
  );
  return pids.filter(
    (_, index) =>
      titles[index].startsWith("postgres:") && titles[index].includes(` ${databaseName} `),
  );
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
