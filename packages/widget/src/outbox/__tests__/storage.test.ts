import { resilientStorage } from "../storage.js";
import { FakeStorage } from "./fake-storage.js";

describe("resilientStorage", () => {
  it("writes through to the browser's storage when it accepts", () => {
    const backing = new FakeStorage();
    const storage = resilientStorage(() => backing);
    storage.setItem("k", "v");
    expect(backing.getItem("k")).toBe("v");
    expect(storage.getItem("k")).toBe("v");
  });

  it("keeps values in memory when the quota is full, and removals too", () => {
    const backing = new FakeStorage();
    backing.setItem("k", "old");
    backing.refuseWrites = true;
    const storage = resilientStorage(() => backing);
    storage.setItem("k", "new");
    expect(storage.getItem("k")).toBe("new");
    storage.removeItem("k");
    expect(storage.getItem("k")).toBeNull();
  });

  it("works in memory alone when storage cannot even be opened", () => {
    const storage = resilientStorage(() => {
      throw new DOMException("The operation is insecure.", "SecurityError");
    });
    expect(storage.getItem("k")).toBeNull();
    storage.setItem("k", "v");
    expect(storage.getItem("k")).toBe("v");
  });
});
