// Loaded into an API process with `node --import` (see `shiftedClockEnv` in clock.ts): its clock
// starts at E2E_CLOCK_START and runs on from there. A report reads "as of" a month that has not
// begun yet, while the database (its own clock) dates what it stores truly.
const start = Date.parse(process.env.E2E_CLOCK_START ?? "");
if (Number.isNaN(start)) throw new Error("E2E_CLOCK_START must be an ISO 8601 time");
const RealDate = Date;
const offset = start - RealDate.now();

const now = () => RealDate.now() + offset;

// A proxy rather than a subclass, so that `Date()` without `new` keeps working too.
globalThis.Date = new Proxy(RealDate, {
  construct: (target, args, newTarget) =>
    Reflect.construct(target, args.length === 0 ? [now()] : args, newTarget),
  apply: () => new RealDate(now()).toString(),
  get: (target, property, receiver) =>
    property === "now" ? now : Reflect.get(target, property, receiver),
});
