import { fileURLToPath } from "node:url";

const SHIFTED_CLOCK = fileURLToPath(new URL("./shifted-clock.mjs", import.meta.url));

/**
 * The first moment of the month after `now`'s (UTC), plus an hour: a time at which `now`'s month
 * has ended.
 */
export function startOfNextMonth(now: Date = new Date()): Date {
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 1, 1));
}

/**
 * Environment for `startApi` that runs the API process's clock from `start` on. Team reports count
 * only months that have ended, so a suite that submits attempts now reads the report from an API
 * whose clock says next month. The database's clock is left alone.
 */
export function shiftedClockEnv(start: Date): Record<string, string> {
  return {
    E2E_CLOCK_START: start.toISOString(),
    NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ""} --import=${SHIFTED_CLOCK}`.trim(),
  };
}
