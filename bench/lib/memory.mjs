// The memory of a process we started, read from /proc (Linux): VmRSS is what it holds now,
// VmHWM the kernel's own high-water mark of it since the process began.
import { readFile } from "node:fs/promises";

/** { rssKb, hwmKb } of `pid`, or undefined once the process is gone (or off Linux). */
export async function readMemory(pid) {
  try {
    const status = await readFile(`/proc/${pid}/status`, "utf8");
    return {
      rssKb: Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0),
      hwmKb: Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0),
    };
  } catch {
    return undefined;
  }
}

/**
 * Samples VmRSS every `intervalMs` until stopped. VmHWM alone would include start-up (migrations,
 * the library import) in the peak; sampling gives the peak of the stretch we measure, and a
 * short interval keeps a brief spike from slipping between two samples.
 */
export function sampleRss(pid, intervalMs = 100) {
  let peakKb = 0;
  const timer = setInterval(() => {
    void readMemory(pid).then((memory) => {
      if (memory) peakKb = Math.max(peakKb, memory.rssKb);
    });
  }, intervalMs);
  return {
    /** Stops sampling; resolves with the peak seen and the process's VmHWM at this moment. */
    async stop() {
      clearInterval(timer);
      const last = await readMemory(pid);
      if (last) peakKb = Math.max(peakKb, last.rssKb);
      return { peakRssMb: peakKb / 1024, hwmMb: last ? last.hwmKb / 1024 : undefined };
    },
  };
}
