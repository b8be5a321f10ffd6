import type { KeyValueStorage } from "../storage.js";

/** An in-memory Web Storage that can be told to refuse writes, as a full quota does. */
export class FakeStorage implements KeyValueStorage {
  readonly data = new Map<string, string>();
  refuseWrites = false;

  getItem(key: string): string | null {
    return this.data.get(key) ?? null;
  }

  setItem(key: string, value: string): void {
    if (this.refuseWrites) throw new DOMException("Quota exceeded", "QuotaExceededError");
    this.data.set(key, value);
  }

  removeItem(key: string): void {
    if (this.refuseWrites) throw new DOMException("Blocked", "SecurityError");
    this.data.delete(key);
  }
}
