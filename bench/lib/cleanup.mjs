// Whatever a run creates outside itself (API processes, the bare server, the generator, the
// scratch PostgreSQL database, temporary folders) is registered here, so that it is removed on
// every way out: a normal end, a thrown error, or Ctrl-C / SIGTERM in the middle of a case.

/** @type {Map<number, { label: string, undo: () => unknown, done?: Promise<void> }>} */
const tasks = new Map();
let nextId = 0;
let stopping = false;

/**
 * Registers `undo` and returns a function that runs it now and forgets it. Running a task twice
 * (by its owner and by a signal's sweep at once) runs it once: both wait for the same promise.
 */
export function onCleanup(label, undo) {
  const id = nextId++;
  tasks.set(id, { label, undo });
  // Created while a signal is tearing everything down: undo at once, the sweep waits for it.
  if (stopping) void run(id);
  return () => run(id);
}

function run(id) {
  const task = tasks.get(id);
  if (!task) return Promise.resolve();
  task.done ??= (async () => {
    try {
      await task.undo();
    } finally {
      tasks.delete(id);
    }
  })();
  return task.done;
}

/**
 * Runs every task still registered, newest first (a database is dropped only after the
 * processes using it have ended); a failing task does not stop the others.
 */
export async function cleanUpAll() {
  while (tasks.size > 0) {
    const ids = [...tasks.keys()].reverse();
    for (const id of ids) {
      const label = tasks.get(id)?.label;
      try {
        await run(id);
      } catch (error) {
        console.error(
          `cleanup of ${label} failed: ${error instanceof Error ? error.message : error}`,
        );
      }
    }
  }
}

/**
 * On Ctrl-C or SIGTERM: clean up, then exit with the signal's conventional status. An error
 * thrown where nothing catches it (inside autocannon's callbacks, say) cleans up too.
 */
export function cleanUpOnSignals() {
  const stop = (status, message) => {
    // A second Ctrl-C while cleaning up leaves at once.
    if (stopping) process.exit(status);
    stopping = true;
    console.error(message);
    void cleanUpAll().finally(() => process.exit(status));
  };
  process.on("SIGINT", () => stop(130, "\nSIGINT: stopping, cleaning up…"));
  process.on("SIGTERM", () => stop(143, "\nSIGTERM: stopping, cleaning up…"));
  process.on("uncaughtException", (error) => stop(1, error.stack ?? String(error)));
}
