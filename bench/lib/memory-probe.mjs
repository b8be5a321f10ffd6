// The API's memory as the API itself sees it: V8's heap (used, external) next to its resident
// set, sampled inside the process by memory-probe.preload.mjs and read here from the file it
// writes. The soak reads these per interval to tell a growing heap from a growing RSS.
import { mkdtemp, readFile, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { onCleanup } from "./cleanup.mjs";

const PRELOAD = fileURLToPath(new URL("./memory-probe.preload.mjs", import.meta.url));

/**
 * Makes a temporary file for the samples (removed at cleanup) and returns the environment that
 * makes a Node process write them there every `intervalMs`, and `samplesBetween`.
 */
export async function createMemoryProbe(intervalMs = 500) {
  const folder = await mkdtemp(path.join(os.tmpdir(), "rs-soak-"));
  const dispose = onCleanup(`temporary folder ${folder}`, () =>
    rm(folder, { recursive: true, force: true }),
  );
  const file = path.join(folder, "memory.jsonl");
  return {
    env: {
      // A file URL, whose spaces are escaped: NODE_OPTIONS splits on spaces.
      NODE_OPTIONS:
        `${process.env.NODE_OPTIONS ?? ""} --import ${pathToFileURL(PRELOAD).href}`.trim(),
      BENCH_MEMORY_PROBE_FILE: file,
      BENCH_MEMORY_PROBE_MS: String(intervalMs),
    },
    /**
     * The samples taken from `from` to `to` (epoch ms), oldest first: { at, rss, heapUsed,
     * heapTotal, external, arrayBuffers }, in bytes. The file is read whole: a sample is some
     * 120 bytes, so an hour at 2 a second is under a megabyte.
     */
    async samplesBetween(from, to) {
      const text = await readFile(file, "utf8").catch(() => "");
      return (
        text
          .split("\n")
          // Every sample ends its line: what follows the last newline is one being written.
          .slice(0, -1)
          .map((line) => JSON.parse(line))
          .filter((sample) => sample.at >= from && sample.at < to)
      );
    },
    dispose,
  };
}
