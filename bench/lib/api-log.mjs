// The API's log during a case, summarised: at LOG_LEVEL=warn every line is something to know
// about (a pool timeout, a failed rate-limit store), but a thousand JSON lines would bury the
// figures. Lines are counted by level and message and shown under the case's row; anything
// that is not a log line (a crash's stack) goes to stderr as it is.
import { createInterface } from "node:readline";

const LEVELS = { 30: "info", 40: "warn", 50: "error", 60: "fatal" };

export class ApiLog {
  #counts = new Map();

  /** Reads `stream` (the API's stdout or stderr) line by line until it ends. */
  follow(stream) {
    createInterface({ input: stream }).on("line", (line) => this.#read(line));
  }

  #read(line) {
    let entry;
    try {
      entry = JSON.parse(line);
    } catch {
      process.stderr.write(`API: ${line}\n`);
      return;
    }
    const level = LEVELS[entry.level] ?? String(entry.level);
    const error = entry.err?.message ? `: ${entry.err.message}` : "";
    const key = `${level} "${entry.msg}${error}"`;
    this.#counts.set(key, (this.#counts.get(key) ?? 0) + 1);
  }

  /** "API log: 11 × error "…"", most frequent first; empty when the API logged nothing. */
  summary(limit = 3) {
    return [...this.#counts.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, limit)
      .map(([key, count]) => `API log: ${count} × ${key}`);
  }
}
