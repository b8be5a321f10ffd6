/** The part of the Web Storage API the outbox uses; tests pass a fake. */
export interface KeyValueStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

/**
 * `localStorage` where the browser allows it, with a copy in memory for whatever it refuses:
 * storage blocked by the host page's settings, private modes, a full quota. The flow goes on
 * either way; only surviving a reload is lost.
 */
export function resilientStorage(open: () => KeyValueStorage): KeyValueStorage {
  // Values the backing store refused; `null` marks a removal it refused.
  const memory = new Map<string, string | null>();
  let backing: KeyValueStorage | undefined;
  try {
    // Merely reading `window.localStorage` throws when the browser blocks storage.
    backing = open();
  } catch {
    backing = undefined;
  }
  const attempt = (write: (store: KeyValueStorage) => void): boolean => {
    if (!backing) return false;
    try {
      write(backing);
      return true;
    } catch {
      return false;
    }
  };
  return {
    getItem(key) {
      if (memory.has(key)) return memory.get(key) ?? null;
      let value: string | null = null;
      attempt((store) => (value = store.getItem(key)));
      return value;
    },
    setItem(key, value) {
      const written = attempt((store) => {
        store.setItem(key, value);
      });
      if (written) memory.delete(key);
      else memory.set(key, value);
    },
    removeItem(key) {
      const removed = attempt((store) => {
        store.removeItem(key);
      });
      if (removed) memory.delete(key);
      else memory.set(key, null);
    },
  };
}

let pageStorage: KeyValueStorage | undefined;

/** One storage per page, so that every element sees what the others kept in memory. */
export function browserStorage(): KeyValueStorage {
  pageStorage ??= resilientStorage(() => window.localStorage);
  return pageStorage;
}
