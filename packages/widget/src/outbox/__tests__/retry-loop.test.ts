import { RETRY_DELAYS_MS, RetryLoop } from "../retry-loop.js";
import type { Schedule, StepOutcome } from "../retry-loop.js";

/** A schedule that runs nothing by itself: the test fires the timers it wants. */
function manualSchedule() {
  const timers: { run: () => void; delayMs: number; cancelled: boolean }[] = [];
  const schedule: Schedule = (run, delayMs) => {
    const timer = { run, delayMs, cancelled: false };
    timers.push(timer);
    return () => {
      timer.cancelled = true;
    };
  };
  return { schedule, timers };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe("RetryLoop", () => {
  it("sends one thing at a time until nothing is left", async () => {
    const queue = ["a", "b", "c"];
    const sent: string[] = [];
    let inFlight = 0;
    const loop = new RetryLoop(async () => {
      const next = queue.shift();
      if (next === undefined) return "idle";
      inFlight += 1;
      expect(inFlight).toBe(1);
      await settle();
      sent.push(next);
      inFlight -= 1;
      return "sent";
    });
    loop.kick();
    loop.kick();
    await settle();
    await settle();
    await settle();
    await settle();
    expect(sent).toEqual(["a", "b", "c"]);
  });

  it("waits longer after each failure and starts over after a success", async () => {
    const { schedule, timers } = manualSchedule();
    const outcomes: StepOutcome[] = ["retry", "retry", "sent", "retry"];
    const loop = new RetryLoop(() => Promise.resolve(outcomes.shift() ?? "idle"), schedule);
    loop.kick();
    await settle();
    expect(timers.map((timer) => timer.delayMs)).toEqual([RETRY_DELAYS_MS[0]]);
    timers[0]?.run();
    await settle();
    expect(timers.map((timer) => timer.delayMs)).toEqual([RETRY_DELAYS_MS[0], RETRY_DELAYS_MS[1]]);
    timers[1]?.run();
    await settle();
    // "sent" reset the count, so the failure after it waits the shortest time again.
    expect(timers[2]?.delayMs).toBe(RETRY_DELAYS_MS[0]);
  });

  it("tries at once on kick() instead of waiting out the timer", async () => {
    const { schedule, timers } = manualSchedule();
    let calls = 0;
    const loop = new RetryLoop(() => {
      calls += 1;
      return Promise.resolve(calls === 1 ? "retry" : "idle");
    }, schedule);
    loop.kick();
    await settle();
    loop.kick(); // e.g. the window's `online` event
    await settle();
    expect(calls).toBe(2);
    expect(timers[0]?.cancelled).toBe(true);
  });

  it("stops retrying when stopped", async () => {
    const { schedule, timers } = manualSchedule();
    const loop = new RetryLoop(() => Promise.resolve("retry"), schedule);
    loop.kick();
    await settle();
    loop.stop();
    expect(timers[0]?.cancelled).toBe(true);
  });
});
