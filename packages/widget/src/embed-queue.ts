// The pre-load queue. A page may call `RealSkills.configure(…)` before real-skills.js has run
// (an `async` or `defer` script tag, or one a tag manager adds late). The snippet in
// docs/embedding.md puts a stub on `window.RealSkills` that records each call as
// `[method, arguments]`; the script replays the records here, in order, without timers. Arguments
// are kept as passed, so a `getToken` function survives by reference.

/** One call the stub recorded: the method's name and the arguments it was called with. */
export type QueuedCall = readonly [method: string, args: ArrayLike<unknown>];

/** What the pre-load snippet installs: an object whose methods push their calls onto `q`. */
export interface RealSkillsStub {
  /** The recorded calls, an array; after `drain`, an object whose `push` forwards instead. */
  q: { push(call: QueuedCall): unknown };
}

/** True for the snippet's stub; false for the script's own object and for anything else. */
export function isStub(value: unknown): value is RealSkillsStub {
  return typeof value === "object" && value !== null && Array.isArray((value as { q?: unknown }).q);
}

/**
 * Calls each recorded method on `api`, in the order the page made the calls. A call that fails —
 * an unknown method, or one that throws — goes to `onError` and does not stop the calls after it,
 * just as it would not have stopped them had the script been there already.
 */
export function replay(
  calls: readonly unknown[],
  api: object,
  onError: (error: unknown) => void,
): void {
  for (const call of calls) {
    try {
      // Destructuring a malformed record throws, which lands in `onError` like any failure.
      const [method, args] = call as QueuedCall;
      // Own properties only: a recorded "constructor" or "toString" is no method of ours.
      const target: unknown = Object.hasOwn(api, method)
        ? (api as Record<string, unknown>)[method]
        : undefined;
      if (typeof target !== "function") throw new TypeError(`RealSkills.${method}?`);
      // `apply` takes the recorded `arguments` object as it is.
      Reflect.apply(target, api, args);
    } catch (error) {
      onError(error);
    }
  }
}

/**
 * Replays the stub's calls on `api`, then makes the stub forward every later call straight to
 * `api`: a page that kept a reference to the stub (rather than reading `window.RealSkills` again)
 * loses nothing.
 */
export function drain(stub: RealSkillsStub, api: object, onError: (error: unknown) => void): void {
  const recorded: unknown = stub.q;
  replay(Array.isArray(recorded) ? recorded : [], api, onError);
  stub.q = {
    push: (call: QueuedCall) => {
      replay([call], api, onError);
    },
  };
}
