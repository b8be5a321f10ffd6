// Latency percentiles and error counts, kept exactly (every sample) rather than in a histogram:
// a run is at most a few hundred thousand responses, and autocannon's own histogram rounds to
// whole milliseconds, too coarse for a bare server's sub-millisecond answers.

/** Every latency of a run, in milliseconds. */
export class Latencies {
  #values = new Float64Array(1 << 16);
  #count = 0;
  #sorted;

  add(ms) {
    if (this.#count === this.#values.length) {
      const grown = new Float64Array(this.#values.length * 2);
      grown.set(this.#values);
      this.#values = grown;
    }
    this.#values[this.#count++] = ms;
    this.#sorted = undefined;
  }

  get count() {
    return this.#count;
  }

  /** Adds every latency of `other` (the parts of a mixed load, into one figure). */
  addAll(other) {
    for (const ms of other.#values.subarray(0, other.#count)) this.add(ms);
  }

  /** The nearest-rank percentile (`p` from 0 to 1); NaN without samples. */
  percentile(p) {
    if (this.#count === 0) return NaN;
    this.#sorted ??= this.#values.slice(0, this.#count).sort();
    const rank = Math.min(this.#count, Math.max(1, Math.ceil(p * this.#count)));
    return this.#sorted[rank - 1];
  }
}

/** Errors by kind ("startAttempt: HTTP 429 RATE_LIMITED"), to show what went wrong, not only how often. */
export class ErrorTally {
  #byKind = new Map();
  #total = 0;

  add(kind, count = 1) {
    if (count <= 0) return;
    this.#byKind.set(kind, (this.#byKind.get(kind) ?? 0) + count);
    this.#total += count;
  }

  get total() {
    return this.#total;
  }

  /** Adds every error of `other`, by kind. */
  addAll(other) {
    for (const [kind, count] of other.#byKind) this.add(kind, count);
  }

  /** The most frequent kinds, as "kind ×count". */
  top(n = 3) {
    return [...this.#byKind.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, n)
      .map(([kind, count]) => `${kind} ×${count}`);
  }
}

/**
 * What a GraphQL response body tells about failure: undefined when it has data and no errors,
 * else a short description ("HTTP 429 RATE_LIMITED"). Bodies are checked without a full parse
 * where possible, so that checking stays cheap next to the load it checks.
 */
export function graphqlFailure(status, body) {
  if (status === 200 && body.startsWith('{"data":') && !body.includes('"errors":')) {
    return undefined;
  }
  const code = /"code":"([A-Z_]+)"/.exec(body)?.[1];
  return `HTTP ${status}${code ? ` ${code}` : ""}`;
}
