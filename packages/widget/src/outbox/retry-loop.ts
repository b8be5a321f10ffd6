/** What one step of the loop came to. */
export type StepOutcome =
  /** Something was sent; look for more. */
  | "sent"
  /** Nothing is left to send, or sending cannot go on without the employee. */
  | "idle"
  /** Sending failed for a reason that may pass; try again later. */
  | "retry";

export type Schedule = (run: () => void, delayMs: number) => () => void;

/** Waits after consecutive failures, in milliseconds; the last one repeats. */
export const RETRY_DELAYS_MS = [1_000, 2_000, 5_000, 10_000, 30_000] as const;

const setTimer: Schedule = (run, delayMs) => {
  const timer = setTimeout(run, delayMs);
  return () => {
    clearTimeout(timer);
  };
};

/**
 * Runs `step` until it has nothing left, one at a time, so that answers reach the API in the
 * order they were given. After a failure that may pass it waits, longer each time, and `kick()`
 * tries at once (a new answer, the browser coming back online).
 */
export class RetryLoop {
  private running = false;
  private kicked = false;
  private stopped = false;
  private failures = 0;
  private cancelTimer: (() => void) | undefined;

  constructor(
    private readonly step: () => Promise<StepOutcome>,
    private readonly schedule: Schedule = setTimer,
  ) {}

  /** Sends now; while a step is running, the loop looks again once it ends. */
  kick(): void {
    this.stopped = false;
    this.cancelTimer?.();
    this.cancelTimer = undefined;
    if (this.running) {
      this.kicked = true;
      return;
    }
    void this.run();
  }

  /** Stops retrying until the next `kick()`; a running step still finishes. */
  stop(): void {
    this.stopped = true;
    this.cancelTimer?.();
    this.cancelTimer = undefined;
  }

  private async run(): Promise<void> {
    this.running = true;
    let outcome: StepOutcome;
    do {
      this.kicked = false;
      outcome = await this.step();
      if (outcome === "sent") this.failures = 0;
    } while (this.goOn(outcome));
    this.running = false;
    if (outcome === "retry" && !this.stopped) this.retryLater();
  }

  /** Another step at once: after a success, or when something new came in during this one. */
  private goOn(outcome: StepOutcome): boolean {
    return !this.stopped && (outcome === "sent" || this.kicked);
  }

  private retryLater(): void {
    const delay = RETRY_DELAYS_MS[Math.min(this.failures, RETRY_DELAYS_MS.length - 1)] ?? 0;
    this.failures += 1;
    this.cancelTimer = this.schedule(() => {
      this.cancelTimer = undefined;
      void this.run();
    }, delay);
  }
}
